@echo off
rem Banli (banli) for WPS Office on Windows: double-click to install for this user; "install-wps.cmd -Uninstall" removes it.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0install-wps.ps1" %*
pause

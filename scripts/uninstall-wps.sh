#!/usr/bin/env bash
# Removes 办理助手 from WPS Office for the current user (the same as install-wps.sh --uninstall).
exec "$(dirname "${BASH_SOURCE[0]}")/install-wps.sh" --uninstall "$@"

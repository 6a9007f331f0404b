# 办理助手 for WPS Office on Windows: installs the offline add-in for the current user.
#
#   powershell -ExecutionPolicy Bypass -File install-wps.ps1              install (or update)
#   powershell -ExecutionPolicy Bypass -File install-wps.ps1 -Uninstall   remove it and its publish.xml entries
#   ... install-wps.ps1 -From C:\path\banli_0.1.0                         install that add-in folder
#
# Copies the folder to %APPDATA%\kingsoft\wps\jsaddons\ and registers it in publish.xml there for WPS 表格 (et) and
# WPS 文字 (wps); other add-ins' entries are kept; running it again gives the same result. Restart WPS afterwards.
# install-wps.cmd runs this script with a double-click.
[CmdletBinding()]
param(
  [switch]$Uninstall,
  [string]$From = ''
)
$ErrorActionPreference = 'Stop'
$Name = 'banli'
$JsAddons = if ($env:BANLI_WPS_JSADDONS) { $env:BANLI_WPS_JSADDONS } else { Join-Path $env:APPDATA 'kingsoft\wps\jsaddons' }
$Publish = Join-Path $JsAddons 'publish.xml'
$Here = Split-Path -Parent $MyInvocation.MyCommand.Path

function Fail([string]$message) {
  Write-Host "办理助手：$message" -ForegroundColor Red
  exit 2
}

function Load-Publish {
  $doc = New-Object System.Xml.XmlDocument
  if (Test-Path $Publish) {
    try { $doc.Load($Publish) } catch { Fail "publish.xml 不是有效的 XML（$Publish）：请先备份后删除它，再运行本脚本。" }
    if ($doc.DocumentElement -eq $null -or $doc.DocumentElement.Name -ne 'jsplugins') { Fail "publish.xml 的根元素不是 jsplugins（$Publish）。" }
    $backup = "$Publish.banli-backup"
    if (-not (Test-Path $backup)) { Copy-Item $Publish $backup }
  } else {
    $doc.AppendChild($doc.CreateXmlDeclaration('1.0', 'UTF-8', $null)) | Out-Null
    $doc.AppendChild($doc.CreateElement('jsplugins')) | Out-Null
  }
  # Banli's entries go; the other add-ins' stay.
  foreach ($n in @($doc.DocumentElement.SelectNodes("jsplugin[@name='$Name'] | jspluginonline[@name='$Name']"))) {
    $doc.DocumentElement.RemoveChild($n) | Out-Null
  }
  return $doc
}

function Save-Publish($doc) {
  New-Item -ItemType Directory -Force -Path $JsAddons | Out-Null
  $tmp = "$Publish.tmp"
  $settings = New-Object System.Xml.XmlWriterSettings
  $settings.Indent = $true
  $settings.Encoding = New-Object System.Text.UTF8Encoding($false)
  $writer = [System.Xml.XmlWriter]::Create($tmp, $settings)
  $doc.Save($writer)
  $writer.Close()
  Move-Item -Force $tmp $Publish
}

if ($Uninstall) {
  $removed = 0
  Get-ChildItem -Path $JsAddons -Directory -Filter "$($Name)_*" -ErrorAction SilentlyContinue | ForEach-Object { Remove-Item -Recurse -Force $_.FullName; $removed++ }
  if (Test-Path $Publish) { Save-Publish (Load-Publish) }
  Write-Host "办理助手已卸载（删除 $removed 个文件夹；publish.xml 中其他加载项保留）。请重新启动 WPS。"
  exit 0
}

if ($From) {
  if (-not (Test-Path (Join-Path $From 'ribbon.xml'))) { Fail "$From 不是办理助手的 WPS 加载项文件夹（里面没有 ribbon.xml）。" }
  $Source = (Resolve-Path $From).Path
} else {
  $candidates = @(Get-ChildItem -Path $Here, (Join-Path $Here '..\dist-wps') -Directory -Filter "$($Name)_*" -ErrorAction SilentlyContinue | Where-Object { Test-Path (Join-Path $_.FullName 'ribbon.xml') })
  if ($candidates.Count -eq 0) { Fail '没有找到加载项文件夹 dist-wps\banli_版本号：请先运行 npm run build:wps。' }
  $Source = $candidates[0].FullName
}
$Folder = Split-Path -Leaf $Source
$Version = $Folder.Substring($Name.Length + 1)

New-Item -ItemType Directory -Force -Path $JsAddons | Out-Null
# Copy to a temporary name, then rename: a half-copied add-in is never registered.
$Stage = Join-Path $JsAddons ".$Folder.tmp"
if (Test-Path $Stage) { Remove-Item -Recurse -Force $Stage }
Copy-Item -Recurse $Source $Stage
Get-ChildItem -Path $JsAddons -Directory -Filter "$($Name)_*" | ForEach-Object { Remove-Item -Recurse -Force $_.FullName }
Rename-Item $Stage $Folder

$doc = Load-Publish
foreach ($type in @('et', 'wps')) {
  $e = $doc.CreateElement('jsplugin')
  foreach ($pair in @(@('name', $Name), @('type', $type), @('url', $Folder), @('version', $Version), @('enable', 'enable_dev'), @('install', 'null'), @('customDomain', ''))) {
    $e.SetAttribute($pair[0], $pair[1])
  }
  $doc.DocumentElement.AppendChild($e) | Out-Null
}
Save-Publish $doc
Write-Host "办理助手 $Version 已安装到 $JsAddons\$Folder，并登记在 publish.xml（WPS 表格、WPS 文字）。请重新启动 WPS。"

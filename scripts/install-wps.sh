#!/usr/bin/env bash
# 办理助手 for WPS Office on Linux (Kylin, UOS, Deepin, Ubuntu …): installs the offline add-in for the current user.
#
#   scripts/install-wps.sh               install (or update) from dist-wps/ (run `npm run build:wps` first)
#   scripts/install-wps.sh --uninstall   remove the add-in and its publish.xml entries
#   scripts/install-wps.sh --from DIR    install the add-in folder DIR (banli_<version>)
#
# It copies the folder to ~/.local/share/Kingsoft/wps/jsaddons/ and registers it in publish.xml there, for WPS 表格
# (type et) and WPS 文字 (type wps); other add-ins' entries are kept. Running it again gives the same result.
# BANLI_WPS_JSADDONS overrides the jsaddons folder. Restart WPS afterwards.
set -euo pipefail

NAME=banli
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JSADDONS="${BANLI_WPS_JSADDONS:-$HOME/.local/share/Kingsoft/wps/jsaddons}"
PUBLISH="$JSADDONS/publish.xml"

die() {
  echo "办理助手：$*" >&2
  exit 2
}

MODE=install
FROM=""
while [ $# -gt 0 ]; do
  case "$1" in
    --uninstall) MODE=uninstall ;;
    --from) FROM="${2:-}"; [ -n "$FROM" ] || die "--from 后面要写加载项文件夹（banli_版本号）。"; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "不认识的参数：$1（可用 --uninstall、--from 文件夹）。" ;;
  esac
  shift
done

# The add-in folder: given, next to this script (a copied dist-wps/), or in the repository's dist-wps/.
find_source() {
  if [ -n "$FROM" ]; then
    [ -f "$FROM/ribbon.xml" ] || die "$FROM 不是办理助手的 WPS 加载项文件夹（里面没有 ribbon.xml）。"
    echo "$(cd "$FROM" && pwd)"
    return
  fi
  local d
  for d in "$HERE" "$HERE/../dist-wps"; do
    for f in "$d"/"$NAME"_*/; do
      [ -f "$f/ribbon.xml" ] && { echo "$(cd "$f" && pwd)"; return; }
    done
  done
  die "没有找到加载项文件夹 dist-wps/${NAME}_版本号：请先运行 npm run build:wps。"
}

# publish.xml without Banli's entries (self-closing <jsplugin…/> or <jspluginonline…/> elements, or open/close pairs).
without_ours() {
  sed -E \
    -e "s#<jsplugin(online)?[[:space:]]([^>]*[[:space:]])?name=\"$NAME\"[^>]*/>##g" \
    -e "s#<jsplugin(online)?[[:space:]]([^>]*[[:space:]])?name=\"$NAME\"[^>/]*>[[:space:]]*</jsplugin(online)?>##g" \
    "$1" | sed -E '/^[[:space:]]*$/d'
}

write_publish() { # $1: entries to add (may be empty)
  local entries="$1" tmp="$PUBLISH.tmp.$$" body
  mkdir -p "$JSADDONS"
  if [ -f "$PUBLISH" ] && grep -q '<jsplugins' "$PUBLISH"; then
    [ -f "$PUBLISH.banli-backup" ] || cp -p "$PUBLISH" "$PUBLISH.banli-backup"
    body="$(without_ours "$PUBLISH")"
    if ! printf '%s' "$body" | grep -q '</jsplugins>'; then
      # <jsplugins/> (empty, self-closing): open it up.
      body="$(printf '%s' "$body" | sed -E 's#<jsplugins[[:space:]]*/>#<jsplugins>\n</jsplugins>#')"
    fi
  else
    body='<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
</jsplugins>'
  fi
  if [ -n "$entries" ]; then
    # Before the closing tag (awk: the entries may hold characters sed would read as its own).
    printf '%s\n' "$body" | ENTRIES="$entries" awk '
      !done && /<\/jsplugins>/ { i = index($0, "</jsplugins>"); pre = substr($0, 1, i - 1)
        if (pre ~ /[^[:space:]]/) print pre; print ENVIRON["ENTRIES"]; print substr($0, i); done = 1; next }
      { print }' > "$tmp"
  else
    printf '%s\n' "$body" > "$tmp"
  fi
  mv -f "$tmp" "$PUBLISH"
}

if [ "$MODE" = uninstall ]; then
  removed=0
  for d in "$JSADDONS"/"$NAME"_*/; do
    [ -d "$d" ] || continue
    rm -rf "$d"
    removed=$((removed + 1))
  done
  [ -f "$PUBLISH" ] && write_publish ""
  echo "办理助手已卸载（删除 $removed 个文件夹；publish.xml 中其他加载项保留）。请重新启动 WPS。"
  exit 0
fi

SRC="$(find_source)"
FOLDER="$(basename "$SRC")"
VERSION="${FOLDER#"${NAME}"_}"
mkdir -p "$JSADDONS" || die "无法创建 $JSADDONS：请检查这个文件夹的权限。"

# Copy to a temporary name in the same folder, then rename: a half-copied add-in is never registered.
STAGE="$JSADDONS/.$FOLDER.tmp.$$"
rm -rf "$STAGE"
cp -R "$SRC" "$STAGE"
for d in "$JSADDONS"/"$NAME"_*/; do
  [ -d "$d" ] && rm -rf "$d"
done
mv "$STAGE" "$JSADDONS/$FOLDER"

ENTRIES="  <jsplugin name=\"$NAME\" type=\"et\" url=\"$FOLDER\" version=\"$VERSION\" enable=\"enable_dev\" install=\"null\" customDomain=\"\"/>
  <jsplugin name=\"$NAME\" type=\"wps\" url=\"$FOLDER\" version=\"$VERSION\" enable=\"enable_dev\" install=\"null\" customDomain=\"\"/>"
write_publish "$ENTRIES"
echo "办理助手 $VERSION 已安装到 $JSADDONS/$FOLDER，并登记在 publish.xml（WPS 表格、WPS 文字）。请重新启动 WPS：表格和文字的“建议提案”选项卡里有“办理助手”。"

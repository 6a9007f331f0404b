#!/usr/bin/env bash
# Installs the Debian packages the tests need (LibreOffice Writer and Calc, CJK and Liberation fonts, poppler, Chromium), once.
# Idempotent: does nothing when everything is already there. Needs root (CI and the dev machines run as root).
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-liberation2 poppler-utils fontconfig chromium)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup-system: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The standard's font names mapped to the free fonts (see shared design notes and tests/fonts/).
mkdir -p "${HOME}/.config/fontconfig/conf.d"
cp tests/fonts/99-banli-gbt9704.conf "${HOME}/.config/fontconfig/conf.d/99-banli-gbt9704.conf"
fc-cache -f >/dev/null 2>&1 || true
echo "setup-system: ready"

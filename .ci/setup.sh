#!/usr/bin/env bash
# Machine set-up for the tests, run by `npm test` before anything else. On Debian as root it installs what is
# missing; otherwise it says exactly what to install and stops. Idempotent: a set-up machine costs a second.
set -eu
cd "$(dirname "$0")/.."
packages="chromium fonts-noto-cjk poppler-utils pandoc libreoffice-writer-nogui xvfb unzip libxml2-utils redis-server"
missing=""
if command -v dpkg >/dev/null 2>&1; then
  for package in $packages; do dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"; done
fi
fandol=/usr/local/share/fonts/fandol/FandolFang-Regular.otf
if [ -n "$missing" ] || [ ! -f "$fandol" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    if [ -n "$missing" ]; then
      echo "Installing Debian packages the tests need:$missing"
      apt-get update -qq
      apt-get install -y -qq $missing >/dev/null
    fi
    bash .ci/fonts.sh
  else
    echo "The tests need these Debian packages:${missing:- (all present)}; and the Fandol fonts in /usr/local/share/fonts/fandol."
    echo "Run as root:  apt-get install -y$missing && bash .ci/fonts.sh"
    echo "(or run npm test as root on a Debian machine, which does both)."
    exit 1
  fi
fi
# The fontconfig aliases of the official font names (仿宋_GB2312 → FandolFang …), as the .deb package installs them.
if [ -f packaging/fontconfig/65-wrs-official-fonts.conf ] && [ "$(id -u)" = 0 ] && [ -d /etc/fonts/conf.d ]; then
  if ! cmp -s packaging/fontconfig/65-wrs-official-fonts.conf /etc/fonts/conf.d/65-wrs-official-fonts.conf; then
    cp packaging/fontconfig/65-wrs-official-fonts.conf /etc/fonts/conf.d/ && fc-cache -f >/dev/null 2>&1 || true
  fi
fi
# npm packages: install when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

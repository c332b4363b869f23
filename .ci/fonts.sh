#!/usr/bin/env bash
# Free substitutes for the official fonts (仿宋 / 楷体 / 黑体 / 宋体): the Fandol fonts shipped inside
# Debian's texlive-lang-chinese (there is no fonts-fandol package). Extracted, not installed, to
# avoid pulling in TeX Live. Idempotent.
set -eu
target=/usr/local/share/fonts/fandol
if [ ! -f "$target/FandolFang-Regular.otf" ]; then
  work=$(mktemp -d)
  (cd "$work" && apt-get download texlive-lang-chinese >/dev/null 2>&1 || { apt-get update -qq && apt-get download texlive-lang-chinese >/dev/null; })
  dpkg-deb -x "$work"/texlive-lang-chinese_*.deb "$work/x"
  mkdir -p "$target"
  find "$work/x" -name 'Fandol*.otf' -exec cp {} "$target/" \;
  rm -rf "$work"
fi
fc-cache -f >/dev/null 2>&1 || true

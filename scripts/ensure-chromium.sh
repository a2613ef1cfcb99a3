#!/usr/bin/env bash
# The browser tests need Chromium and CJK fonts. On a fresh Debian machine where we are root, install
# Debian's packages; anywhere else, fail and say how — a browser test is never silently skipped.
set -euo pipefail

browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$browser" ] || missing+=(chromium)
if ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK\|Noto Serif CJK'; then missing+=(fonts-noto-cjk); fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && [ -z "${CHROMIUM_PATH:-}" ]; then
  echo "浏览器测试需要 ${missing[*]}，正在用 apt-get 安装…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

cat >&2 <<MSG
浏览器测试需要 Chromium 和中文字体，本机缺少：${missing[*]}
  Debian/Ubuntu:  sudo apt-get install chromium fonts-noto-cjk
  其他系统：安装 Chromium 后设置 CHROMIUM_PATH=/path/to/chromium，并安装 Noto CJK 字体。
MSG
exit 1

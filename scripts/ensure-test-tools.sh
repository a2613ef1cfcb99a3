#!/usr/bin/env bash
# The browser tests need Chromium and CJK fonts; the report test needs LibreOffice (docx → PDF) and
# poppler (pdftotext). On a Debian machine where we are root, install Debian's packages when missing;
# anywhere else, fail and say how — a test is never silently skipped.
set -euo pipefail

browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$browser" ] || missing+=(chromium)
fonts=$(fc-list : family 2>/dev/null || true)
grep -qi 'Noto Sans CJK\|Noto Serif CJK' <<<"$fonts" || missing+=(fonts-noto-cjk)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  # CHROMIUM_PATH names a browser of the person's own: never install a second one for them.
  if [ -n "${CHROMIUM_PATH:-}" ]; then missing=("${missing[@]/chromium}"); fi
  echo "测试需要 ${missing[*]}，正在用 apt-get 安装…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing[*]} >/dev/null
  exit 0
fi

cat >&2 <<MSG
测试需要以下软件，本机缺少：${missing[*]}
  Debian/Ubuntu:  sudo apt-get install chromium fonts-noto-cjk libreoffice-writer-nogui poppler-utils
  其他系统：安装 Chromium 后设置 CHROMIUM_PATH=/path/to/chromium，并安装 Noto CJK 字体、LibreOffice 和 poppler。
MSG
exit 1

#!/usr/bin/env bash
# Playwright cannot download its own browser here, so the tests use Debian's Chromium.
# Installs it when missing (as root, with apt-get), or says exactly what to do.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chromium mangler; installerer Debians chromium-pakke …"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium mangler ($browser). Installér den med: sudo apt-get install -y chromium" >&2
echo "eller peg CHROMIUM_PATH på en Chromium/Chrome." >&2
exit 1

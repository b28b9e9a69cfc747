#!/bin/sh
# The browser journeys (npm run test:e2e) drive Debian's Chromium. Installs it with apt-get when it is
# missing and we may (root, apt-get present: CI containers); otherwise says how to get one.
# CHROMIUM_PATH points the journeys at another Chromium or Chrome binary.
set -eu
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "ensure-chromium: CHROMIUM_PATH=$CHROMIUM is not an executable" >&2
  exit 1
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "ensure-chromium: installing chromium with apt-get" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  exit 0
fi
echo "ensure-chromium: no Chromium at $CHROMIUM. Install Debian's (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1

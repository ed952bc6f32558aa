#!/usr/bin/env bash
# Headless Chromium and its WebDriver for the web page's end-to-end test, from Debian's packages.
set -euo pipefail
LOG_TAG=browser
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
apt_install chromium chromium-driver

#!/usr/bin/env bash
# Headless Chromium and its WebDriver for the web page's end-to-end test, from Debian's packages.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
echo "[browser] installing chromium and chromium-driver from Debian's packages" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2

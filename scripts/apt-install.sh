#!/usr/bin/env bash
# Installs Debian packages unattended without starting their services (the tests run their own servers).
# Usage: scripts/apt-install.sh PACKAGE...
set -euo pipefail
command -v apt-get >/dev/null || { echo "[apt] apt-get is not available: install $* by hand" >&2; exit 3; }
echo "[apt] installing $* from Debian's packages" >&2
apt-get -o DPkg::Lock::Timeout=600 update -qq
# policy-rc.d 101 keeps the packages' services from starting (no systemd here, and not wanted).
rc=/usr/sbin/policy-rc.d created=""
if [ ! -e "$rc" ]; then printf '#!/bin/sh\nexit 101\n' >"$rc"; chmod +x "$rc"; created=1; fi
status=0
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$@" >&2 || status=$?
if [ -n "$created" ]; then rm -f "$rc"; fi
exit "$status"

#!/usr/bin/env bash
# systemd-analyze, to check the units in deploy/systemd (SystemdUnitsTest), from Debian's package `systemd`;
# installed when missing (nothing is started), its path printed.
set -euo pipefail
if ! command -v systemd-analyze >/dev/null; then
  echo "[systemd-analyze] installing systemd from Debian's packages" >&2
  "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" systemd
fi
command -v systemd-analyze

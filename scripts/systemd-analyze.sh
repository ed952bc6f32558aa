#!/usr/bin/env bash
# systemd-analyze, to check the units in deploy/systemd (SystemdUnitsTest), from Debian's package `systemd`;
# installed when missing (nothing is started), its path printed.
set -euo pipefail
LOG_TAG=systemd-analyze
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need_command systemd-analyze --no-install-recommends systemd
command -v systemd-analyze

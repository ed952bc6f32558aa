#!/usr/bin/env bash
# Prometheus for the tests and local use, from Debian's package `prometheus`.
# Usage: scripts/prometheus.sh install     install the package if the binary is missing; print its path
# The package's own service is not started: tests run their own server on loopback with their own
# storage. PORTTRACER_PROMETHEUS_BIN names another binary.
set -euo pipefail

LOG_TAG=prometheus
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

find_bin() {
  if [ -n "${PORTTRACER_PROMETHEUS_BIN:-}" ]; then echo "$PORTTRACER_PROMETHEUS_BIN"; return; fi
  command -v prometheus 2>/dev/null || { [ -x /usr/bin/prometheus ] && echo /usr/bin/prometheus; } || true
}

install() {
  local bin; bin="$(find_bin)"
  if [ -z "$bin" ]; then
    apt_install --no-install-recommends prometheus
    bin="$(find_bin)"
  fi
  [ -n "$bin" ] || { log "prometheus binary not found after install"; exit 1; }
  echo "$bin"
}

case "${1:-}" in
  install) install ;;
  *) echo "usage: $0 install" >&2; exit 2 ;;
esac

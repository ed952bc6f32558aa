#!/usr/bin/env bash
# The pinned @redocly/cli (tools/redocly/package-lock.json) installed into the checkout, and the lint of the API's
# OpenAPI document with tools/redocly/redocly.yaml (recommended rules; operationId, 4xx, description as errors).
# Usage: scripts/openapi-lint.sh install    npm ci into tools/redocly when the pinned version is not there
#        scripts/openapi-lint.sh [args]     lint search-api's openapi.json (extra args go to redocly, e.g. --format=json)
# Environment: PORTTRACER_OPENAPI_DOC lints another document (the test proves the rules bite on a broken copy).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/tools/redocly"
BIN="$DIR/node_modules/.bin/redocly"
# Redocly's own network calls (usage telemetry, update check) are not wanted in tests.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

LOG_TAG=openapi-lint
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pinned() { sed -n 's/.*"@redocly\/cli": *"\([^"]*\)".*/\1/p' "$DIR/package.json"; }

install() {
  if [ -x "$BIN" ] && [ "$("$BIN" --version 2>/dev/null | tail -n1)" = "$(pinned)" ]; then return; fi
  need_command npm nodejs npm
  log "installing @redocly/cli $(pinned) into tools/redocly (npm ci)"
  (cd "$DIR" && npm ci --no-audit --no-fund --loglevel=error >&2)
}

case "${1:-}" in
  install) install ;;
  *) [ -x "$BIN" ] || { log "redocly is not installed: run scripts/openapi-lint.sh install"; exit 3; }
     cd "$DIR" && exec "$BIN" lint --config "$DIR/redocly.yaml" "$@" "${PORTTRACER_OPENAPI_DOC:-$ROOT/search-api/src/main/resources/openapi.json}" ;;
esac

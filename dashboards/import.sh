#!/usr/bin/env bash
# Imports PortTracer's data views and dashboards into a Kibana (8.9+ or 9.x), replacing earlier copies.
# Usage: dashboards/import.sh [KIBANA_URL]        (default $KIBANA_URL or http://127.0.0.1:5601)
# Environment: KIBANA_USER / KIBANA_PASSWORD for basic auth, KIBANA_SPACE to import into a space,
#              KIBANA_WAIT seconds to wait for Kibana to be available (default 0).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
URL="${1:-${KIBANA_URL:-http://127.0.0.1:5601}}"
URL="${URL%/}"
[ -n "${KIBANA_SPACE:-}" ] && URL="$URL/s/$KIBANA_SPACE"
FILE="$HERE/porttracer.ndjson"
# Credentials go to curl as a config file on a pipe, never as arguments other users could read in ps.
auth_config() { [ -z "${KIBANA_USER:-}" ] || printf 'user = "%s:%s"\n' "$KIBANA_USER" "${KIBANA_PASSWORD:-}"; }

for _ in $(seq 1 "${KIBANA_WAIT:-0}"); do
  curl -fsS -m 5 -K <(auth_config) "${URL%/s/*}/api/status" 2>/dev/null | grep -q '"level":"available"' && break
  sleep 1
done

echo "[dashboards] importing $(wc -l <"$FILE") saved objects into $URL" >&2
reply="$(curl -sS -m 60 -K <(auth_config) -X POST "$URL/api/saved_objects/_import?overwrite=true" \
  -H 'kbn-xsrf: porttracer' -F "file=@$FILE;type=application/ndjson")"
if command -v jq >/dev/null; then
  echo "$reply" | jq -r '
    "success: \(.success)  imported: \(.successCount // 0)",
    (.successResults // [] | .[] | "  \(.type)\t\(.id)\t\(.meta.title // "")"),
    (.errors // [] | .[] | "  ERROR \(.type) \(.id): \(.error.type) \(.error.message // "")"),
    (if .statusCode then "  ERROR \(.statusCode) \(.error): \(.message)" else empty end)'
else
  echo "$reply"
fi
echo "$reply" | grep -q '"success":true'

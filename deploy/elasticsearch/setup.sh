#!/usr/bin/env bash
# One-shot set-up of a secured Elasticsearch for PortTracer (docker-compose's es-setup service, or by hand):
# sets the built-in kibana_system user's password and creates the "porttracer" user with the "porttracer"
# role of roles.yml (mounted as the cluster's roles.yml). Idempotent: run it again to change the passwords.
# Usage: setup.sh [ES_URL]   Environment: ELASTIC_PASSWORD, KIBANA_PASSWORD, PORTTRACER_ES_PASSWORD,
#        ES_CA_FILE (a PEM CA for https URLs). Passwords go in request bodies, never on a command line.
set -euo pipefail
URL="${1:-http://127.0.0.1:9200}"
: "${ELASTIC_PASSWORD:?}" "${KIBANA_PASSWORD:?}" "${PORTTRACER_ES_PASSWORD:?}"
ca=()
[ -n "${ES_CA_FILE:-}" ] && ca=(--cacert "$ES_CA_FILE")
# curl reads the elastic user's credentials from a config on stdin, so they stay out of the process list.
# Request bodies (holding passwords) go through a 0600 temporary file for the same reason.
body_file="$(mktemp)"; trap 'rm -f "$body_file"' EXIT
es() {
  local method="$1" path="$2"
  printf '%s' "$3" >"$body_file"
  printf 'user = "elastic:%s"\n' "$ELASTIC_PASSWORD" | curl -fsS -K - "${ca[@]}" -X "$method" "$URL$path" \
    -H 'Content-Type: application/json' --data-binary "@$body_file" >/dev/null
}
json_string() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }
until printf 'user = "elastic:%s"\n' "$ELASTIC_PASSWORD" | curl -fsS -K - "${ca[@]}" "$URL/_cluster/health" >/dev/null 2>&1; do
  echo "[es-setup] waiting for Elasticsearch at $URL" >&2; sleep 2
done
es POST /_security/user/kibana_system/_password "{\"password\":\"$(json_string "$KIBANA_PASSWORD")\"}"
es POST /_security/user/porttracer "{\"password\":\"$(json_string "$PORTTRACER_ES_PASSWORD")\",\"roles\":[\"porttracer\"],\"full_name\":\"PortTracer collector and API\"}"
echo "[es-setup] kibana_system password set; user porttracer (role porttracer) ready" >&2

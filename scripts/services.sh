#!/usr/bin/env bash
# Local services for the demo and the tests: Elasticsearch (from Maven Central, run as an
# unprivileged user) and PostgreSQL (the machine's cluster, or Debian's package).
# Usage: scripts/services.sh up|down|status|es-up|es-down|es-install|pg-up [DB...]|pg-reset DB...
# Environment: PORTTRACER_ES_VERSION (8.19.21), PORTTRACER_ES_PORT (9200), PORTTRACER_ES_HEAP (512m),
#              PORTTRACER_DB_NAME (porttracer), PORTTRACER_ES_HOME (where ES is unpacked),
#              PORTTRACER_ES_JAVA_HOME (a JDK for ES; default the machine's),
#              PORTTRACER_ES_START_SECONDS (120: how long es-up waits for the cluster)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ES_VERSION="${PORTTRACER_ES_VERSION:-8.19.21}"
ES_PORT="${PORTTRACER_ES_PORT:-9200}"
ES_HEAP="${PORTTRACER_ES_HEAP:-512m}"
ES_USER="${PORTTRACER_ES_USER:-porttracer-es}"
LOCAL="$ROOT/.local"
ES_HOME="${PORTTRACER_ES_HOME:-$LOCAL/elasticsearch-$ES_VERSION}"
ES_DATA="${PORTTRACER_ES_DATA:-$LOCAL/es-data-$ES_VERSION-$ES_PORT}"
DB_NAME="${PORTTRACER_DB_NAME:-porttracer}"

LOG_TAG=services
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

as_es_user() {
  if [ "$(id -u)" = "0" ]; then runuser -u "$ES_USER" -- "$@"; else "$@"; fi
}

es_health() { curl -fsS -m 2 "http://127.0.0.1:$ES_PORT/_cluster/health" 2>/dev/null; }

es_install() {
  if [ -x "$ES_HOME/bin/elasticsearch" ]; then return; fi
  mkdir -p "$LOCAL"
  log "fetching Elasticsearch $ES_VERSION from Maven Central"
  local zip="$HOME/.m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"
  [ -f "$zip" ] || mvn -q -B dependency:get -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" >&2
  need_command unzip unzip
  local tmp; tmp="$(mktemp -d "$LOCAL/es-unpack.XXXX")"
  unzip -q "$zip" -d "$tmp"
  mv "$tmp/elasticsearch-$ES_VERSION" "$ES_HOME"
  rmdir "$tmp"
}

# The distribution unpacked and runnable by the unprivileged user (the secured-Elasticsearch test starts its own).
es_prepare() {
  es_install
  if [ "$(id -u)" = "0" ]; then
    id "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
    chown -R "$ES_USER" "$ES_HOME"
    # The user must be able to reach the folder it runs from.
    chmod o+x "$ROOT" "$LOCAL" 2>/dev/null || true
    d="$ROOT"; while [ "$d" != "/" ]; do chmod o+x "$d" 2>/dev/null || true; d="$(dirname "$d")"; done
  fi
}

es_up() {
  if es_health >/dev/null; then log "Elasticsearch already up on :$ES_PORT"; return; fi
  es_prepare
  mkdir -p "$ES_DATA/data" "$ES_DATA/logs"
  [ "$(id -u)" = "0" ] && chown -R "$ES_USER" "$ES_DATA"
  log "starting Elasticsearch $ES_VERSION on 127.0.0.1:$ES_PORT (heap $ES_HEAP)"
  local java_home="${PORTTRACER_ES_JAVA_HOME:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
  as_es_user env ES_JAVA_HOME="$java_home" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
    "$ES_HOME/bin/elasticsearch" -d -p "$ES_DATA/es.pid" \
    -E discovery.type=single-node -E xpack.security.enabled=false -E network.host=127.0.0.1 \
    -E http.port="$ES_PORT" -E transport.port=$((ES_PORT + 100)) \
    -E path.data="$ES_DATA/data" -E path.logs="$ES_DATA/logs" \
    -E cluster.routing.allocation.disk.threshold_enabled=false >"$ES_DATA/logs/startup.out" 2>&1
  for _ in $(seq 1 "${PORTTRACER_ES_START_SECONDS:-120}"); do
    if es_health | grep -qE '"status":"(green|yellow)"'; then
      curl -fsS -m 30 "http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_status=green&timeout=30s" >/dev/null || true
      log "Elasticsearch is up"; return
    fi
    sleep 1
  done
  log "Elasticsearch did not come up; last log lines:"; tail -n 30 "$ES_DATA"/logs/*.log >&2 || true
  exit 1
}

es_down() {
  local pidf="$ES_DATA/es.pid"
  if [ -f "$pidf" ]; then
    local pid; pid="$(cat "$pidf")"
    log "stopping Elasticsearch (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidf"
  fi
}

pg_up() {
  need_command pg_ctlcluster postgresql
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start >&2 || true
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
  admin_psql
  for db in "$DB_NAME" "$@"; do
    if [ "$("${psql[@]}" -c "select 1 from pg_database where datname='$db'")" != "1" ]; then
      log "creating database $db"
      "${psql[@]}" -c "create database \"$db\""
    fi
  done
}

# psql as the database superuser: over TCP (trust, as on this machine), else as the postgres user.
admin_psql() {
  psql=(psql -h 127.0.0.1 -U postgres -d postgres -tAq)
  if [ "$(id -u)" = "0" ] && ! "${psql[@]}" -c 'select 1' >/dev/null 2>&1; then
    psql=(runuser -u postgres -- psql -d postgres -tAq)
  fi
}

pg_reset() {
  pg_up
  admin_psql
  for db in "$@"; do
    log "recreating database $db"
    "${psql[@]}" -c "drop database if exists \"$db\" with (force)"
    "${psql[@]}" -c "create database \"$db\""
  done
}

case "${1:-}" in
  up) shift; pg_up "$@"; es_up ;;
  down) es_down ;;
  es-up) es_up ;;
  es-down) es_down ;;
  es-install) es_prepare; echo "$ES_HOME" ;;
  pg-up) shift; pg_up "$@" ;;
  pg-reset) shift; pg_reset "$@" ;;
  status) es_health || echo "elasticsearch down"; echo; pg_isready -h 127.0.0.1 -p 5432 ;;
  *) echo "usage: $0 up [DB...]|down|status|es-up|es-down|es-install|pg-up [DB...]|pg-reset DB..." >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# scripts/loadtest.sh: wrk against a PortTracer API (see README "Load test"). Loopback only.
#   PORTTRACER_LOADTEST_URL   an API already running (default: start a demo on 127.0.0.1:18095 with its own DB)
#   LOADTEST_SECONDS          length of each measured phase (default 30); warm-up is 10 s
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LOG_TAG=loadtest
. scripts/lib.sh
SECS="${LOADTEST_SECONDS:-30}"
AUTH="$(printf 'netadmin:netadmin' | base64)"
WORK="$(mktemp -d)"
DEMO_PID=""
cleanup() {
  if [ -n "$DEMO_PID" ]; then kill "$DEMO_PID" 2>/dev/null || true; wait "$DEMO_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

need_command wrk wrk

URL="${PORTTRACER_LOADTEST_URL:-}"
if [ -z "$URL" ]; then
  PORT=18095
  URL="http://127.0.0.1:$PORT"
  scripts/services.sh up >&2
  scripts/services.sh pg-reset porttracer_loadtest >&2
  # At most 16 requests in flight: twice the 8 connections of the sustained phase, so 3x is shed.
  PORTTRACER_API_PORT=$PORT PORTTRACER_API_MAX_IN_FLIGHT="${PORTTRACER_API_MAX_IN_FLIGHT:-16}" \
    PORTTRACER_DEMO_DB_URL=jdbc:postgresql://127.0.0.1:5432/porttracer_loadtest \
    PORTTRACER_DEMO_ES_INDEX_PREFIX=porttracer-loadtest ./porttracer demo >"$WORK/demo.log" 2>&1 &
  DEMO_PID=$!
  for _ in $(seq 1 300); do
    grep -q "demo is up" "$WORK/demo.log" && break
    kill -0 "$DEMO_PID" 2>/dev/null || { cat "$WORK/demo.log" >&2; exit 1; }
    sleep 1
  done
  grep -q "demo is up" "$WORK/demo.log" || { log "the demo did not come up in 300 s"; exit 1; }
fi

# Known MACs of the fleet, from the API itself.
curl -fsS -u netadmin:netadmin "$URL/api/v1/search?q=site1&size=200" | grep -o '"mac":"[0-9a-f:]*"' \
  | cut -d'"' -f4 | sort -u >"$WORK/macs"
[ -s "$WORK/macs" ] || { log "no MAC found at $URL"; exit 1; }
{
  printf 'local macs = {'; sed 's/.*/"&",/' "$WORK/macs" | tr -d '\n'; printf '}\n'
  cat <<LUA
wrk.headers["Authorization"] = "Basic $AUTH"
local threads = {}
local i = 0
function setup(thread) table.insert(threads, thread) end
function init(args) ok = 0; shed = 0; retry_after = 0; other = 0 end
function request()
  i = i + 1
  return wrk.format("GET", "/api/v1/trace?mac=" .. macs[(i % #macs) + 1])
end
function response(status, headers, body)
  if status == 200 then ok = ok + 1
  elseif status == 503 then
    shed = shed + 1
    if headers["Retry-After"] then retry_after = retry_after + 1 end
  else other = other + 1 end
end
function done(summary, latency, requests)
  local t = {ok = 0, shed = 0, retry_after = 0, other = 0}
  for _, th in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + th:get(k) end
  end
  io.write(string.format("STATUS 200=%d 503=%d 503-with-Retry-After=%d other=%d\n", t.ok, t.shed, t.retry_after, t.other))
end
LUA
} >"$WORK/trace.lua"

# Server-side p50 of accepted (200) traces between two /metrics snapshots: the bucket holding the median.
trace_buckets() {
  curl -fsS "$URL/metrics" | grep '^porttracer_http_request_duration_seconds_bucket' \
    | grep 'route="/api/v1/trace"' | grep 'status="200"' | sed -E 's/.*le="([^"]+)".* ([0-9.eE+]+)$/\1 \2/'
}
p50_between() {
  join <(sort "$1") <(sort "$2") | awk '{d=$3-$2; print $1, d}' | sort -g \
    | awk '{le[NR]=$1; c[NR]=$2} END {n=c[NR]; for (i=1;i<=NR;i++) if (c[i] >= n/2) {print (le[i]=="+Inf" ? "over the top bucket" : "<= " le[i]*1000 " ms"); exit}}'
}

run() { # name threads connections seconds
  echo "\$ wrk -t$2 -c$3 -d$4s --latency -s trace.lua $URL" >>"$WORK/commands"
  wrk -t"$2" -c"$3" -d"$4"s --latency -s "$WORK/trace.lua" "$URL" | tee "$WORK/$1.out" >&2
}

run warmup 2 8 10
run sustained 2 8 "$SECS"
RATE="$(awk '/Requests\/sec/ {print int($2)}' "$WORK/sustained.out")"
trace_buckets >"$WORK/before"
run triple 6 24 "$SECS"
trace_buckets >"$WORK/after"
ACCEPTED_P50="$(p50_between "$WORK/before" "$WORK/after")"
TRIPLE_RATE="$(awk '/Requests\/sec/ {print int($2)}' "$WORK/triple.out")"
HEALTH="$(curl -s -o /dev/null -w '%{http_code}' "$URL/health")"
LIVE="$(curl -s -o /dev/null -w '%{http_code}' "$URL/health/live")"

mkdir -p bench
pct() { awk -v p="$2" '$1 == p {print $2}' "$WORK/$1.out"; }
status_line() { grep '^STATUS' "$WORK/$1.out" | sed 's/^STATUS //'; }
{
  echo "# Load test"
  echo
  echo "Written by \`./porttracer loadtest\` on $(date -u +%Y-%m-%dT%H:%MZ)."
  echo
  echo "## Machine"
  echo
  echo "- CPU: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores visible"
  echo "- Memory: $(free -g 2>/dev/null | awk '/Mem:/ {print $2 " GB"}'); kernel $(uname -r); $(java -version 2>&1 | head -1)"
  echo "- Target: $URL ($( [ -n "$DEMO_PID" ] && echo "demo started by the load test, api.max-in-flight 16" || echo "an API already running"))"
  echo "- Other work on the machine at the time is not controlled (CPU-heavy benchmarks may run beside it)."
  echo
  echo "## Commands"
  echo
  echo "Traces rotate over $(wc -l <"$WORK/macs") known MACs of the fleet (GET /api/v1/trace, Basic auth)."
  echo
  echo '```'
  cat "$WORK/commands"
  echo '```'
  echo
  echo "wrk is closed-loop (each connection sends its next request when the previous answer arrives), so"
  echo "'3x' is three times the connections of the sustained phase (24 instead of 8), not a fixed arrival rate."
  echo
  echo "## Figures"
  echo
  echo "| Phase | Connections | Requests/s | p50 | p90 | p99 | Answers |"
  echo "|---|---|---|---|---|---|---|"
  echo "| sustained (1x) | 8 | $RATE | $(pct sustained 50%) | $(pct sustained 90%) | $(pct sustained 99%) | $(status_line sustained) |"
  echo "| 3x | 24 | $TRIPLE_RATE | $(pct triple 50%) | $(pct triple 90%) | $(pct triple 99%) | $(status_line triple) |"
  echo
  echo "- Latencies are wrk's, over every answer (at 3x that includes the fast 503s)."
  echo "- Accepted (200) traces per second: $(( $(status_line sustained | sed -E 's/^200=([0-9]+).*/\1/') / SECS )) at 1x," \
    "$(( $(status_line triple | sed -E 's/^200=([0-9]+).*/\1/') / SECS )) at 3x (wrk ignores Retry-After: a shed connection asks again at once," \
    "so the 503s themselves cost CPU)."
  echo "- p50 of the accepted (200) traces at 3x, from the API's own histogram: $ACCEPTED_P50."
  echo "- After the 3x phase: /health $HEALTH, /health/live $LIVE."
} | tee bench/LOAD.md.new >&2
mv bench/LOAD.md.new bench/LOAD.md
[ "$HEALTH" = 200 ] || { log "/health answered $HEALTH after the 3x phase"; exit 1; }
log "figures written to bench/LOAD.md"

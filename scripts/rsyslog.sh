#!/usr/bin/env bash
# rsyslog (Debian's package) for the audit-forwarding tests and for trying it by hand.
# Usage: scripts/rsyslog.sh install
#          install rsyslog if rsyslogd is missing (the package's own service is not started)
#        scripts/rsyslog.sh start DIR UDP_PORT TCP_PORT
#          receive syslog on udp://127.0.0.1:UDP_PORT and tcp://127.0.0.1:TCP_PORT (octet-counted or
#          LF-framed) in the foreground and write PortTracer's messages to DIR/porttracer.log, one line
#          each: input, app-name, msgid, structured data, message. Config and state live in DIR.
set -euo pipefail

log() { printf '[rsyslog] %s\n' "$*" >&2; }
RSYSLOGD=/usr/sbin/rsyslogd

install() {
  if [ -x "$RSYSLOGD" ]; then return; fi
  "$(dirname "$0")/apt-install.sh" rsyslog
  [ -x "$RSYSLOGD" ] || { log "rsyslogd not found after install"; exit 1; }
}

start() {
  local dir udp_port="$2" tcp_port="$3"
  dir="$(cd "$1" && pwd)"
  mkdir -p "$dir/work"
  # rsyslog.conf(5), RainerScript: imudp/imtcp on loopback only, one file for app-name porttracer.
  cat >"$dir/rsyslog.conf" <<CONF
global(workDirectory="$dir/work")
module(load="imudp")
module(load="imtcp")
input(type="imudp" address="127.0.0.1" port="$udp_port")
input(type="imtcp" address="127.0.0.1" port="$tcp_port")
template(name="porttracer" type="string" string="%inputname% %app-name% %msgid% %structured-data% %msg%\n")
if \$app-name == "porttracer" then {
  action(type="omfile" file="$dir/porttracer.log" template="porttracer")
}
CONF
  exec "$RSYSLOGD" -n -f "$dir/rsyslog.conf" -i "$dir/rsyslogd.pid"
}

case "${1:-}" in
  install) install ;;
  start) [ $# -eq 4 ] || { echo "usage: $0 start DIR UDP_PORT TCP_PORT" >&2; exit 2; }; shift; start "$@" ;;
  *) echo "usage: $0 install | start DIR UDP_PORT TCP_PORT" >&2; exit 2 ;;
esac

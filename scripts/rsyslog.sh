#!/usr/bin/env bash
# rsyslog (Debian's package) for the audit-forwarding tests and for trying it by hand.
# Usage: scripts/rsyslog.sh install
#          install rsyslog and rsyslog-gnutls if missing (the package's own service is not started)
#        scripts/rsyslog.sh start DIR UDP_PORT TCP_PORT [TLS_PORT]
#          receive syslog on udp://127.0.0.1:UDP_PORT, tcp://127.0.0.1:TCP_PORT (octet-counted or
#          LF-framed) and, with TLS_PORT, TLS on it (RFC 5425; a certificate for 127.0.0.1 from a CA
#          made in DIR, DIR/ca.pem), in the foreground; PortTracer's messages go to DIR/porttracer.log,
#          one line each: input (imudp, imtcp, imtls), app-name, msgid, structured data, message.
set -euo pipefail

LOG_TAG=rsyslog
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RSYSLOGD=/usr/sbin/rsyslogd

install() {
  if [ -x "$RSYSLOGD" ] && [ -n "$(ls /usr/lib/*/rsyslog/lmnsd_gtls.so 2>/dev/null)" ]; then return; fi
  apt_install --no-install-recommends rsyslog rsyslog-gnutls
  [ -x "$RSYSLOGD" ] || { log "rsyslogd not found after install"; exit 1; }
}

start() {
  local dir udp_port="$2" tcp_port="$3" tls_port="${4:-}" tls=""
  dir="$(cd "$1" && pwd)"
  mkdir -p "$dir/work"
  if [ -n "$tls_port" ]; then
    "$(dirname "$0")/test-ca.sh" "$dir"
    # Per-input stream driver settings (rsyslog 8.2108+): TLS without client certificates.
    tls="input(type=\"imtcp\" name=\"imtls\" address=\"127.0.0.1\" port=\"$tls_port\" streamDriver.name=\"gtls\" streamDriver.mode=\"1\" streamDriver.authMode=\"anon\" streamDriver.CAFile=\"$dir/ca.pem\" streamDriver.CertFile=\"$dir/server.pem\" streamDriver.KeyFile=\"$dir/server.key\")"
  fi
  # rsyslog.conf(5), RainerScript: imudp/imtcp on loopback only, one file for app-name porttracer.
  cat >"$dir/rsyslog.conf" <<CONF
global(workDirectory="$dir/work")
module(load="imudp")
module(load="imtcp")
input(type="imudp" address="127.0.0.1" port="$udp_port")
input(type="imtcp" address="127.0.0.1" port="$tcp_port")
$tls
template(name="porttracer" type="string" string="%inputname% %app-name% %msgid% %structured-data% %msg%\n")
if \$app-name == "porttracer" then {
  action(type="omfile" file="$dir/porttracer.log" template="porttracer")
}
CONF
  exec "$RSYSLOGD" -n -f "$dir/rsyslog.conf" -i "$dir/rsyslogd.pid"
}

case "${1:-}" in
  install) install ;;
  start) [ $# -ge 4 ] || { echo "usage: $0 start DIR UDP_PORT TCP_PORT [TLS_PORT]" >&2; exit 2; }; shift; start "$@" ;;
  *) echo "usage: $0 install | start DIR UDP_PORT TCP_PORT [TLS_PORT]" >&2; exit 2 ;;
esac

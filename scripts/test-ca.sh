#!/usr/bin/env bash
# A throw-away CA (DIR/ca.pem) and a server certificate for 127.0.0.1 and localhost signed by it
# (DIR/server.pem, DIR/server.key), for the local LDAP and syslog servers the tests run. Kept when present.
# Usage: scripts/test-ca.sh DIR
set -euo pipefail
dir="$1"
[ -f "$dir/server.pem" ] && exit 0
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=PortTracer test CA" \
  -keyout "$dir/ca.key" -out "$dir/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >"$dir/san.ext"
openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 2 \
  -extfile "$dir/san.ext" -out "$dir/server.pem" 2>/dev/null
# Readable by servers that drop root (slapd, rsyslogd may run as their own users).
chmod 644 "$dir/server.key"

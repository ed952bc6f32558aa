#!/usr/bin/env bash
# OpenLDAP (Debian's slapd) for the directory-login tests and for trying directory login by hand.
# Usage: scripts/ldap.sh install
#          install slapd and ldap-utils if slapd is missing (the package's own service is not started)
#        scripts/ldap.sh start DIR LDAP_PORT LDAPS_PORT
#          serve DIR/tree.ldif (suffix dc=example,dc=org) on ldap://127.0.0.1:LDAP_PORT (StartTLS offered)
#          and ldaps://127.0.0.1:LDAPS_PORT, in the foreground; config, data, a CA made for this server
#          (DIR/ca.pem) and its certificate live in DIR. The tree is loaded once, when DIR/data is empty.
#          LDAP_ROOT_PASSWORD, when set, lets cn=admin,dc=example,dc=org change the tree.
set -euo pipefail

LOG_TAG=ldap
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SLAPD=/usr/sbin/slapd
SLAPADD=/usr/sbin/slapadd

install() {
  if [ -x "$SLAPD" ] && command -v ldapsearch >/dev/null; then return; fi
  # Unattended: no default database (PortTracer runs its own server with its own tree).
  echo "slapd slapd/no_configuration boolean true" | debconf-set-selections
  apt_install --no-install-recommends slapd ldap-utils
  [ -x "$SLAPD" ] || { log "slapd not found after install"; exit 1; }
}

start() {
  local dir ldap_port="$2" ldaps_port="$3"
  dir="$(cd "$1" && pwd)"
  mkdir -p "$dir/data"
  "$(dirname "$0")/test-ca.sh" "$dir"
  # slapd.conf(5); ppolicy makes pwdAccountLockedTime (a locked account) known; the service account
  # reads the tree, users may only bind with their passwords.
  cat >"$dir/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload ppolicy
pidfile $dir/slapd.pid
TLSCACertificateFile $dir/ca.pem
TLSCertificateFile $dir/server.pem
TLSCertificateKeyFile $dir/server.key
database mdb
suffix "dc=example,dc=org"
rootdn "cn=admin,dc=example,dc=org"
${LDAP_ROOT_PASSWORD:+rootpw $LDAP_ROOT_PASSWORD}
directory $dir/data
overlay ppolicy
access to attrs=userPassword by anonymous auth by * none
access to * by dn.exact="cn=porttracer,ou=services,dc=example,dc=org" read by self read by * none
CONF
  if [ -z "$(ls -A "$dir/data")" ]; then
    "$SLAPADD" -f "$dir/slapd.conf" -l "$dir/tree.ldif" >&2
  fi
  exec "$SLAPD" -f "$dir/slapd.conf" -h "ldap://127.0.0.1:$ldap_port/ ldaps://127.0.0.1:$ldaps_port/" -d 0
}

case "${1:-}" in
  install) install ;;
  start) [ $# -eq 4 ] || { echo "usage: $0 start DIR LDAP_PORT LDAPS_PORT" >&2; exit 2; }; shift; start "$@" ;;
  *) echo "usage: $0 install | start DIR LDAP_PORT LDAPS_PORT" >&2; exit 2 ;;
esac

# Shared by ./porttracer and scripts/*.sh (sourced, defines functions only): logging, Debian packages
# installed when missing, and whether a built jar is older than the sources.
# Callers set LOG_TAG (e.g. services) before sourcing; the launcher's is "porttracer".

log() { printf '[%s] %s\n' "${LOG_TAG:-porttracer}" "$*" >&2; }

# apt_install [apt-get options] PACKAGE...: unattended, waiting for another apt to finish, without starting the
# packages' services (tests and the launcher run their own servers). Returns 3 where there is no apt-get.
apt_install() {
  local pkgs=() a
  for a in "$@"; do case "$a" in -*) ;; *) pkgs+=("$a") ;; esac; done
  command -v apt-get >/dev/null || { log "apt-get is not available: install ${pkgs[*]} by hand"; return 3; }
  log "installing ${pkgs[*]} from Debian's packages"
  apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 || return $?
  # policy-rc.d 101 keeps the packages' services from starting (no systemd here, and not wanted).
  local rc=/usr/sbin/policy-rc.d created="" status=0
  if [ ! -e "$rc" ]; then printf '#!/bin/sh\nexit 101\n' >"$rc"; chmod +x "$rc"; created=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@" >&2 || status=$?
  if [ -n "$created" ]; then rm -f "$rc"; fi
  return "$status"
}

# need_command COMMAND [apt-get options] PACKAGE...: installs the packages when COMMAND is not on the PATH
# (an absolute path is tested as an executable file).
need_command() {
  local cmd="$1"; shift
  case "$cmd" in
    /*) [ -x "$cmd" ] && return 0 ;;
    *) command -v "$cmd" >/dev/null && return 0 ;;
  esac
  apt_install "$@"
}

# jar_stale JAR: true when JAR is missing or a source or build file of the checkout (run from its root) is newer.
jar_stale() {
  [ ! -f "$1" ] || [ -n "$(find . -path ./.local -prune -o \( -name '*.java' -o -name 'pom.xml' \
    -o -path '*/src/main/resources/*' \) -newer "$1" -print -quit)" ]
}

#!/usr/bin/env bash
# scripts/secrets-scan.sh SECRET [FILE...]: fails (exit 1) when SECRET appears in any test report
# (*/target/surefire-reports, */target/failsafe-reports) or in the FILEs given; prints where, never the secret.
set -uo pipefail
secret="${1:?usage: secrets-scan.sh SECRET [FILE...]}"
shift
cd "$(dirname "${BASH_SOURCE[0]}")/.."
targets=("$@")
for d in */target/surefire-reports */target/failsafe-reports; do
  [ -d "$d" ] && targets+=("$d")
done
[ "${#targets[@]}" -gt 0 ] || { echo "[secrets] no test report to scan" >&2; exit 0; }
found="$(grep -rlaF -- "$secret" "${targets[@]}" 2>/dev/null)"
if [ -n "$found" ]; then
  echo "[secrets] the planted test secret leaked into:" >&2
  printf '  %s\n' $found >&2
  exit 1
fi
echo "[secrets] planted secret found in none of ${#targets[@]} report folders and output files" >&2

#!/usr/bin/env bash
# The rounding check of the core's elementary functions against a multiple-precision reference.
#
#   tools/crmath/check.sh [COUNT] [WORK]
#
# For each of exp, log, sin and cos: COUNT random arguments (default 1000000; uniform over the ranges the core uses,
# over the whole double range by bits, log-uniform magnitudes, subnormals) plus the hard and special cases of
# tools/crmath/reference.py and CORE-MATH's published worst cases (tools/crmath/worst-cases), each evaluated by
# mpmath (Debian's python3-mpmath, with python3-gmpy2 for speed) and rounded to the nearest double by integer
# arithmetic; NeuroFold's CorrectlyRounded must give every result bit for bit (0 ulp). For comparison it also counts
# how often this machine's C library (System.Math, i.e. glibc here) differs. Needs the Release build of
# tests/NeuroFold.Benchmarks (dotnet build Functional.sln -c Release). Exit 0 when nothing differs.
set -uo pipefail
cd "$(dirname "$0")/../.."
count=${1:-1000000}
work=${2:-$(mktemp -d)}
tool=tests/NeuroFold.Benchmarks/bin/Release/net10.0/NeuroFold.Benchmarks
python=/usr/bin/python3

if ! $python -c 'import mpmath, gmpy2' 2>/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -q && apt-get install -y -q python3-mpmath python3-gmpy2; } >/dev/null 2>&1 \
    || { echo "could not install python3-mpmath and python3-gmpy2" >&2; exit 1; }
fi
if [ ! -x "$tool" ]; then
  echo "$tool is missing: build the solution in Release first" >&2
  exit 1
fi

start=$(date +%s)
mkdir -p "$work"
$python tools/crmath/reference.py generate "$work" --count "$count" || exit 1
$python tools/crmath/reference.py reference "$work" --jobs "$(nproc)" || exit 1
rc=0
for f in exp log sin cos; do
  "$tool" crmath "$f" "$work/$f.args" "$work/$f.got" || { echo "crmath $f failed" >&2; rc=1; continue; }
  $python tools/crmath/reference.py compare "$work" "$f" "$work/$f.got" || rc=1
  "$tool" crmath "$f" "$work/$f.args" "$work/$f.system" --system \
    && { $python tools/crmath/reference.py compare "$work" "$f" "$work/$f.system" 2>/dev/null | head -n 1 | sed 's/^/  for comparison, System.Math: /'; } || true
done
echo "rounding check: $(( $(date +%s) - start )) s, $( [ "$rc" -eq 0 ] && echo 'every result correctly rounded' || echo 'DIFFERENCES FOUND')"
[ -z "${2:-}" ] && rm -rf "$work"
exit "$rc"

#!/usr/bin/env bash
# Runs NeuroFold's `bench` and Brian2's peer scripts (W1, W2) side by side, interleaved, ROUNDS times, in one sitting.
# Appends one JSON object per run to OUT: {"side", "config", "load1_start", "load1_end", "result": <the tool's JSON line>}.
# Usage: tests/NeuroFold.Benchmarks/peer/compare.sh [ROUNDS=3] [OUT=peer-results.jsonl]
#   BENCH_DIR: the Brian2 scripts (default: ../shared/bench next to the checkout, else /work/shared/bench)
#   Needs Debian's python3-brian (run with /usr/bin/python3) and a Release build of src/NeuroFold.Cli.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
rounds=${1:-3}
out=$(realpath -m "${2:-peer-results.jsonl}")
bench=${BENCH_DIR:-$root/../shared/bench}
[ -d "$bench" ] || bench=/work/shared/bench
nf="$root/src/NeuroFold.Cli/bin/Release/net10.0/neurofold"
[ -x "$nf" ] || { echo "build first: dotnet build src/NeuroFold.Cli -c Release" >&2; exit 1; }

load() { cut -d' ' -f1 /proc/loadavg; }
record() { # side config command...
  local side=$1 config=$2; shift 2
  local l0 line; l0=$(load)
  line=$("$@" 2>/dev/null | tail -n 1)
  printf '{"side": "%s", "config": "%s", "load1_start": %s, "load1_end": %s, "result": %s}\n' "$side" "$config" "$l0" "$(load)" "$line" >> "$out"
  echo "$side $config: $line" >&2
}

for r in $(seq 1 "$rounds"); do
  echo "== round $r of $rounds" >&2
  record neurofold "W1 t1" "$nf" bench single --threads 1
  record neurofold "W2 N=100000 t1" "$nf" bench population --neurons 100000 --threads 1
  record neurofold "W2 N=100000 t2" "$nf" bench population --neurons 100000 --threads 2
  record neurofold "W2 N=10000 t2" "$nf" bench population --neurons 10000 --threads 2
  (cd "$bench" && record brian2 "W1 standalone" /usr/bin/python3 w1_single.py --mode standalone --threads 0)
  (cd "$bench" && record brian2 "W2 N=100000 standalone" /usr/bin/python3 w2_population.py --N 100000 --mode standalone --threads 0)
  (cd "$bench" && record brian2 "W2 N=100000 standalone+openmp2" /usr/bin/python3 w2_population.py --N 100000 --mode standalone --threads 2)
  (cd "$bench" && record brian2 "W2 N=10000 standalone+openmp2" /usr/bin/python3 w2_population.py --N 10000 --mode standalone --threads 2)
  (cd "$bench" && record brian2 "W2 N=100000 cython" /usr/bin/python3 w2_population.py --N 100000 --mode cython)
done
echo "wrote $out" >&2

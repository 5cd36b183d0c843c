#!/usr/bin/env bash
# Times NeuroFold's `neurofold bench` workloads W1-W4, optionally side by side with Brian2 2.5.1 (bench/peers), the
# hand-written AVX-512 W2 loop (bench/limit) and another neurofold binary, in ROUNDS interleaved rounds of one sitting.
#
# Usage: bench/compare.sh [--brian2] [--limit] [--baseline PATH [--baseline-old-cli]] [--neurofold PATH] [ROUNDS=3] [OUT=bench-results.jsonl]
#   --brian2            also run Brian2's C++ standalone scripts (needs /usr/bin/python3 with Debian's python3-brian, and g++):
#                       t1 = standalone without OpenMP (--threads 0), t2 = standalone with OpenMP on 2 threads
#   --limit             also run bench/limit/w2_limit (built with the gcc line of w2_limit.c if missing; needs AVX-512)
#                       with OMP_NUM_THREADS=1 and 2, as configurations "W2 N=100000 t1" and "... t2" of side "limit",
#                       and bench/limit/w1_limit (the same step as a plain C loop: W1's latency bound) as "W1 t1"
#   --baseline PATH     also run the neurofold binary PATH (for example an older build) on the same configurations, side "baseline"
#   --baseline-old-cli  give the baseline the CLI vocabulary before the redesign (bench single --threads 1,
#                       bench population --steps 10000, bench net2003) instead of the current one
#   --neurofold PATH    the neurofold binary to time (default src/NeuroFold.Cli/bin/Release/net10.0/neurofold)
#   --only PATTERN      run only the configurations whose name matches the extended regular expression PATTERN
#                       (for example --only 'W4 N=100000'), on every side
#
# Appends one JSON object per run to OUT:
#   {"round": R, "side": "neurofold|baseline|limit|brian2", "config": "W2 N=100000 t2", "load1_start": L0, "load1_end": L1,
#    "result": <the last line the run printed on stdout: the tool's JSON line>}
# A run that fails or prints no JSON is reported on stderr and not appended. Summarise with: python3 bench/summarize.py OUT
#
# Configurations (same names on every side, so bench/summarize.py can compare them):
#   W1 t1                 neurofold bench single --t-max 100000 --dt 0.1                            (10^6 steps)
#   W2 N=100000 t1, t2    neurofold bench population --neurons 100000 --t-max 1000 --dt 0.1 --threads T --seed 1234  (10^4 steps)
#   W3 t1, t2             neurofold bench izhikevich2003 --t-max 1000 --threads T
#   W4 N=10000 t1, t2     neurofold bench sparse --neurons 10000 --t-max 1000 --threads T
#   W4 N=100000 t1, t2    neurofold bench sparse --neurons 100000 --t-max 1000 --threads T
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit "${1:-2}"; }

brian2=0 limit=0 baseline="" baseline_old=0 only="" nf="$root/src/NeuroFold.Cli/bin/Release/net10.0/neurofold"
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --brian2) brian2=1 ;;
    --limit) limit=1 ;;
    --baseline) [ $# -ge 2 ] || usage; baseline=$(realpath -m "$2"); shift ;;
    --baseline-old-cli) baseline_old=1 ;;
    --neurofold) [ $# -ge 2 ] || usage; nf=$(realpath -m "$2"); shift ;;
    --only) [ $# -ge 2 ] || usage; only=$2; shift ;;
    -h|--help) usage 0 ;;
    --*) echo "unknown option $1" >&2; usage ;;
    *) positional+=("$1") ;;
  esac
  shift
done
[ ${#positional[@]} -le 2 ] || usage
rounds=${positional[0]:-3}
out=$(realpath -m "${positional[1]:-bench-results.jsonl}")
case "$rounds" in ''|*[!0-9]*) echo "ROUNDS must be a positive integer, got '$rounds'" >&2; exit 2 ;; esac
[ "$baseline_old" = 0 ] || [ -n "$baseline" ] || { echo "--baseline-old-cli needs --baseline PATH" >&2; exit 2; }

peers="$root/bench/peers"
limit_bin="$root/bench/limit/w2_limit"
w1_limit_bin="$root/bench/limit/w1_limit"
[ -x "$nf" ] || { echo "no neurofold binary at $nf; build first: dotnet build src/NeuroFold.Cli -c Release" >&2; exit 1; }
[ -z "$baseline" ] || [ -x "$baseline" ] || { echo "--baseline: $baseline is not an executable" >&2; exit 1; }
if [ "$brian2" = 1 ]; then
  /usr/bin/python3 -c 'import brian2' 2>/dev/null \
    || { echo "--brian2 needs Brian2 for /usr/bin/python3: apt-get install -y python3-brian (bench/peers/README.md)" >&2; exit 1; }
fi
if [ "$limit" = 1 ] && [ ! -x "$limit_bin" ]; then
  echo "building $limit_bin" >&2
  (cd "$root/bench/limit" && gcc -O3 -march=x86-64-v4 -ffp-contract=off -fopenmp w2_limit.c -o w2_limit -lm)
fi
if [ "$limit" = 1 ] && [ ! -x "$w1_limit_bin" ]; then
  echo "building $w1_limit_bin" >&2
  (cd "$root/bench/limit" && gcc -O2 -ffp-contract=off w1_limit.c -o w1_limit -lm)
fi

load() { cut -d' ' -f1 /proc/loadavg; }
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT

record() { # side config command... : runs the command, appends its JSON line tagged with round, side, config and load
  local side=$1 config=$2; shift 2
  local l0 l1 line rec
  if [ -n "$only" ] && ! printf '%s\n' "$config" | grep -Eq -- "$only"; then return 0; fi
  l0=$(load)
  if ! line=$("$@" 2>"$errors" | tail -n 1); then line=""; fi
  l1=$(load)
  if rec=$(python3 -c 'import json, sys
r = json.loads(sys.argv[5])
assert isinstance(r, dict)
print(json.dumps({"round": int(sys.argv[1]), "side": sys.argv[2], "config": sys.argv[3],
                  "load1_start": float(sys.argv[4]), "load1_end": float(sys.argv[6]), "result": r}))' \
      "$round" "$side" "$config" "$l0" "$line" "$l1" 2>/dev/null); then
    printf '%s\n' "$rec" >> "$out"
    echo "round $round $side $config: $line" >&2
  else
    echo "FAILED round $round $side $config: $* (no JSON line on stdout); its stderr ends:" >&2
    tail -n 5 "$errors" | sed 's/^/    /' >&2
  fi
}

in_peers() { (cd "$peers" && "$@"); }

# The neurofold configurations, for the binary $1 (side $2); $3 = 1 for the vocabulary before the redesign.
neurofold_w1() {
  if [ "$3" = 1 ]; then record "$2" "W1 t1" "$1" bench single --threads 1
  else record "$2" "W1 t1" "$1" bench single --t-max 100000 --dt 0.1; fi
}
neurofold_w2() { # T
  if [ "$3" = 1 ]; then record "$2" "W2 N=100000 t$4" "$1" bench population --neurons 100000 --steps 10000 --threads "$4" --seed 1234
  else record "$2" "W2 N=100000 t$4" "$1" bench population --neurons 100000 --t-max 1000 --dt 0.1 --threads "$4" --seed 1234; fi
}
neurofold_w3() { # T
  if [ "$3" = 1 ]; then record "$2" "W3 t$4" "$1" bench net2003 --threads "$4"
  else record "$2" "W3 t$4" "$1" bench izhikevich2003 --t-max 1000 --threads "$4"; fi
}
neurofold_w4() { # N T
  if [ "$3" = 1 ]; then record "$2" "W4 N=$4 t$5" "$1" bench sparse --neurons "$4" --threads "$5"
  else record "$2" "W4 N=$4 t$5" "$1" bench sparse --neurons "$4" --t-max 1000 --threads "$5"; fi
}
sides() { # workload function and its arguments: neurofold, then the baseline
  local fn=$1; shift
  "$fn" "$nf" neurofold 0 "$@"
  [ -z "$baseline" ] || "$fn" "$baseline" baseline "$baseline_old" "$@"
}

echo "neurofold: $nf${baseline:+; baseline: $baseline}; brian2: $brian2; limit: $limit; $rounds round(s) -> $out" >&2
for round in $(seq 1 "$rounds"); do
  echo "== round $round of $rounds" >&2
  sides neurofold_w1
  [ "$limit" = 0 ] || record limit "W1 t1" "$w1_limit_bin" 1000000 1
  [ "$brian2" = 0 ] || record brian2 "W1 t1" in_peers /usr/bin/python3 w1_single.py --mode standalone --threads 0

  for t in 1 2; do
    sides neurofold_w2 "$t"
    [ "$limit" = 0 ] || record limit "W2 N=100000 t$t" env OMP_NUM_THREADS="$t" "$limit_bin" 100000 10000
    [ "$brian2" = 0 ] || record brian2 "W2 N=100000 t$t" in_peers /usr/bin/python3 w2_population.py --N 100000 --mode standalone --threads $((t == 1 ? 0 : t))
  done

  for t in 1 2; do
    sides neurofold_w3 "$t"
    [ "$brian2" = 0 ] || record brian2 "W3 t$t" in_peers /usr/bin/python3 w3_izh2003.py --mode standalone --threads $((t == 1 ? 0 : t))
  done

  for n in 10000 100000; do
    for t in 1 2; do
      sides neurofold_w4 "$n" "$t"
      [ "$brian2" = 0 ] || record brian2 "W4 N=$n t$t" in_peers /usr/bin/python3 w4_sparse.py --N "$n" --mode standalone --threads $((t == 1 ? 0 : t))
    done
  done
done
echo "wrote $out; summarise with: python3 bench/summarize.py $out" >&2

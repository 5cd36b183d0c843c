#!/usr/bin/env bash
# Interleaved rounds of NeuroFold's network benchmarks and Brian2's W3/W4 (C++ standalone) in the same sitting.
# Usage: bench/network/compare_brian2.sh ROUNDS OUT.jsonl [NEUROFOLD_BINARY]
# Needs /usr/bin/python3 with Brian2 2.5.1 and g++ (../shared/bench/README.md). Each line of OUT is one JSON result
# with "round" and "label" added. Summarise with: python3 bench/network/summarize.py OUT.jsonl
set -euo pipefail
rounds=${1:-3}
out=${2:-bench/network/results.jsonl}
nf=${3:-src/NeuroFold.Cli/bin/Release/net10.0/neurofold}
peer=${PEER_BENCH:-/work/shared/bench}
out=$(readlink -f "$out")
nf=$(readlink -f "$nf")

emit() { # label, then the command; appends its last stdout line (the JSON) tagged with round and label
  local label=$1; shift
  local line
  line=$("$@" 2>/dev/null | tail -n 1)
  python3 -c 'import json,sys; d=json.loads(sys.argv[1]); d["round"]=int(sys.argv[2]); d["label"]=sys.argv[3]; print(json.dumps(d))' "$line" "$r" "$label" >> "$out"
  echo "round $r $label done" >&2
}

for r in $(seq 1 "$rounds"); do
  emit "brian2 W3 standalone"           bash -c "cd $peer && /usr/bin/python3 w3_izh2003.py --mode standalone --threads 0"
  emit "neurofold net2003 t1"           "$nf" bench net2003
  emit "neurofold net2003 t2"           "$nf" bench net2003 --threads 2
  emit "brian2 W4 10k standalone"       bash -c "cd $peer && /usr/bin/python3 w4_sparse.py --N 10000 --mode standalone --threads 0"
  emit "neurofold sparse 10k t1"        "$nf" bench sparse --neurons 10000
  emit "neurofold sparse 10k t2"        "$nf" bench sparse --neurons 10000 --threads 2
  emit "brian2 W4 100k standalone"      bash -c "cd $peer && /usr/bin/python3 w4_sparse.py --N 100000 --mode standalone --threads 0"
  emit "brian2 W4 100k standalone+omp2" bash -c "cd $peer && /usr/bin/python3 w4_sparse.py --N 100000 --mode standalone --threads 2"
  emit "neurofold sparse 100k t1"       "$nf" bench sparse --neurons 100000
  emit "neurofold sparse 100k t2"       "$nf" bench sparse --neurons 100000 --threads 2
done

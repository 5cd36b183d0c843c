#!/usr/bin/env bash
# The Slurm check (CI): a sharded sweep submitted as an array job to a real single-node Slurm must merge into the
# unsharded run's bytes, and the merged manifest must replay.
#
#   tools/slurm-check.sh path/to/neurofold [PARTS]
#
# Starts the cluster with tools/local-slurm.sh (installing slurm-wlm and munge with apt-get when missing; needs root),
# runs the sweep whole, submits examples/slurm/sweep-array.sbatch with `sbatch --wait --array=0-(PARTS-1)` (default 4
# parts), checks that merge refuses the parts without shard 0 (exit 2), merges all of them, compares sweep.csv,
# sweep.png and run.json with cmp, replays the merged run.json, and stops the daemons it started whatever happened
# (an EXIT trap). Exit 0 when everything holds, 1 otherwise. About 20 s once slurm-wlm is installed.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -lt 1 ] || [ ! -x "$1" ]; then
  echo "usage: tools/slurm-check.sh path/to/neurofold [PARTS] (the tool must be an executable file)" >&2
  exit 1
fi
tool=$(realpath "$1")
parts=${2:-4}
# A heat map of 5 x 9 = 45 points, 500 ms: a few seconds in all, cut into uneven parts (4 parts: 11 + 11 + 11 + 12).
sweep=(--grid a=0.02:0.1:5 --grid I=0:20:9 --t-max 500)

work=$(mktemp -d /tmp/neurofold-slurm-check.XXXXXX)
started=0
finish() {
  if [ "$started" -eq 1 ]; then bash tools/local-slurm.sh stop; fi
  rm -rf "$work"
}
trap finish EXIT
say() { echo "slurm-check: $*"; }
fail() { echo "slurm-check: FAILED: $*" >&2; exit 1; }

t0=$SECONDS
started=1
# shellcheck source=tools/local-slurm.sh
source tools/local-slurm.sh start || fail "could not start a local Slurm"
say "cluster up after $((SECONDS - t0)) s"

"$tool" sweep "${sweep[@]}" --quiet --out "$work/whole" || fail "the unsharded sweep failed"

mkdir -p "$work/logs"
# The job runs the tool as the check does; --wait returns when every task has ended, with a failure if any failed.
if ! NEUROFOLD=$tool timeout 300 sbatch --wait --array="0-$((parts - 1))" --job-name=neurofold-slurm-check \
     --output="$work/logs/%A_%a.log" examples/slurm/sweep-array.sbatch "$work/parts" "${sweep[@]}"; then
  scancel --name=neurofold-slurm-check 2>/dev/null
  for f in "$work"/logs/*.log; do [ -f "$f" ] && { echo "---- $f"; cat "$f"; }; done >&2
  fail "the array job did not complete (sbatch --wait failed or took over 300 s)"
fi
say "array job of $parts tasks done after $((SECONDS - t0)) s"
for i in $(seq 0 $((parts - 1))); do
  [ -s "$work/parts/shard-$i/sweep.csv" ] || fail "task $i wrote no $work/parts/shard-$i/sweep.csv"
done
grep -h "^swept shard" "$work"/logs/*.log

dirs=()
for i in $(seq 0 $((parts - 1))); do dirs+=("$work/parts/shard-$i"); done
"$tool" merge "${dirs[@]:1}" --quiet --out "$work/incomplete" 2>/dev/null
rc=$?
[ "$rc" -eq 2 ] && [ ! -e "$work/incomplete" ] || fail "neurofold merge of all parts but shard 0 exited $rc and not 2 (invalid input)"
"$tool" merge "${dirs[@]}" --quiet --out "$work/merged" || fail "neurofold merge refused the parts"

for f in sweep.csv sweep.png run.json; do
  cmp "$work/whole/$f" "$work/merged/$f" || fail "the merged $f differs from the unsharded run's"
done
say "merged sweep.csv, sweep.png and run.json are byte for byte the unsharded run's"

"$tool" replay "$work/merged/run.json" || fail "replay of the merged run.json did not say identical"
say "ok: $parts-task array job, merge, cmp and replay in $((SECONDS - t0)) s"

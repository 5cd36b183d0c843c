#!/usr/bin/env bash
# Compares NeuroFold's polychronization network with the independent Python transcription of ALGORITHM.md
# (tools/spnet/spnet_reference.py) on Izhikevich's own arrays, for SECONDS simulated seconds (default 60):
# the spike lists must be byte-identical, and the weights, sd and state snapshots after seconds 1, 10 and SECONDS
# bit-identical. Not run by the tests: the Python takes about 2.5 s of wall time per simulated second on 2 cores.
# Usage: tools/spnet/check.sh [SECONDS]   (from the repository root, after dotnet build -c Release)
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="$root/tests/NeuroFold.Regression.Tests/Reference/spnet"
cli="$root/src/NeuroFold.Cli/bin/Release/net10.0/neurofold.dll"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
snaps="1"
for s in 10 "$seconds"; do
  if [ "$s" -le "$seconds" ] && [ "$s" != 1 ]; then snaps="$snaps,$s"; fi
done
mkdir -p "$work/python"
start=$(date +%s)
/usr/bin/python3 "$root/tools/spnet/spnet_reference.py" "$data" "$seconds" "$work/python" "$snaps" 2>/dev/null
echo "python reference: $seconds s simulated in $(( $(date +%s) - start )) s"
dotnet "$cli" network --model polychronization --targets "$data/targets.npy" --delays "$data/delays.npy" \
  --weights "$data/weights.npy" --drive "$data/drive.npy" --t-max $(( seconds * 1000 )) --snapshot-at "$snaps" \
  --out "$work/neurofold" --quiet
status=0
for f in spikes.csv $(cd "$work/python" && ls weights-*.npy sd-*.npy state-*.npy); do
  if cmp -s "$work/python/$f" "$work/neurofold/$f"; then echo "identical: $f"; else echo "DIFFERENT: $f"; status=1; fi
done
echo "spikes: $(( $(wc -l < "$work/neurofold/spikes.csv") - 1 ))"
exit $status

#!/usr/bin/env bash
# Cross-architecture check: the linux-arm64 build of neurofold, run under qemu-user, must write the same data bytes as
# the x64 build for the gallery, the 2003 network, a sweep and the Jaxley test.
#
# Usage: tools/cross-arch-check.sh X64_NEUROFOLD [WORK_DIR]
#   X64_NEUROFOLD  the x64 build to compare with (e.g. src/NeuroFold.Cli/bin/Release/net10.0/neurofold)
#   WORK_DIR       scratch folder (default: a new temporary one, removed at the end)
#
# What it does:
# - installs Debian's qemu-user-static and the arm64 libraries the runtime needs (dpkg --add-architecture arm64);
# - publishes the tool self-contained for linux-arm64 (the runtime pack comes from NuGet);
# - runs the same four commands on both builds;
# - compares every output the arm64 manifest lists as "data" (CSV, JSON) byte for byte;
# - replays each arm64 manifest with the x64 tool, which must say identical (exit 0) or "data identical, figures
#   differ" (exit 6: Skia anti-aliases some pictures differently on arm64).
#
# Prints one line per run and a closing "cross-arch: N runs, D data files identical, F figures differ, X failures";
# exits 1 on any failure.
#
# Under qemu-user, the runs use one worker thread and no background GC. The results do not depend on threads, and
# qemu-user's emulation of signals has been seen to crash the multi-threaded runtime. A run that dies from a signal
# (exit >= 128) is retried once, and the retry is reported.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
x64=$(realpath -m "${1:?usage: tools/cross-arch-check.sh X64_NEUROFOLD [WORK_DIR]}")
work=${2:-$(mktemp -d)}
keep=${2:+1}
mkdir -p "$work"
trap '[ -z "$keep" ] && rm -rf "$work"' EXIT

start=$(date +%s)
if ! command -v qemu-aarch64-static >/dev/null 2>&1 || [ ! -e /usr/lib/aarch64-linux-gnu/libstdc++.so.6 ]; then
  ( dpkg --add-architecture arm64 && apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qemu-user-static libc6:arm64 libstdc++6:arm64 libgcc-s1:arm64 \
         zlib1g:arm64 libssl3:arm64 libfontconfig1:arm64 ) >"$work/apt.log" 2>&1 \
    || { echo "cross-arch: could not install qemu-user-static and the arm64 libraries (see below)" >&2; tail -n 20 "$work/apt.log" >&2; exit 1; }
fi
if ! dotnet publish "$root/src/NeuroFold.Cli" -c Release -r linux-arm64 --self-contained -o "$work/arm64" >"$work/publish.log" 2>&1; then
  echo "cross-arch: dotnet publish -r linux-arm64 failed" >&2; tail -n 20 "$work/publish.log" >&2; exit 1
fi
echo "cross-arch: set-up (qemu, arm64 libraries, publish) took $(( $(date +%s) - start )) s"

arm64() {
  QEMU_LD_PREFIX=/ DOTNET_gcConcurrent=0 qemu-aarch64-static "$work/arm64/neurofold" "$@"
}

runs=0 identical=0 figures=0 failures=0
check() {
  local name=$1; shift
  local t0=$(date +%s)
  runs=$((runs + 1))
  if ! (cd "$work" && "$x64" "$@" --out "x64/$name" --quiet >"$work/$name.x64.log" 2>&1); then
    echo "cross-arch: $name: the x64 run failed" >&2; cat "$work/$name.x64.log" >&2; failures=$((failures + 1)); return
  fi
  (cd "$work" && arm64 "$@" --out "arm64/$name" --quiet >"$work/$name.arm64.log" 2>&1)
  local rc=$?
  if [ "$rc" -ge 128 ]; then
    echo "cross-arch: $name: the arm64 run died from a signal under qemu (exit $rc); retrying once"
    (cd "$work" && arm64 "$@" --out "arm64/$name" --quiet >"$work/$name.arm64.log" 2>&1)
    rc=$?
  fi
  if [ "$rc" -ne 0 ]; then
    echo "cross-arch: $name: the arm64 run failed (exit $rc)" >&2; tail -n 20 "$work/$name.arm64.log" >&2; failures=$((failures + 1)); return
  fi
  local same=0 differ=0 drawn=0 line
  while IFS=$'\t' read -r file kind; do
    if [ "$kind" = data ]; then
      if cmp -s "$work/x64/$name/$file" "$work/arm64/$name/$file"; then same=$((same + 1)); else
        echo "cross-arch: $name: data file $file differs between x64 and arm64" >&2; differ=$((differ + 1)); fi
    elif ! cmp -s "$work/x64/$name/$file" "$work/arm64/$name/$file"; then
      drawn=$((drawn + 1))
    fi
  done < <(python3 -c 'import json,sys; [print(o["file"]+"\t"+o["kind"]) for o in json.load(open(sys.argv[1]))["outputs"]]' "$work/arm64/$name/run.json")
  (cd "$work" && "$x64" replay "arm64/$name/run.json" >"$work/$name.replay.log" 2>&1)
  local replay=$?
  identical=$((identical + same)); figures=$((figures + drawn))
  if [ "$differ" -gt 0 ] || { [ "$replay" -ne 0 ] && [ "$replay" -ne 6 ]; }; then
    failures=$((failures + 1))
    echo "cross-arch: $name: FAILED ($differ data files differ; x64 replay of the arm64 manifest exit $replay)" >&2
    cat "$work/$name.replay.log" >&2
  else
    echo "cross-arch: $name: $same data files identical, $drawn figures drawn differently; x64 replay of the arm64 manifest: exit $replay ($(( $(date +%s) - t0 )) s)"
  fi
}

check jaxley simulate --dt 0.1 --t-max 200 --v0 -70 --u0 0 --step 10,180,0.012nA
check gallery gallery
check network2003 network --model izhikevich2003 --t-max 1000 --seed 1 --threads 1
check sweep sweep --grid a=0.02:0.1:5 --grid I=0:20:21 --threads 1

echo "cross-arch: $runs runs, $identical data files identical, $figures figures differ, $failures failures ($(( $(date +%s) - start )) s in all)"
[ "$failures" -eq 0 ]

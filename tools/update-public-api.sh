#!/usr/bin/env bash
# Records the current public API of the packaged libraries in their PublicAPI.Unshipped.txt files.
# Use it deliberately, after an intended change of the public surface: it builds, reads the analyzer's
# RS0016 (symbol not declared) and RS0017 (declared symbol removed) diagnostics and updates the files,
# so that `git diff src/*/PublicAPI.*.txt` shows the API change for review.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in ${PROJECTS:-NeuroFold.Core NeuroFold.Testing}; do
  dir="src/$project"
  log=$(mktemp)
  for _ in 1 2 3; do
    dotnet build "$dir/$project.csproj" -c Release --no-incremental -p:TreatWarningsAsErrors=false 2>&1 >"$log" || true
    added=$(grep -E "RS0016" "$log" | grep -F "/$dir/" | sed -E "s/.*RS0016: Symbol '(.+)' is not part of the declared public API.*/\1/" | sort -u || true)
    removed=$(grep -E "RS0017" "$log" | grep -F "/$dir/" | sed -E "s/.*RS0017: Symbol '(.+)' is part of the declared API, but is either not public or could not be found.*/\1/" | sort -u || true)
    [ -z "$added" ] && [ -z "$removed" ] && break
    if [ -n "$removed" ]; then
      while IFS= read -r sym; do
        for f in "$dir/PublicAPI.Unshipped.txt" "$dir/PublicAPI.Shipped.txt"; do
          grep -vxF -- "$sym" "$f" > "$f.tmp" || true; mv "$f.tmp" "$f"
        done
      done <<<"$removed"
    fi
    if [ -n "$added" ]; then printf '%s\n' "$added" >> "$dir/PublicAPI.Unshipped.txt"; fi
    { head -n 1 "$dir/PublicAPI.Unshipped.txt"; tail -n +2 "$dir/PublicAPI.Unshipped.txt" | LC_ALL=C sort -u; } > "$dir/PublicAPI.tmp"
    mv "$dir/PublicAPI.tmp" "$dir/PublicAPI.Unshipped.txt"
  done
  rm -f "$log"
  echo "$project: $(($(wc -l < "$dir/PublicAPI.Unshipped.txt") - 1)) unshipped entries"
done

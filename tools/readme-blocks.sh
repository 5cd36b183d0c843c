#!/usr/bin/env bash
# Compiles and runs every C# and F# code block of README.md against the packed NuGet packages, in a temporary folder
# outside the repository, so the README cannot drift from the API.
#   tools/readme-blocks.sh VERSION [FEED]     (FEED defaults to artifacts/packages)
# A block is a whole program (top-level statements in C#, a program file in F#) unless it holds test attributes
# ([Property]/[Fact] in C#, [<Property>]/[<Fact>] in F#): then it is an xunit v2 + FsCheck.Xunit test project, run by
# `dotnet test`. Exit status: the number of blocks that failed to build or run (0: all passed). Prints one line per block.
set -uo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: tools/readme-blocks.sh VERSION [FEED]}
feed=$(cd "${2:-artifacts/packages}" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/neurofold-readme.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Split README.md into block files: NN.cs / NN.fs (the order of the blocks in the README).
awk -v dir="$work" '
  /^```(csharp|fsharp)[[:space:]]*$/ { n++; ext = ($0 ~ /csharp/) ? "cs" : "fs"; file = sprintf("%s/%02d.%s", dir, n, ext); inblock = 1; next }
  /^```/ && inblock { inblock = 0; close(file); next }
  inblock { print > file }
' README.md

cat > "$work/Directory.Build.props" <<PROPS
<Project>
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <RestoreAdditionalProjectSources>$feed</RestoreAdditionalProjectSources>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="NeuroFold.Core" Version="$version" />
  </ItemGroup>
  <ItemGroup Condition="'\$(IsTestProject)' == 'true'">
    <PackageReference Include="NeuroFold.Testing" Version="$version" />
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
    <PackageReference Include="xunit" Version="2.9.3" />
    <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
    <PackageReference Include="FsCheck.Xunit" Version="3.6.0" />
  </ItemGroup>
</Project>
PROPS
echo '<Project />' > "$work/Directory.Build.targets"
echo '<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>' > "$work/Directory.Packages.props"

projects=()
kinds=()
for src in "$work"/*.cs "$work"/*.fs; do
  [ -e "$src" ] || continue
  name=$(basename "$src"); base="b${name%.*}"; ext=${name##*.}
  if grep -qE '\[<?(Property|Fact)' "$src"; then kind=test; else kind=run; fi
  mkdir -p "$work/$base"
  if [ "$ext" = cs ]; then
    mv "$src" "$work/$base/Block.cs"; proj="$work/$base/$base.csproj"
    items=""
  else
    mv "$src" "$work/$base/Block.fs"; proj="$work/$base/$base.fsproj"
    items='<ItemGroup><Compile Include="Block.fs" /></ItemGroup>'
  fi
  if [ "$kind" = test ]; then
    props='<IsTestProject>true</IsTestProject><IsPackable>false</IsPackable>'
    [ "$ext" = fs ] && props="$props<GenerateProgramFile>true</GenerateProgramFile>"
  else
    props='<OutputType>Exe</OutputType>'
  fi
  echo "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>$props</PropertyGroup>$items</Project>" > "$proj"
  projects+=("$proj"); kinds+=("$kind")
done

if [ "${#projects[@]}" -eq 0 ]; then echo "README.md has no C# or F# block" >&2; exit 1; fi
failed=0
for i in "${!projects[@]}"; do
  proj=${projects[$i]}; label="README block $(basename "$(dirname "$proj")" | tr -d b) ($(basename "$proj" | sed 's/.*\.//; s/csproj/C#/; s/fsproj/F#/') ${kinds[$i]})"
  log="$work/$(basename "$proj").log"
  if [ "${kinds[$i]}" = test ]; then
    dotnet test "$proj" -c Release >"$log" 2>&1
  else
    dotnet run --project "$proj" -c Release >"$log" 2>&1
  fi
  rc=$?
  if [ "$rc" -eq 0 ] && [ "${kinds[$i]}" = test ] && ! grep -qE 'Passed!.*Passed:[[:space:]]*[1-9]' "$log"; then
    echo "$label: no test ran" >&2; rc=1
  fi
  if [ "$rc" -eq 0 ]; then
    if [ "${kinds[$i]}" = test ]; then summary=$(grep -E 'Passed!' "$log" | sed -E 's/ - [^ ]+\.dll.*//'); else summary=$(grep -v '^\s*$' "$log" | tail -n 1); fi
    echo "$label: ok ($summary)"
  else
    echo "$label: FAILED (exit $rc)" >&2; tail -n 30 "$log" >&2; failed=$((failed + 1))
  fi
done
echo "README blocks: ${#projects[@]} built and run, $failed failed"
exit "$failed"

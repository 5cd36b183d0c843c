using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Commands;
using NeuroFold.Cli.Execution;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Sweeps;
using NeuroFold.IO;
using NeuroFold.IO.Files;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Fitting;

/// <summary>The parts of a sharded fit: each part's starts (starts.json), and putting them back together in start order.</summary>
/// <remarks>
/// Every number is written in its shortest round-trip form (losses as text, so that ∞ and NaN survive), so the merged
/// starts are the unsharded run's bit for bit and <see cref="FitCommand.Write"/> writes the same bytes.
/// </remarks>
internal static class FitParts
{
    /// <summary>Writes the results of a part's starts.</summary>
    public static void WriteStarts(Utf8JsonWriter w, FitSpec spec, ImmutableArray<StartResult> results)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        w.WriteStartObject();
        w.WriteStartArray("starts");
        foreach (var r in results)
        {
            w.WriteStartObject();
            w.WriteNumber("start", r.Index);
            w.WriteString("bestLoss", Csv.Format(r.BestLoss));
            w.WriteNumber("simulations", r.Simulations);
            w.WriteStartArray("origin");
            foreach (string n in spec.Free)
            {
                w.WriteNumberValue(r.Origin[n]);
            }

            w.WriteEndArray();
            w.WriteStartArray("best");
            foreach (string n in spec.Free)
            {
                w.WriteNumberValue(r.Best[n]);
            }

            w.WriteEndArray();
            w.WriteStartArray("curve");
            foreach (double x in r.Curve)
            {
                w.WriteStringValue(Csv.Format(x));
            }

            w.WriteEndArray();
            w.WriteStartArray("validation");
            foreach (double x in r.Validation)
            {
                w.WriteStringValue(Csv.Format(x));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Reads every part in <paramref name="dirs"/>, checks that they are the N parts of one fit (each once, outputs matching their manifests), and returns the fit's spec and every start in order.</summary>
    public static Validation<Error, (FitSpec Spec, ImmutableArray<StartResult> Results, int Parts)> Merge(IReadOnlyList<string> dirs)
    {
        ArgumentNullException.ThrowIfNull(dirs);
        var loaded = dirs.Select((d, i) => Load($"DIR #{i + 1}", d)).ToList();
        var problems = loaded.SelectMany(l => l.FailToSeq()).ToList();
        if (problems.Count > 0)
        {
            return Fail<Error, (FitSpec, ImmutableArray<StartResult>, int)>(problems.ToSeq());
        }

        var parts = loaded.Select(l => l.SuccessToSeq().Head).ToList();
        string whole = parts[0].WholeSpec;
        int count = parts[0].Shard.Count;
        for (int i = 1; i < parts.Count; i++)
        {
            if (parts[i].WholeSpec != whole)
            {
                problems.Add(Error.New($"DIR #{i + 1} ({Excerpt.Of(parts[i].Dir)}): a part of another fit (its spec differs from DIR #1's apart from the shard)"));
            }

            if (parts[i].Shard.Count != count)
            {
                problems.Add(Error.New($"DIR #{i + 1} ({Excerpt.Of(parts[i].Dir)}): part of {parts[i].Shard.Count}, but DIR #1 is a part of {count}"));
            }
        }

        for (int k = 0; k < count; k++)
        {
            int n = parts.Count(p => p.Shard.Index == k);
            if (n != 1)
            {
                problems.Add(Error.New(n == 0 ? $"part {k}/{count} is missing" : $"part {k}/{count} is given {n} times"));
            }
        }

        if (problems.Count > 0)
        {
            return Fail<Error, (FitSpec, ImmutableArray<StartResult>, int)>(problems.ToSeq());
        }

        var results = parts.OrderBy(p => p.Shard.Index).SelectMany(p => p.Results).ToImmutableArray();
        return (parts[0].Spec, results, parts.Count);
    }

    sealed record Part(string Dir, FitSpec Spec, SweepShard Shard, string WholeSpec, ImmutableArray<StartResult> Results);

    static Validation<Error, Part> Load(string field, string dir)
    {
        string manifestPath = Path.Combine(dir, Manifest.FileName);
        string source = $"{field} ({Excerpt.Of(dir)})";
        return InputFile.ReadAll(field, manifestPath, Output.Transactions.FolderScan.MaxManifestBytes, "manifest")
            .Bind(bytes => SweepPart.Parse(field, manifestPath, bytes))
            .Bind(manifest =>
            {
                if (manifest.Command != FitCommand.Name)
                {
                    return Fail<Error, Part>(Error.New($"{source}: $.command is \"{Excerpt.Of(manifest.Command)}\", not a part of a fit"));
                }

                if (manifest.ToolVersion != Manifest.CurrentToolVersion)
                {
                    return Fail<Error, Part>(Error.New($"{source}: made by neurofold {Excerpt.Of(manifest.ToolVersion)}, but this is {Manifest.CurrentToolVersion}"));
                }

                var differences = ReplayCheck.Folder(dir, manifest.Outputs);
                if (differences.Count > 0)
                {
                    return Fail<Error, Part>(differences.Select(d => Error.New($"{source}: {d}")).ToSeq());
                }

                return (FitCommand.ReadSpec(manifest.Spec), FitCommand.ReadShard(manifest.Spec)).Apply((s, p) => (Spec: s, Shard: FitCommand.Nullable(p))).Bind(x =>
                {
                    if (x.Shard is not { } shard)
                    {
                        return Fail<Error, Part>(Error.New($"{source}: $.spec has no shard: it is a whole fit, which needs no merge"));
                    }

                    using var buffer = new MemoryStream();
                    using (var w = new Utf8JsonWriter(buffer))
                    {
                        FitCommand.WriteSpec(w, x.Spec);
                    }

                    string whole = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
                    return ReadStarts(source, Path.Combine(dir, FitCommand.StartsFile), x.Spec, shard).Map(r => new Part(dir, x.Spec, shard, whole, r));
                });
            })
            .MapFail(e => e.Message.StartsWith(field, StringComparison.Ordinal) ? e : Error.New($"{source}: {e.Message}"));
    }

    static Validation<Error, ImmutableArray<StartResult>> ReadStarts(string source, string path, FitSpec spec, SweepShard shard) =>
        InputFile.ReadAll(source, path, 256L << 20, "starts file").Bind(bytes =>
        {
            try
            {
                using var doc = JsonDocument.Parse(bytes);
                var results = ImmutableArray.CreateBuilder<StartResult>();
                int expected = shard.First(spec.Starts);
                foreach (var e in doc.RootElement.GetProperty("starts").EnumerateArray())
                {
                    int index = e.GetProperty("start").GetInt32();
                    if (index != expected++)
                    {
                        return Fail<Error, ImmutableArray<StartResult>>(Error.New($"{source}: {FitCommand.StartsFile} lists start {index} out of its shard's order"));
                    }

                    var origin = MultiStart.Place(spec.Start, spec.Free, [.. e.GetProperty("origin").EnumerateArray().Select(x => x.GetDouble())]);
                    var best = MultiStart.Place(spec.Start, spec.Free, [.. e.GetProperty("best").EnumerateArray().Select(x => x.GetDouble())]);
                    var curve = e.GetProperty("curve").EnumerateArray().Select(x => double.Parse(x.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)).ToImmutableArray();
                    double bestLoss = double.Parse(e.GetProperty("bestLoss").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
                    var validation = e.GetProperty("validation").EnumerateArray().Select(x => double.Parse(x.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)).ToImmutableArray();
                    results.Add(new StartResult(index, origin, best, bestLoss, curve, e.GetProperty("simulations").GetInt32(), validation));
                }

                return expected == shard.First(spec.Starts) + shard.Size(spec.Starts)
                    ? Success<Error, ImmutableArray<StartResult>>(results.ToImmutable())
                    : Fail<Error, ImmutableArray<StartResult>>(Error.New($"{source}: {FitCommand.StartsFile} lists {results.Count} starts, its shard has {shard.Size(spec.Starts)}"));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                return Fail<Error, ImmutableArray<StartResult>>(Error.New($"{source}: {FitCommand.StartsFile} is not a fit part's starts ({e.Message})"));
            }
        });
}

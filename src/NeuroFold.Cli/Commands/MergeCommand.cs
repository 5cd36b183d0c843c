using System.CommandLine;
using LanguageExt;
using NeuroFold.Cli.Execution;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Specs;
using NeuroFold.Cli.Sweeps;
using static NeuroFold.Cli.Commands.Vocabulary;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold merge DIR… --out DIR</c>: the shards of one sweep put together into the files, and the manifest, of the unsharded sweep.</summary>
/// <remarks>
/// The outputs are written by <see cref="SweepCommand.Write"/> from the parts' rows, the code the sweep itself writes
/// them with, and committed with the whole sweep's spec, so <c>sweep.csv</c>, <c>sweep.png</c> and <c>run.json</c> are
/// byte for byte those of <c>neurofold sweep</c> without <c>--shard</c> (on the same platform), and <c>replay</c> re-runs
/// the merged manifest as a plain sweep.
/// </remarks>
internal static class MergeCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "merge";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var dirs = new Argument<string[]>("DIR")
        {
            Description = "the output folders of the shards (neurofold sweep --shard I/N --out DIR, or neurofold fit --shard I/N --out DIR), in any order; every one of the N parts exactly once",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDir = Out(Name);
        var maxMemory = MaxMemory();
        var quiet = Quiet();
        var command = new Command(
            Name,
            "Put the shards of one sweep (neurofold sweep --shard I/N) or one fit (neurofold fit --shard I/N: the best start, and every file, as the unsharded fit writes them) together: checks that they are parts of one sweep (the same spec apart from the shard, " +
            "made by this version), that each of the N parts is there once, and that every part's sweep.csv matches its manifest; then writes DIR/sweep.csv, " +
            "DIR/sweep.png and DIR/run.json byte for byte as the unsharded sweep writes them (neurofold replay DIR/run.json re-runs it whole). " +
            "Exit codes: 0 ok, 2 invalid input (every problem of every part is listed; nothing is written).");
        command.Arguments.Add(dirs);
        command.Options.Add(outDir);
        command.Options.Add(maxMemory);
        command.Options.Add(quiet);
        command.SetAction(r => Execute(r.GetValue(dirs) ?? [], r.GetValue(outDir), r.GetValue(maxMemory), stdout, stderr, r.GetValue(quiet)));
        return command;
    }

    /// <summary>Merges the shards in <paramref name="dirs"/> into <paramref name="outText"/>; returns the exit code.</summary>
    public static int Execute(IReadOnlyList<string> dirs, string? outText, string? maxMemory, TextWriter stdout, TextWriter stderr, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(dirs);
        ArgumentNullException.ThrowIfNull(stdout);
        string outDir = outText ?? $"neurofold-out/{Name}";
        var budget = Budget.Resolve("--max-memory", maxMemory);
        if (dirs.Count > 0 && IsFitPart(dirs[0]))
        {
            return MergeFit(dirs, outText, outDir, budget, stdout, stderr, quiet);
        }

        // The parts are checked whatever else is wrong (a bad --max-memory is checked against the default), so every problem shows at once.
        var merged = SweepMerge.Merge(dirs, outDir, budget.Match(Succ: b => b, Fail: _ => Budget.Default));
        return (Fields.Out("--out", outText, outDir), budget, merged).Apply((_, _, m) => m)
            .Match(
                Succ: merged => Outputs.Into("--out", outDir, SweepCommand.Planned, stderr, set =>
                {
                    var written = SweepCommand.Write(set, merged.Spec, merged.Grid, merged.Rows);
                    if (!quiet)
                    {
                        stdout.WriteLine($"merged {merged.Parts} shard{(merged.Parts == 1 ? "" : "s")} of {merged.Spec.Points} grid points, {merged.Rows.TotalSpikes} spikes");
                        stdout.WriteLine($"wrote {written.Paths[0]} ({merged.Spec.Points} rows)");
                        stdout.WriteLine($"wrote {written.Paths[1]}");
                        stdout.WriteLine($"wrote {written.ManifestPath} (the unsharded sweep's manifest; check with: neurofold replay {written.ManifestPath})");
                    }

                    return ExitCodes.Ok;
                }),
                Fail: errors => Problems.Report(stderr, errors));
    }

    /// <summary>True when <paramref name="dir"/>'s manifest is one of <c>fit</c> (then the parts are a fit's).</summary>
    static bool IsFitPart(string dir)
    {
        try
        {
            using var stream = File.OpenRead(Path.Combine(dir, Manifest.FileName));
            using var doc = System.Text.Json.JsonDocument.Parse(stream);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("command", out var c) && c.ValueKind == System.Text.Json.JsonValueKind.String
                && c.GetString() == FitCommand.Name;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>The parts of a sharded fit put together: the unsharded fit's files, byte for byte (<see cref="FitCommand.Write"/>).</summary>
    static int MergeFit(IReadOnlyList<string> dirs, string? outText, string outDir, Validation<LanguageExt.Common.Error, Budget> budget, TextWriter stdout, TextWriter stderr, bool quiet) =>
        (Fields.Out("--out", outText, outDir), budget, Fitting.FitParts.Merge(dirs)).Apply((_, _, m) => m).Match(
            Succ: merged => Outputs.Into("--out", outDir, FitCommand.Planned, stderr, set => FitCommand.Write(merged.Spec, merged.Results, set).Match(
                Right: w =>
                {
                    if (!quiet)
                    {
                        stdout.WriteLine($"merged {merged.Parts} part{(merged.Parts == 1 ? "" : "s")} of a fit of {merged.Spec.Starts} starts; best start {w.Summary.Best.Index}");
                        stdout.WriteLine($"wrote {w.Files.ManifestPath} (the unsharded fit's manifest; check with: neurofold replay {w.Files.ManifestPath})");
                    }

                    return ExitCodes.Ok;
                },
                Left: failure => failure.Report(stderr))),
            Fail: errors => Problems.Report(stderr, errors));
}

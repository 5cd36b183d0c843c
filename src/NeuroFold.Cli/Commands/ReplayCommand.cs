using System.CommandLine;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using NeuroFold.Cli.Execution;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Simulation;
using NeuroFold.IO;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold replay DIR/run.json</c>: re-runs a manifest's resolved spec in a temporary folder and compares SHA-256 hashes.</summary>
/// <remarks>
/// Each output listed in the manifest is checked twice: the file beside the manifest against its recorded hash (catches a
/// hand-edited or corrupted output) and the re-run's file against the recorded hash (catches a changed spec or a tool
/// that no longer reproduces the run). Exit 0 and "identical" when every one matches; exit 4 naming each file that differs.
/// </remarks>
internal static class ReplayCommand
{
    /// <summary>The largest manifest replay reads.</summary>
    public const long MaxManifestBytes = Output.Transactions.FolderScan.MaxManifestBytes;

    /// <summary>The default limit on a replay's re-run, seconds.</summary>
    public const int DefaultTimeoutS = 3600;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var manifest = new Argument<string>("MANIFEST") { Description = "the run.json a run wrote into its output folder" };
        var timeout = Vocabulary.Text("--timeout", "S", $"give up (exit code 5) when the re-run takes longer than S seconds (default {DefaultTimeoutS})");
        var quiet = Vocabulary.Quiet();
        var maxMemory = Vocabulary.MaxMemory();
        var command = new Command(
            "replay",
            "Re-run DIR/run.json (of simulate, run, gallery, sweep, network, fit or predict) into a temporary folder and compare the SHA-256 of every output with the manifest and with the files in DIR. " +
            "Outputs are opened without following links; pipes and devices are never read; sizes are checked before hashing; entries of DIR the manifest does not list are reported. " +
            "Exit codes: 0 identical, 2 unreadable or invalid manifest, 4 some file differs (each is named), 5 the re-run ran past --timeout, " +
            "6 the manifest was made on another platform and every data output matches but some figure (PNG, SVG) is drawn differently.");
        command.Arguments.Add(manifest);
        command.Options.Add(timeout);
        command.Options.Add(maxMemory);
        command.Options.Add(quiet);
        command.SetAction(r => Execute(r.GetValue(manifest)!, r.GetValue(timeout), r.GetValue(maxMemory), stdout, stderr, r.GetValue(quiet)));
        return command;
    }

    /// <summary>Replays <paramref name="manifestPath"/>; returns the exit code.</summary>
    public static int Execute(string manifestPath, string? timeoutText, string? maxMemoryText, TextWriter stdout, TextWriter stderr, bool quiet)
    {
        var timeout = Fields.WholeNumber("--timeout", timeoutText, DefaultTimeoutS, 1, 31 * 24 * 3600);
        var read = IO.Files.InputFile.ReadAll("MANIFEST", manifestPath, MaxManifestBytes, "manifest").Bind(bytes => ParseManifest(manifestPath, bytes));
        var checkedIn = (timeout, read, Budget.Resolve("--max-memory", maxMemoryText)).Apply((t, m, b) => (TimeoutS: t, Manifest: m, Budget: b));
        if (checkedIn.IsFail)
        {
            return Problems.Report(stderr, checkedIn.FailToSeq());
        }

        var (timeoutS, manifest, budget) = checkedIn.SuccessToSeq().Head;
        long recordedBytes = manifest.Outputs.Sum(o => o.Bytes);
        var room = Budget.CheckDisk("replay", Path.GetTempPath(), recordedBytes, "free space in the temporary folder (TMPDIR)");
        if (room.IsFail)
        {
            return Problems.Report(stderr, room.FailToSeq());
        }

        string dir = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        if (manifest.ToolVersion != Manifest.CurrentToolVersion)
        {
            stderr.WriteLine($"note: the manifest was made by neurofold {Excerpt.Of(manifest.ToolVersion)}; this is {Manifest.CurrentToolVersion}");
        }

        // The folder first: cheap, and it needs no re-run.
        var differences = ReplayCheck.Folder(dir, manifest.Outputs);
        var rerunDifferences = new List<(string File, string Message)>();
        var unlisted = ReplayCheck.Unlisted(dir, manifest.Outputs);

        ReplayCheck.RemoveStaleTemporaryFolders();
        string temp = ReplayCheck.NewTemporaryFolder();
        using var cleanup = Shutdown.OnStop(() => ReplayCheck.DeleteTree(temp));
        using var watchdog = new Timer(_ => Shutdown.Stop(ExitCodes.TimedOut, $"replay of {manifestPath}: the re-run took longer than {timeoutS} s (--timeout); nothing was kept"), null, TimeSpan.FromSeconds(timeoutS), Timeout.InfiniteTimeSpan);
        try
        {
            var names = FieldNames.JsonAt("$.spec");
            var rerun = Rerun(manifest, names, Path.Combine(temp, "out"), budget, stderr, quiet);
            if (rerun.IsLeft)
            {
                return rerun.Match(Right: _ => ExitCodes.Ok, Left: problems => Problems.Report(stderr, problems.Map(e => Error.New($"{manifestPath}: {e.Message}"))));
            }

            var produced = rerun.Match(Right: x => x, Left: _ => throw new InvalidOperationException());
            rerunDifferences.AddRange(produced.Match(
                Right: outputs => ReplayCheck.Rerun(manifest.Outputs, outputs),
                Left: failure => manifest.Outputs.Select(o => (o.File, $"{o.File}: not reproduced; {failure.Message}")).ToList()));
        }
        finally
        {
            watchdog.Change(Timeout.Infinite, Timeout.Infinite);
            ReplayCheck.DeleteTree(temp);
        }

        foreach (string u in unlisted)
        {
            stderr.WriteLine($"unlisted: {u} (in {dir}, but not in the manifest: not an output of this run)");
        }

        string extra = unlisted.Count == 0 ? "" : $"; {unlisted.Count} unlisted entr{(unlisted.Count == 1 ? "y" : "ies")} in the folder (see stderr)";

        // On another platform the figures may be drawn differently (the renderer's anti-aliasing); the numbers may not differ.
        var here = ManifestPlatform.Current;
        bool otherPlatform = !manifest.Platform.DrawsLike(here);
        var figures = otherPlatform ? rerunDifferences.Where(d => OutputKinds.Of(d.File) == OutputKind.Figure).ToList() : [];
        differences.AddRange(rerunDifferences.Except(figures).Select(d => d.Message));
        if (differences.Count == 0 && figures.Count == 0)
        {
            stdout.WriteLine($"identical: all {manifest.Outputs.Count} outputs match {manifestPath} ({manifest.Command}: {string.Join(", ", manifest.Outputs.Select(o => o.File))}){extra}");
            return ExitCodes.Ok;
        }

        if (differences.Count == 0)
        {
            foreach (var (_, message) in figures)
            {
                stderr.WriteLine($"figure differs: {message}");
            }

            int data = manifest.Outputs.Count(o => o.Kind == OutputKind.Data);
            stdout.WriteLine(
                $"data identical, figures differ: all {data} data outputs match {manifestPath}; {figures.Count} figure(s) drawn on {manifest.Platform} differ from this {here} rendering " +
                $"(pictures may be anti-aliased differently on another platform; the numbers they show are the data above){extra}");
            return ExitCodes.FiguresDiffer;
        }

        foreach (string d in differences.Concat(figures.Select(f => f.Message)))
        {
            stderr.WriteLine($"differs: {d}");
        }

        stdout.WriteLine($"not identical: {differences.Count + figures.Count} difference(s) against {manifestPath}{extra}");
        return ExitCodes.ReplayMismatch;
    }

    static Validation<Error, Manifest> ParseManifest(string path, byte[] bytes)
    {
        try
        {
            string text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            using var document = JsonDocument.Parse(text);
            return Manifest.Read(document, path);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return Fail<Error, Manifest>(Error.New($"MANIFEST: '{Excerpt.Of(path)}' is not valid UTF-8"));
        }
        catch (JsonException e)
        {
            return Fail<Error, Manifest>(Error.New($"MANIFEST: '{Excerpt.Of(path)}' is not valid JSON ({e.Message})"));
        }
    }

    /// <summary>Re-runs the manifest's command from its spec into <paramref name="temp"/>: invalid specs on the left, the run's outcome on the right.</summary>
    static Either<Seq<Error>, Either<RunFailure, IReadOnlyList<OutputFile>>> Rerun(Manifest manifest, FieldNames names, string temp, Budget budget, TextWriter stderr, bool quiet)
    {
        switch (manifest.Command)
        {
            case "simulate" or "run":
            {
                var (options, problems) = RunSpecReader.Read(manifest.Spec, "$.spec");
                var resolved = SimulateResolver.Resolve(options with { Out = temp }, names)
                    .Bind(spec => budget.CheckMemory("--max-memory", Estimates.Simulate(spec), Estimates.SimulateShrink).Map(_ => spec));
                return Checked(problems, resolved, spec => Into(temp, SimulationJob.Planned(spec), set =>
                {
                    bool show = ProgressView.ShouldShow(stderr, quiet, spec.Grid.Steps, SimulationJob.TraceRows(spec));
                    long spikeBytes = budget.Left(Estimates.Simulate(spec));
                    return ProgressView.Run(show, stderr, spec.Grid.Steps, manifest.Outputs.Count + 1, view => SimulationJob.Produce(spec, manifest.Command, set, view, spikeBytes))
                        .Map(w => w.Files.Outputs);
                }));
            }

            case GalleryCommand.Name:
                return Checked(Seq<Error>(), GalleryCommand.ReadSpec(manifest.Spec, names), selection =>
                    Into(temp, GalleryCommand.Planned(selection), set => GalleryCommand.Produce(selection, set).Map(w => w.Files.Outputs)));
            case SweepCommand.Name:
            {
                var (options, problems) = Sweeps.SweepResolver.Read(manifest.Spec, names);
                var resolved = Sweeps.SweepResolver.Resolve(options with { Out = temp }, names)
                    .Bind(spec => budget.CheckMemory("--max-memory", Estimates.Sweep(spec), Estimates.SweepShrink).Map(_ => spec));
                return Checked(problems, resolved, spec =>
                    Into(temp, SweepCommand.Planned, set => SweepCommand.Produce(spec, options.Grid, set).Map(w => w.Files.Outputs)));
            }

            case FitCommand.Name:
                return Checked(Seq<Error>(), (FitCommand.ReadSpec(manifest.Spec), FitCommand.ReadShard(manifest.Spec)).Apply((s, p) => (Spec: s, Shard: FitCommand.Nullable(p))), x => x.Shard is { } part
                    ? Into(temp, FitCommand.PartPlanned, set => Right<RunFailure, IReadOnlyList<OutputFile>>(FitCommand.ProducePart(x.Spec, part, Vocabulary.DefaultThreads, set).Outputs))
                    : Into(temp, FitCommand.Planned, set => FitCommand.Produce(x.Spec, Vocabulary.DefaultThreads, set).Map(w => w.Files.Outputs)));
            case PredictCommand.Name:
                return Checked(Seq<Error>(), PredictCommand.ReadSpec(manifest.Spec), spec =>
                    Into(temp, PredictCommand.Planned, set => PredictCommand.Produce(spec, set).Map(w => w.Files.Outputs)));
            case NetworkCommand.Name:
            {
                var (options, problems) = NetworkResolver.Read(manifest.Spec, names);
                if (NetworkResolver.IsDopamine(options.Model))
                {
                    return Checked(problems, DopamineResolver.Resolve(options with { Out = temp }, names, budget), spec =>
                        Into(temp, DopamineJob.Planned, set => DopamineJob.Produce(spec, set, null).Map(w => w.Files.Outputs)));
                }

                if (NetworkResolver.IsPlastic(options.Model))
                {
                    return Checked(problems, PlasticResolver.Resolve(options with { Out = temp }, names, budget), spec =>
                        Into(temp, PlasticJob.Planned(spec), set => PlasticJob.Produce(spec, set, null).Map(w => w.Files.Outputs)));
                }

                return Checked(problems, NetworkResolver.Resolve(options with { Out = temp }, names, budget), spec => spec.Stdp
                    ? Into(temp, SparsePlasticJob.Planned, set => SparsePlasticJob.Produce(spec, set, null).Map(w => w.Files.Outputs))
                    : Into(temp, NetworkCommand.Planned, set => NetworkCommand.Produce(spec, set, null).Map(w => w.Files.Outputs)));
            }

            default:
                return Left<Seq<Error>, Either<RunFailure, IReadOnlyList<OutputFile>>>(
                    Problems.One($"$.command \"{manifest.Command}\" has no replay; the commands that write manifests are simulate, run, gallery, sweep, network, fit and predict"));
        }
    }

    static Either<Seq<Error>, Either<RunFailure, IReadOnlyList<OutputFile>>> Checked<T>(
        Seq<Error> problems, Validation<Error, T> resolved, Func<T, Either<RunFailure, IReadOnlyList<OutputFile>>> run)
    {
        var all = problems + resolved.Match(Succ: _ => Seq<Error>(), Fail: es => es);
        return all.IsEmpty
            ? Right<Seq<Error>, Either<RunFailure, IReadOnlyList<OutputFile>>>(run(resolved.SuccessToSeq().Head))
            : Left<Seq<Error>, Either<RunFailure, IReadOnlyList<OutputFile>>>(all);
    }

    /// <summary>Runs <paramref name="run"/> into a fresh output set in <paramref name="dir"/> (the replay's own temporary folder).</summary>
    static Either<RunFailure, IReadOnlyList<OutputFile>> Into(string dir, IEnumerable<string> planned, Func<Output.Transactions.OutputSet, Either<RunFailure, IReadOnlyList<OutputFile>>> run)
    {
        var opened = Output.Transactions.OutputSet.Open("replay", dir, planned);
        if (opened.IsFail)
        {
            return new RunFailure($"the re-run could not write its temporary folder ({string.Join("; ", opened.FailToSeq().Map(e => e.Message))})", ExitCodes.Failure);
        }

        using var set = opened.SuccessToSeq().Head;
        return run(set);
    }
}

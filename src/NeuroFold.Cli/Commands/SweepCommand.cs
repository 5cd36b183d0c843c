using System.CommandLine;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Execution;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Output.Transactions;
using NeuroFold.Cli.Plots;
using NeuroFold.Cli.Specs;
using NeuroFold.Cli.Sweeps;
using NeuroFold.Core.Populations;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Validation;
using static LanguageExt.Prelude;
using static NeuroFold.Cli.Commands.Vocabulary;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold sweep</c>: one neuron per grid point of one or two swept quantities; <c>sweep.csv</c> and <c>sweep.png</c>.</summary>
internal static class SweepCommand
{
    /// <summary>The command's name, in manifests.</summary>
    public const string Name = "sweep";

    /// <summary>The command; <paramref name="environment"/> reads the Slurm array variables a shard may come from.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, Func<string, string?> environment)
    {
        var grid = new System.CommandLine.Option<string[]>("--grid")
        {
            Description = "a swept quantity NAME=START:STOP:COUNT (inclusive, evenly spaced) or NAME=VALUE; NAME is a, b, c, d, I (uA/cm2) or v0 (mV). " +
                          "Give one (F–I curve) or two (heat map), e.g. --grid a=0.02:0.1:5 --grid I=0:20:41",
            HelpName = "NAME=START:STOP:COUNT",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            Required = true,
        };
        var preset = Text("--preset", "NAME", "base cell preset for what is not swept: rs, ib, ch, fs, tc, rz, lts (default rs)");
        var scheme = Text("--scheme", "NAME", $"numerical scheme: {string.Join(", ", SchemeRegistry.Cell.Select(s => s.Name))} (default {SchemeRegistry.Cell[0].Name})");
        var dt = Dt(Numbers.Format(SimulateResolver.DefaultDtMs));
        var tMax = TMax(Numbers.Format(SweepResolver.DefaultTMaxMs));
        var v0 = Text("--v0", "mV", $"initial membrane potential unless swept (default {Numbers.Format(SimulateResolver.DefaultV0Mv)}); u0 = b*v0 at every point");
        var constant = Deprecated(SimulateCommand.Constant(), "--input");
        var radius = SimulateCommand.Radius();
        var length = SimulateCommand.Length();
        var capacitance = SimulateCommand.Capacitance();
        var threads = Threads();
        var outDir = Out(Name);
        var quiet = Quiet();
        var maxMemory = MaxMemory();
        var shard = Shard("the grid points");

        var command = new Command(
            Name,
            "Sweep parameters and/or input over a grid (one neuron per point, any 2003 scheme); writes DIR/sweep.csv, DIR/sweep.png (F–I curve or heat map) " +
            "and the manifest DIR/run.json. Steps: floor(t_max/dt)+1 (paper: MATLAB's 0:dt:t_max). " +
            "With --shard I/N (or inside a Slurm array job) it computes part I of N of the grid and writes that part's rows of DIR/sweep.csv and DIR/run.json; " +
            "neurofold merge puts the parts together into the unsharded run's files. Exit codes: 0 ok, 2 invalid input, 3 non-finite run.");
        foreach (var o in new System.CommandLine.Option[] { grid, preset, scheme, dt, tMax, v0, constant, radius, length, capacitance, shard, threads, outDir, maxMemory, quiet })
        {
            command.Options.Add(o);
        }

        command.SetAction(r => Execute(
            new SweepOptions(
                r.GetValue(grid) ?? [], r.GetValue(preset), r.GetValue(scheme), r.GetValue(dt), r.GetValue(tMax), r.GetValue(v0), r.GetValue(constant),
                r.GetValue(radius), r.GetValue(length), r.GetValue(capacitance), r.GetValue(threads), r.GetValue(outDir), r.GetValue(shard)),
            r.GetValue(maxMemory),
            environment,
            stdout,
            stderr,
            r.GetValue(quiet)));
        return command;
    }

    static int Execute(SweepOptions options, string? maxMemory, Func<string, string?> environment, TextWriter stdout, TextWriter stderr, bool quiet)
    {
        // --shard wins; else a Slurm array task's variables name the shard (and the messages name them).
        var fromEnvironment = options.Shard is null ? SweepShard.FromEnvironment(environment) : Success<Error, LanguageExt.Option<string>>(None);
        string? environmentShard = null;
        fromEnvironment.IfSuccess(text => text.IfSome(t => environmentShard = t));
        var names = environmentShard is null ? FieldNames.Flags : FieldNames.Flags.With("shard", SweepShard.EnvironmentField);
        return (fromEnvironment, SweepResolver.Resolve(options with { Shard = options.Shard ?? environmentShard }, names), Budget.Resolve("--max-memory", maxMemory))
            .Apply((_, spec, budget) => (spec, budget))
            .Bind(x => x.budget.CheckMemory("--max-memory", Estimates.Sweep(x.spec), Estimates.SweepShrink).Map(_ => x.spec))
            .Bind(spec => SweepRunner.Build(spec).Map(population => (spec, population)))
            .Match(
                Succ: x =>
                {
                    if (environmentShard is not null && !quiet)
                    {
                        stderr.WriteLine($"note: shard {environmentShard} from {SweepShard.TaskIdVariable}/{SweepShard.TaskCountVariable} (the Slurm array task); --shard overrides it");
                    }

                    return Outputs.Into(FieldNames.Flags.Of("out"), x.spec.OutDir, Planned, stderr, set => Produce(x.spec, options.Grid, set).Match(
                        Right: written => Report(x.spec, written, stdout, quiet),
                        Left: failure => failure.Report(stderr)));
                },
                Fail: errors => Problems.Report(stderr, errors));
    }

    /// <summary>Every output a sweep writes (a shard writes only <c>sweep.csv</c>).</summary>
    public static IReadOnlyList<string> Planned { get; } = ["sweep.csv", "sweep.png"];

    /// <summary>Runs the sweep (or its shard) and writes its files into <paramref name="set"/>, committing it; a non-finite run writes nothing.</summary>
    public static Either<RunFailure, (SweepRows Rows, ArtifactWriter.Written Files)> Produce(SweepSpec spec, IReadOnlyList<string> grid, OutputSet set)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var population = SweepRunner.Build(spec).Match(Succ: p => p, Fail: e => throw new InvalidOperationException(Checks.Describe(e)));
        var result = SweepRunner.Run(spec, population);
        if (result.Status is RunStatus.NonFinite nf)
        {
            int pointIndex = spec.FirstPoint + nf.Neuron;
            var at = spec.Coordinates(pointIndex);
            string point = string.Join(", ", spec.Axes.Select((a, k) => $"{a.Name}={Numbers.Format(at[k])}"));
            return RunFailure.NonFinite(nf, $"grid point {pointIndex} ({point})");
        }

        var rows = SweepRows.Of(spec, result);
        return (rows, Write(set, spec, grid, rows));
    }

    /// <summary>Writes a sweep's outputs from its rows and commits the set: <c>sweep.csv</c>, and for the whole grid <c>sweep.png</c>; the manifest's spec is <paramref name="spec"/>'s.</summary>
    /// <remarks>The one place these files are made: a sweep writes them from its run, <c>merge</c> from its shards' rows.</remarks>
    /// <param name="set">The open output set.</param>
    /// <param name="spec">The sweep (or shard) the rows belong to.</param>
    /// <param name="grid">The <c>--grid</c> texts as given (the spec records them).</param>
    /// <param name="rows">The rows of <paramref name="spec"/>'s points.</param>
    public static ArtifactWriter.Written Write(OutputSet set, SweepSpec spec, IReadOnlyList<string> grid, SweepRows rows)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.First != spec.FirstPoint || rows.Count != spec.PartPoints)
        {
            throw new ArgumentException($"rows {rows.First}..{rows.First + rows.Count - 1} are not the points of the spec", nameof(rows));
        }

        var files = new List<Artifact> { Artifact.Text("sweep.csv", w => SweepCsv.Write(w, spec, rows)) };
        if (spec.Shard is null)
        {
            files.Add(new("sweep.png", PlotFiles.Png(SweepPlot.Create(spec, rows), 900, 600)));
        }

        return ArtifactWriter.Write(set, Name, w => SweepResolver.Write(w, spec, grid), files);
    }

    static int Report(SweepSpec spec, (SweepRows Rows, ArtifactWriter.Written Files) written, TextWriter stdout, bool quiet)
    {
        if (quiet)
        {
            return ExitCodes.Ok;
        }

        string axes = string.Join(" x ", spec.Axes.Select(a => $"{a.Name}: {a.Values.Length}"));
        string run = $"{spec.Scheme.Name} scheme, {spec.Grid.Steps} steps of {Numbers.Format(spec.Grid.DtMs)} ms, {written.Rows.TotalSpikes} spikes";
        if (spec.Shard is { } shard)
        {
            stdout.WriteLine($"swept shard {shard} of {spec.Points} points ({axes}): points {spec.FirstPoint}..{spec.FirstPoint + spec.PartPoints - 1}, {run}");
            stdout.WriteLine($"wrote {written.Files.Paths[0]} ({spec.PartPoints} rows)");
            stdout.WriteLine($"wrote {written.Files.ManifestPath} (manifest; put the {shard.Count} parts together with: neurofold merge DIR... --out DIR)");
            return ExitCodes.Ok;
        }

        stdout.WriteLine($"swept {spec.Points} points ({axes}), {run}");
        stdout.WriteLine($"wrote {written.Files.Paths[0]} ({spec.Points} rows)");
        stdout.WriteLine($"wrote {written.Files.Paths[1]}");
        written.Files.ReportManifest(stdout);
        return ExitCodes.Ok;
    }
}

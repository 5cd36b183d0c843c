using System.CommandLine;
using LanguageExt;
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
using static NeuroFold.Cli.Commands.Vocabulary;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold sweep</c>: one neuron per grid point of one or two swept quantities; <c>sweep.csv</c> and <c>sweep.png</c>.</summary>
internal static class SweepCommand
{
    /// <summary>The command's name, in manifests.</summary>
    public const string Name = "sweep";

    public static Command Create(TextWriter stdout, TextWriter stderr)
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

        var command = new Command(
            Name,
            "Sweep parameters and/or input over a grid (one neuron per point, any 2003 scheme); writes DIR/sweep.csv, DIR/sweep.png (F–I curve or heat map) " +
            "and the manifest DIR/run.json. Steps: floor(t_max/dt)+1 (paper: MATLAB's 0:dt:t_max). Exit codes: 0 ok, 2 invalid input, 3 non-finite run.");
        foreach (var o in new System.CommandLine.Option[] { grid, preset, scheme, dt, tMax, v0, constant, radius, length, capacitance, threads, outDir, maxMemory, quiet })
        {
            command.Options.Add(o);
        }

        command.SetAction(r => Execute(
            new SweepOptions(
                r.GetValue(grid) ?? [], r.GetValue(preset), r.GetValue(scheme), r.GetValue(dt), r.GetValue(tMax), r.GetValue(v0), r.GetValue(constant),
                r.GetValue(radius), r.GetValue(length), r.GetValue(capacitance), r.GetValue(threads), r.GetValue(outDir)),
            r.GetValue(maxMemory),
            stdout,
            stderr,
            r.GetValue(quiet)));
        return command;
    }

    static int Execute(SweepOptions options, string? maxMemory, TextWriter stdout, TextWriter stderr, bool quiet) =>
        (SweepResolver.Resolve(options, FieldNames.Flags), Budget.Resolve("--max-memory", maxMemory)).Apply((spec, budget) => (spec, budget))
            .Bind(x => x.budget.CheckMemory("--max-memory", Estimates.Sweep(x.spec), Estimates.SweepShrink).Map(_ => x.spec))
            .Bind(spec => SweepRunner.Build(spec).Map(population => (spec, population)))
            .Match(
                Succ: x => Outputs.Into(FieldNames.Flags.Of("out"), x.spec.OutDir, Planned, stderr, set => Produce(x.spec, options.Grid, set).Match(
                    Right: written => Report(x.spec, written, stdout, quiet),
                    Left: failure => failure.Report(stderr))),
                Fail: errors => Problems.Report(stderr, errors));

    /// <summary>Every output a sweep writes.</summary>
    public static IReadOnlyList<string> Planned { get; } = ["sweep.csv", "sweep.png"];

    /// <summary>Runs the sweep and writes its files into <paramref name="set"/>, committing it; a non-finite run writes nothing.</summary>
    public static Either<RunFailure, (PopulationResult Result, ArtifactWriter.Written Files)> Produce(SweepSpec spec, IReadOnlyList<string> grid, OutputSet set)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var population = SweepRunner.Build(spec).Match(Succ: p => p, Fail: e => throw new InvalidOperationException(Checks.Describe(e)));
        var result = SweepRunner.Run(spec, population);
        if (result.Status is RunStatus.NonFinite nf)
        {
            var at = spec.Coordinates(nf.Neuron);
            string point = string.Join(", ", spec.Axes.Select((a, k) => $"{a.Name}={Numbers.Format(at[k])}"));
            return RunFailure.NonFinite(nf, $"grid point {nf.Neuron} ({point})");
        }

        var plot = SweepPlot.Create(spec, result);
        var files = new List<Artifact>
        {
            Artifact.Text("sweep.csv", w => SweepCsv.Write(w, spec, result)),
            new("sweep.png", PlotFiles.Png(plot, 900, 600)),
        };
        return (result, ArtifactWriter.Write(set, Name, w => SweepResolver.Write(w, spec, grid), files));
    }

    static int Report(SweepSpec spec, (PopulationResult Result, ArtifactWriter.Written Files) written, TextWriter stdout, bool quiet)
    {
        if (quiet)
        {
            return ExitCodes.Ok;
        }

        stdout.WriteLine(
            $"swept {spec.Points} points ({string.Join(" x ", spec.Axes.Select(a => $"{a.Name}: {a.Values.Length}"))}), {spec.Scheme.Name} scheme, " +
            $"{spec.Grid.Steps} steps of {Numbers.Format(spec.Grid.DtMs)} ms, {written.Result.TotalSpikes} spikes");
        stdout.WriteLine($"wrote {written.Files.Paths[0]} ({spec.Points} rows)");
        stdout.WriteLine($"wrote {written.Files.Paths[1]}");
        stdout.WriteLine($"wrote {written.Files.ManifestPath} (manifest; check with: neurofold replay {written.Files.ManifestPath})");
        return ExitCodes.Ok;
    }
}

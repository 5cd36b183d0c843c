using System.CommandLine;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Plots;
using NeuroFold.Cli.Sweeps;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold sweep</c>: one neuron per grid point of one or two swept quantities; <c>sweep.csv</c> and <c>sweep.png</c>.</summary>
internal static class SweepCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var grid = new Option<string[]>("--grid")
        {
            Description = "a swept quantity NAME=START:STOP:COUNT (inclusive, evenly spaced) or NAME=VALUE; NAME is a, b, c, d, I (uA/cm2) or v0 (mV). " +
                          "Give one (F–I curve) or two (heat map), e.g. --grid a=0.02:0.1:5 --grid I=0:20:41",
            HelpName = "NAME=START:STOP:COUNT",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            Required = true,
        };
        var preset = Text("--preset", "NAME", "base cell preset for what is not swept: rs, ib, ch, fs, tc, rz, lts (default rs)");
        var dt = Text("--dt", "ms", "step size in ms (default 0.025)");
        var tMax = Text("--t-max", "ms", $"run length in ms; steps = floor(t_max/dt)+1 (default {SweepResolver.DefaultTMaxMs})");
        var v0 = Text("--v0", "mV", "initial membrane potential unless swept (default -70); u0 = b*v0 at every point");
        var input = Text("--input", "uA/cm2", "constant input current density unless I is swept (default 0)");
        var capacitance = Text("--capacitance", "uF/cm2", "membrane capacitance in uF/cm2 (default 1)");
        var threads = new Option<int?>("--threads") { Description = "threads (default: all cores); the results do not depend on it", HelpName = "N" };
        var outDir = Text("--out", "DIR", $"output folder (default {SweepResolver.DefaultOut})");

        var command = new Command("sweep", "Sweep parameters and/or input over a grid (Jaxley scheme, one neuron per point); writes DIR/sweep.csv and DIR/sweep.png (F–I curve or heat map).");
        foreach (var o in new Option[] { grid, preset, dt, tMax, v0, input, capacitance, threads, outDir })
        {
            command.Options.Add(o);
        }

        command.SetAction(r => Execute(
            r.GetValue(grid) ?? [], r.GetValue(preset), r.GetValue(dt), r.GetValue(tMax), r.GetValue(v0), r.GetValue(input),
            r.GetValue(capacitance), r.GetValue(threads), r.GetValue(outDir), stdout, stderr));
        return command;
    }

    static Option<string?> Text(string name, string helpName, string description) =>
        new(name) { Description = description, HelpName = helpName };

    static int Execute(
        string[] grids, string? preset, string? dt, string? tMax, string? v0, string? input, string? capacitance, int? threads, string? outDir,
        TextWriter stdout, TextWriter stderr) =>
        SweepResolver.Resolve(grids, preset, dt, tMax, v0, input, capacitance, threads, outDir)
            .Bind(spec => SweepRunner.Build(spec).Map(population => (spec, population)))
            .Match(
                Succ: x => Run(x.spec, x.population, stdout, stderr),
                Fail: errors => Problems.Report(stderr, errors));

    static int Run(SweepSpec spec, Core.Populations.Population population, TextWriter stdout, TextWriter stderr)
    {
        var result = SweepRunner.Run(spec, population);
        if (result.Status is RunStatus.NonFinite nf)
        {
            var at = spec.Coordinates(nf.Neuron);
            string point = string.Join(", ", spec.Axes.Select((a, k) => $"{a.Name}={Specs.Numbers.Format(at[k])}"));
            stderr.WriteLine($"error: the run left the finite range at step {nf.Step} (t = {Specs.Numbers.Format(nf.TimeMs)} ms), grid point {nf.Neuron} ({point}); nothing was written");
            return ExitCodes.NonFinite;
        }

        var plot = SweepPlot.Create(spec, result);
        var written = AtomicWriter.WriteAll(
        [
            (Path.Combine(spec.OutDir, "sweep.csv"), AtomicWriter.Text(w => SweepCsv.Write(w, spec, result))),
            (Path.Combine(spec.OutDir, "sweep.png"), PlotFiles.Png(plot, 900, 600)),
        ]);
        stdout.WriteLine(
            $"swept {spec.Points} points ({string.Join(" x ", spec.Axes.Select(a => $"{a.Name}: {a.Values.Length}"))}), {spec.Grid.Steps} steps of {Specs.Numbers.Format(spec.Grid.DtMs)} ms, {result.TotalSpikes} spikes");
        stdout.WriteLine($"wrote {written[0]} ({spec.Points} rows)");
        stdout.WriteLine($"wrote {written[1]}");
        return ExitCodes.Ok;
    }
}

using System.CommandLine;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold simulate</c>: one neuron, options in, <c>trace.csv</c> and <c>spikes.csv</c> out.</summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var preset = Text("--preset", "NAME", "cell class preset: rs, ib, ch, fs, tc, rz, lts (default rs), or the 2007 model's rs-2007, ib-2007, ch-2007, lts-2007, fs-2007, tc-2007, rtn-2007 (with --scheme euler; currents in pA); --a/--b/--c/--d override it");
        var a = Text("--a", "1/ms", "recovery time scale a (default: the preset's; rs 0.02)");
        var b = Text("--b", "1", "sensitivity b of u to v (default: the preset's; rs 0.2)");
        var c = Text("--c", "mV", "after-spike reset c of v, below 30 mV (default: the preset's; rs -65)");
        var d = Text("--d", "mV/ms", "after-spike increment d of u (default: the preset's; rs 8)");
        var dt = Text("--dt", "ms", $"step size in ms (default {Numbers.Format(SimulateResolver.DefaultDtMs)}, Jaxley's)");
        var tMax = Text("--t-max", "ms", $"run length in ms; steps = floor(t_max/dt)+1 as in jx.integrate (default {Numbers.Format(SimulateResolver.DefaultTMaxMs)})");
        var v0 = Text("--v0", "mV", $"initial membrane potential in mV (default {Numbers.Format(SimulateResolver.DefaultV0Mv)})");
        var u0 = Text("--u0", "mV/ms", "initial recovery variable (default b*v0; 0 reproduces an uninitialised Jaxley cell)");
        var step = new Option<string[]>("--step")
        {
            Description = "current step DELAY,DURATION,AMPLITUDE: ms, ms, and a current with unit suffix nA (through the compartment) or uA/cm2 (the default unit); repeatable, steps add up. " +
                          $"Default when neither --step nor --constant is given: {SimulateResolver.DefaultStep}",
            HelpName = "DELAY,DURATION,AMP",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var constant = Text("--constant", "AMP", "constant current on every step, with unit suffix nA or uA/cm2 (default unit uA/cm2)");
        var radius = Text("--radius", "um", "compartment radius in um (default 1, Jaxley's)");
        var length = Text("--length", "um", "compartment length in um (default 10, Jaxley's)");
        var capacitance = Text("--capacitance", "uF/cm2", "membrane capacitance in uF/cm2 (default 1)");
        var scheme = Text("--scheme", "NAME", $"numerical scheme: {string.Join(", ", SimulateResolver.Schemes)} (default jaxley)");
        var outDir = Text("--out", "DIR", $"output folder for trace.csv and spikes.csv (default {SimulateResolver.DefaultOut})");

        var command = new Command("simulate", "Simulate one Izhikevich neuron; writes DIR/trace.csv (t_ms,v_mV,u) and DIR/spikes.csv (neuron,t_ms).");
        foreach (var o in new Option[] { preset, a, b, c, d, dt, tMax, v0, u0, step, constant, radius, length, capacitance, scheme, outDir })
        {
            command.Options.Add(o);
        }

        command.SetAction(r => Execute(
            new SimulateOptions(
                r.GetValue(preset), r.GetValue(a), r.GetValue(b), r.GetValue(c), r.GetValue(d),
                r.GetValue(dt), r.GetValue(tMax), r.GetValue(v0), r.GetValue(u0),
                r.GetValue(step) ?? [], r.GetValue(constant),
                r.GetValue(radius), r.GetValue(length), r.GetValue(capacitance), r.GetValue(scheme), r.GetValue(outDir)),
            stdout,
            stderr));
        return command;
    }

    static Option<string?> Text(string name, string helpName, string description) =>
        new(name) { Description = description, HelpName = helpName };

    /// <summary>Validates, runs and writes; returns the exit code.</summary>
    public static int Execute(SimulateOptions options, TextWriter stdout, TextWriter stderr) =>
        SimulateResolver.Resolve(options).Match(
            Succ: spec => Run(spec, stdout, stderr),
            Fail: errors => Problems.Report(stderr, errors));

    static int Run(ResolvedSimulation spec, TextWriter stdout, TextWriter stderr)
    {
        var result = SchemeRunner.Run(spec);
        if (result.Status is RunStatus.NonFinite nf)
        {
            stderr.WriteLine($"error: the run left the finite range at step {nf.Step} (t = {Numbers.Format(nf.TimeMs)} ms), neuron {nf.Neuron}; nothing was written");
            return ExitCodes.NonFinite;
        }

        string tracePath = Path.Combine(spec.OutDir, "trace.csv");
        string spikesPath = Path.Combine(spec.OutDir, "spikes.csv");
        var written = AtomicWriter.WriteAll(
        [
            (tracePath, AtomicWriter.Text(w => Csv.WriteTrace(w, result.Trace))),
            (spikesPath, AtomicWriter.Text(w => Csv.WriteSpikes(w, 0, result.Spikes))),
        ]);

        stdout.WriteLine(
            $"simulated {spec.Preset} ({spec.Scheme} scheme): {spec.Grid.Steps} steps of {Numbers.Format(spec.Grid.DtMs)} ms, {result.Spikes.Count} spikes");
        stdout.WriteLine($"wrote {written[0]} ({result.Trace.Count} rows)");
        stdout.WriteLine($"wrote {written[1]} ({result.Spikes.Count} spikes)");
        return ExitCodes.Ok;
    }
}

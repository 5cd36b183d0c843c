using System.CommandLine;
using NeuroFold.Cli.Execution;
using NeuroFold.Cli.Specs;
using static NeuroFold.Cli.Commands.Vocabulary;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold simulate</c>: one neuron, options in, <c>trace.csv</c> and <c>spikes.csv</c> out.</summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var preset = Text("--preset", "NAME", "cell class preset: rs, ib, ch, fs, tc, rz, lts (default rs), or the 2007 model's rs-2007, ib-2007, ch-2007, lts-2007, fs-2007, tc-2007, rtn-2007 (currents in pA); --a/--b/--c/--d override it");
        var a = Text("--a", "1/ms", "recovery time scale a (default: the preset's; rs 0.02)");
        var b = Text("--b", "1", "sensitivity b of u to v (default: the preset's; rs 0.2)");
        var c = Text("--c", "mV", "after-spike reset c of v, below the peak (default: the preset's; rs -65)");
        var d = Text("--d", "mV/ms", "after-spike increment d of u (default: the preset's; rs 8)");
        var dt = Dt(Numbers.Format(SimulateResolver.DefaultDtMs));
        var tMax = TMax(Numbers.Format(SimulateResolver.DefaultTMaxMs));
        var v0 = Text("--v0", "mV", $"initial membrane potential in mV (default {Numbers.Format(SimulateResolver.DefaultV0Mv)}; vr for a 2007 preset)");
        var u0 = Text("--u0", "mV/ms", "initial recovery variable (default b*v0, 0 for a 2007 preset; 0 reproduces an uninitialised Jaxley cell)");
        var step = new Option<string[]>("--step")
        {
            Description = "current step DELAY,DURATION,AMPLITUDE: ms, ms, and a current with unit suffix nA (through the compartment) or uA/cm2 (the default unit); repeatable, steps add up. " +
                          $"Default when neither --step nor --constant is given: {SimulateResolver.DefaultStep}",
            HelpName = "DELAY,DURATION,AMP",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var constant = Constant();
        var radius = Radius();
        var length = Length();
        var capacitance = Capacitance();
        var scheme = Text("--scheme", "NAME", $"numerical scheme: {SimulateResolver.SchemeHelp}");
        var outDir = Out("simulate");
        var record = Text("--record", "v,u", "trace columns to keep: v (mV) and/or u (mV/ms), comma-separated (default v,u)");
        var recordEvery = Text("--record-every", "N", "keep every N-th trace row (row 0, the initial state, always; default 1 = all)");
        var noTrace = new Option<bool>("--no-trace") { Description = "keep spikes only: no trace.csv and no plots (default: trace kept)" };
        var noPlot = new Option<bool>("--no-plot") { Description = "skip trace.png and trace.svg (default: drawn)" };
        var quiet = Quiet();
        var maxMemory = MaxMemory();

        var command = new Command(
            "simulate",
            "Simulate one Izhikevich neuron; writes DIR/trace.csv (t_ms,v_mV,u), DIR/spikes.csv (neuron,t_ms), DIR/summary.json, " +
            "DIR/trace.png and DIR/trace.svg, and the manifest DIR/run.json. Steps: floor(t_max/dt)+1 as jx.integrate (paper: the elements of MATLAB's 0:dt:t_max). " +
            "Exit codes: 0 ok, 2 invalid input, 3 non-finite run.");
        foreach (var o in new Option[] { preset, a, b, c, d, dt, tMax, v0, u0, step, constant, radius, length, capacitance, scheme, outDir, record, recordEvery, noTrace, noPlot, maxMemory, quiet })
        {
            command.Options.Add(o);
        }

        command.SetAction(r => Execute(
            new SimulateOptions(
                r.GetValue(preset), r.GetValue(a), r.GetValue(b), r.GetValue(c), r.GetValue(d),
                r.GetValue(dt), r.GetValue(tMax), r.GetValue(v0), r.GetValue(u0),
                r.GetValue(step) ?? [], r.GetValue(constant),
                r.GetValue(radius), r.GetValue(length), r.GetValue(capacitance), r.GetValue(scheme), r.GetValue(outDir))
            {
                Record = r.GetValue(record),
                RecordEvery = r.GetValue(recordEvery),
                Trace = r.GetValue(noTrace) ? false : null,
                Plot = r.GetValue(noPlot) ? false : null,
            },
            r.GetValue(maxMemory),
            stdout,
            stderr,
            r.GetValue(quiet)));
        return command;
    }

    /// <summary><c>--constant AMP</c>: a constant current with unit suffix (also <c>sweep</c>'s).</summary>
    public static Option<string?> Constant() =>
        Text("--constant", "AMP", "constant current on every step, with unit suffix nA (through the compartment) or uA/cm2 (the default unit; pA for a 2007 preset)");

    /// <summary><c>--radius UM</c>.</summary>
    public static Option<string?> Radius() => Text("--radius", "um", "compartment radius in um (default 1, Jaxley's)");

    /// <summary><c>--length UM</c>.</summary>
    public static Option<string?> Length() => Text("--length", "um", "compartment length in um (default 10, Jaxley's)");

    /// <summary><c>--capacitance UF/CM2</c>.</summary>
    public static Option<string?> Capacitance() => Text("--capacitance", "uF/cm2", "membrane capacitance in uF/cm2 (default 1)");

    /// <summary>Validates, runs and writes; returns the exit code.</summary>
    public static int Execute(SimulateOptions options, string? maxMemory, TextWriter stdout, TextWriter stderr, bool quiet = false)
    {
        var resolved = SimulateResolver.Resolve(options, FieldNames.Flags);
        var budget = Execution.Budget.Resolve("--max-memory", maxMemory);
        var problems = resolved.FailToSeq() + budget.FailToSeq();
        return problems.IsEmpty
            ? SimulationJob.Execute(resolved.SuccessToSeq().Head, "simulate", FieldNames.Flags.Of("out"), budget.SuccessToSeq().Head, stdout, stderr, quiet)
            : Problems.Report(stderr, problems);
    }
}

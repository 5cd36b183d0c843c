using System.Collections.Immutable;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Specs;

/// <summary>The one place where <c>--scheme</c> and the 2007 presets are dispatched to the core.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>jaxley</c>, <c>net2003</c>, <c>euler</c>: run by <see cref="Execution.Integrator"/> through
/// <see cref="Simulation.Run{TScheme}"/> (trace row 0 = initial state, then one row per step at <c>(k+1)·dt</c>).</item>
/// <item><c>paper</c>: <see cref="PaperRun"/> on MATLAB's <c>0:dt:t_max</c> — one row per step labelled <c>t_k</c>,
/// 30 mV recorded at a spike, no initial row, as <c>figure1.m</c>'s <c>VV</c>.</item>
/// <item>a <c>*-2007</c> preset: the 2007 model with forward Euler (only <c>--scheme euler</c>); amplitudes are read as pA
/// (a plain number is pA, <c>nA</c> is converted to pA; the compartment plays no part).</item>
/// </list>
/// </remarks>
internal static class SchemeRunner
{
    /// <summary>The names <c>--scheme</c> accepts.</summary>
    public static ImmutableArray<string> Schemes { get; } =
        [JaxleyScheme.Name, PaperScheme.Name, Net2003Scheme.Name, ForwardEulerScheme.Name];

    /// <summary>Every preset name <c>--preset</c> accepts: the 2003 classes and the book's 2007 cells.</summary>
    public static IEnumerable<string> PresetNames => Presets.All.Select(p => p.Name).Concat(Presets2007.All.Select(p => p.Name));

    /// <summary>True for the book's 2007 presets (<c>rs-2007</c>, …).</summary>
    public static bool Is2007(string preset) => Presets2007.Find(preset).IsSome;

    /// <summary>The (a, b, c, d) a preset starts from; for a 2007 preset, the book's a, b, c, d (overridable like the others).</summary>
    public static Option<IzhikevichParameters> FindPreset(string name) =>
        Presets.Find(name) || Presets2007.Find(name).Map(p => new IzhikevichParameters(p.A, p.B, p.C, p.D));

    /// <summary>v0 when <c>--v0</c> is not given: the book's vr for a 2007 preset, else <paramref name="fallback"/>.</summary>
    public static double DefaultV0(string preset, double fallback) => Presets2007.Find(preset).Map(p => p.VrMv).IfNone(fallback);

    /// <summary>u0 when <c>--u0</c> is not given: 0 for a 2007 preset (the book's code), else b·v0 (the u-nullcline).</summary>
    public static double DefaultU0(string preset, IzhikevichParameters p, double v0) =>
        Is2007(preset) ? 0.0 : IzhikevichState.AtNullcline(p, v0).U;

    /// <summary>
    /// Rejects combinations that have no meaning (a 2007 preset runs only with the book's forward Euler) and gives the
    /// <c>paper</c> scheme MATLAB's step count for <c>0:dt:t_max</c>.
    /// </summary>
    public static Validation<Error, ResolvedSimulation> Check(ResolvedSimulation spec)
    {
        if (Is2007(spec.Preset) && spec.Scheme != ForwardEulerScheme.Name)
        {
            return Fail<Error, ResolvedSimulation>(Error.New(
                $"preset {spec.Preset} is the 2007 model, which runs only with --scheme euler (the book's forward Euler); got --scheme {spec.Scheme}"));
        }

        if (spec.Scheme != PaperScheme.Name)
        {
            return Success<Error, ResolvedSimulation>(spec);
        }

        long count = MatlabColon.Intervals(0.0, spec.Grid.DtMs, spec.Grid.TMaxMs) + 1;
        return count <= TimeGrid.MaxSteps
            ? Success<Error, ResolvedSimulation>(spec with { Grid = new TimeGrid(spec.Grid.DtMs, spec.Grid.TMaxMs, (int)count) })
            : Fail<Error, ResolvedSimulation>(Error.New($"t_max / dt gives {count} steps; at most {TimeGrid.MaxSteps} are allowed (raise dt or lower t_max)"));
    }

    /// <summary>Runs a <c>paper</c>-scheme request: <see cref="PaperRun"/> on MATLAB's <c>0:dt:t_max</c>, thinned as the spec asks.</summary>
    public static SimulationResult RunPaper(ResolvedSimulation spec)
    {
        var times = MatlabColon.Build(0.0, spec.Grid.DtMs, spec.Grid.TMaxMs);
        var grid = new TimeGrid(spec.Grid.DtMs, spec.Grid.TMaxMs, times.Length);
        var density = spec.Stimulus.Sample(grid); // grid.Steps == spec.Grid.Steps: Check gave paper runs MATLAB's count
        var input = new double[density.Length];
        for (int k = 0; k < input.Length; k++)
        {
            input[k] = density[k] / spec.Compartment.CapacitanceUfPerCm2;
        }

        return Thin(PaperRun.Run(IzhikevichVariant.Standard(spec.Parameters), spec.Initial, spec.Grid.DtMs, times.AsSpan(), input), spec.Recording);
    }

    /// <summary>Runs a 2007-preset request with the book's forward Euler; amplitudes in pA.</summary>
    public static SimulationResult Run2007(ResolvedSimulation spec)
    {
        var book = Presets2007.Find(spec.Preset).IfNone(() => throw new InvalidOperationException(spec.Preset));
        var p = book with { A = spec.Parameters.A, B = spec.Parameters.B, C = spec.Parameters.C, D = spec.Parameters.D };
        var parts = ImmutableArray.CreateBuilder<Stimulus>();
        foreach (var constant in spec.Constant)
        {
            parts.Add(new ConstantCurrent(Picoamps(constant)));
        }

        foreach (var s in spec.Steps)
        {
            parts.Add(new StepCurrent(s.DelayMs, s.DurationMs, Picoamps(s.Amplitude)));
        }

        var input = new CompositeStimulus(parts.ToImmutable()).Sample(spec.Grid);
        return Izhikevich2007.Run(p, spec.Initial, spec.Grid, input.AsSpan(), spec.Recording);
    }

    /// <summary>Keeps rows 0, n, 2n, … of a paper trace (which has no initial row), or none, as <paramref name="recording"/> asks.</summary>
    static SimulationResult Thin(SimulationResult result, Recording recording)
    {
        if (!recording.KeepTrace)
        {
            return result with { Trace = Trace.Empty };
        }

        if (recording.Every == 1)
        {
            return result;
        }

        var t = ImmutableArray.CreateBuilder<double>();
        var v = ImmutableArray.CreateBuilder<double>();
        var u = ImmutableArray.CreateBuilder<double>();
        for (int i = 0; i < result.Trace.Count; i += recording.Every)
        {
            t.Add(result.Trace.TimeMs[i]);
            v.Add(result.Trace.VMv[i]);
            u.Add(result.Trace.U[i]);
        }

        return result with { Trace = new Trace(t.ToImmutable(), v.ToImmutable(), u.ToImmutable()) };
    }

    static double Picoamps(Amplitude amplitude) => amplitude.IsNanoamps ? amplitude.Value * 1000.0 : amplitude.Value;
}

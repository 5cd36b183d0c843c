using LanguageExt;
using LanguageExt.Common;
using FsCheck;
using FsCheck.Fluent;
using NeuroFold.Core.Models;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Testing;

/// <summary>FsCheck generators for Izhikevich models over physically meaningful ranges.</summary>
/// <remarks>
/// Never FsCheck's default <c>double</c> generator, which yields NaN and ±∞ about one time in eight. Every generator
/// here produces finite values in the stated range, with a resolution of one millionth of the range.
/// </remarks>
public static class NeuroGen
{
    /// <summary>A double uniform on [<paramref name="lo"/>, <paramref name="hi"/>] (a million-point grid, ends included).</summary>
    public static Gen<double> Range(double lo, double hi) =>
        Gen.Choose(0, 1_000_000).Select(i => lo + ((hi - lo) * i / 1_000_000.0));

    /// <summary>The ranges of <see cref="Parameters"/>.</summary>
    internal static ParameterRange CorticalRange { get; } = new((0.005, 0.2), (0.1, 0.3), (-80, -40), (0, 10));

    /// <summary>Parameters around the published cortical classes: a ∈ [0.005, 0.2] 1/ms, b ∈ [0.1, 0.3], c ∈ [−80, −40] mV, d ∈ [0, 10] mV/ms.</summary>
    /// <remarks>A generator does not shrink; <see cref="NeuroArb.Parameters"/> is the same values with a shrinker (towards the regular-spiking cell).</remarks>
    public static Gen<IzhikevichParameters> Parameters { get; } = In(CorticalRange);

    /// <summary>Parameters drawn uniformly from <paramref name="range"/>.</summary>
    internal static Gen<IzhikevichParameters> In(ParameterRange range) =>
        from a in Range(range.A.Lo, range.A.Hi)
        from b in Range(range.B.Lo, range.B.Hi)
        from c in Range(range.C.Lo, range.C.Hi)
        from d in Range(range.D.Lo, range.D.Hi)
        select Valid(IzhikevichParameters.Create(a, b, c, d));

    /// <summary>One of the published 2003 classes (rs, ib, ch, fs, tc, rz, lts).</summary>
    public static Gen<IzhikevichParameters> Presets { get; } = Gen.Elements(Core.Models.Presets.All.Select(p => p.Parameters).ToArray());

    /// <summary>Parameters within a relative <paramref name="spread"/> of <paramref name="centre"/> (each field scaled by a factor in [1 − spread, 1 + spread]); c is kept below 30 mV.</summary>
    /// <remarks>Use it to check your own parameter set and its neighbourhood: <c>NeuroGen.Around(myCell, 0.1)</c>; <see cref="NeuroArb.Around"/> is the same values with a shrinker (towards <paramref name="centre"/>).</remarks>
    public static Gen<IzhikevichParameters> Around(IzhikevichParameters centre, double spread) =>
        from fa in Range(1 - spread, 1 + spread)
        from fb in Range(1 - spread, 1 + spread)
        from fc in Range(1 - spread, 1 + spread)
        from fd in Range(1 - spread, 1 + spread)
        select Valid(IzhikevichParameters.Create(centre.A * fa, centre.B * fb, Math.Min(centre.C * fc, MaxResetMv), centre.D * fd));

    /// <summary>The highest reset <see cref="Around"/> draws, mV (below the 30 mV peak).</summary>
    internal const double MaxResetMv = 29.0;

    /// <summary>The ranges <see cref="Around"/> draws each field from.</summary>
    internal static ParameterRange AroundRange(IzhikevichParameters centre, double spread)
    {
        static (double, double) Span(double x, double spread, double max = double.PositiveInfinity)
        {
            double lo = x * (1 - spread);
            double hi = x * (1 + spread);
            return (Math.Min(Math.Min(lo, hi), max), Math.Min(Math.Max(lo, hi), max));
        }

        return new(Span(centre.A, spread), Span(centre.B, spread), Span(centre.C, spread, MaxResetMv), Span(centre.D, spread));
    }

    /// <summary>Step sizes from 0.001 to 0.5 ms.</summary>
    public static Gen<double> DtMs { get; } = Range(0.001, 0.5);

    /// <summary>Input current densities from −20 to 40 µA/cm².</summary>
    public static Gen<double> InputUaPerCm2 { get; } = Range(-20, 40);

    /// <summary>Any state in the physiological range: v ∈ [−90, 35] mV, u ∈ [−20, 20] mV/ms.</summary>
    /// <remarks><see cref="NeuroArb.States"/> is the same values with a shrinker (towards v = −65 mV, u = 0).</remarks>
    public static Gen<IzhikevichState> States { get; } =
        from v in Range(-90, 35)
        from u in Range(-20, 20)
        select new IzhikevichState(v, u);

    /// <summary>States at or above the 30 mV peak (an overshoot, as after a coarse step): every scheme that resets within the step spikes from here.</summary>
    public static Gen<IzhikevichState> SpikingStates { get; } =
        from v in Range(30, 60)
        from u in Range(-20, 20)
        select new IzhikevichState(v, u);

    /// <summary>One neuron about to be stepped with parameters from <paramref name="parameters"/>.</summary>
    public static Gen<StepCase> Steps(Gen<IzhikevichParameters> parameters) =>
        from p in parameters
        from s in States
        from dt in DtMs
        from i in InputUaPerCm2
        select new StepCase(p, s, dt, i);

    /// <summary>A run of 0 to <paramref name="maxSteps"/> steps from rest (<c>u = b·v</c>, v ∈ [−80, −50]) with inputs that make cells spike (−5 … 30 µA/cm²), dt ∈ [0.01, 0.5] ms.</summary>
    /// <remarks><see cref="NeuroArb.Runs"/> is the same cases with a shrinker (fewer steps, zero inputs, dt = 0.1 ms, v0 = −65 mV).</remarks>
    public static Gen<RunCase> Runs(Gen<IzhikevichParameters> parameters, int maxSteps = 400) =>
        from p in parameters
        from v0 in Range(-80, -50)
        from dt in Range(0.01, 0.5)
        from n in Gen.Choose(0, maxSteps)
        from inputs in Gen.ArrayOf(Range(-5, 30), n)
        select new RunCase(p, IzhikevichState.AtNullcline(p, v0), dt, inputs);

    /// <summary>Stimuli as pure values: constant, Jaxley step currents and sampled arrays (µA/cm², delays and durations in ms up to 300).</summary>
    public static Gen<Stimulus> Stimuli { get; } =
        Gen.OneOf(
            Range(-10, 30).Select(a => (Stimulus)Valid(ConstantCurrent.Create(a))),
            from delay in Range(0, 300)
            from dur in Range(0, 300)
            from amp in Range(-10, 30)
            select (Stimulus)Valid(StepCurrent.Create(delay, dur, amp)),
            from n in Gen.Choose(0, 200)
            from xs in Gen.ArrayOf(Range(-10, 30), n)
            select (Stimulus)Valid(SampledCurrent.Create([.. xs])));

    /// <summary>The value of a validation that the generator's ranges make succeed (a failure is a bug in a generator, thrown).</summary>
    static T Valid<T>(Validation<Error, T> value) =>
        value.Match(Succ: x => x, Fail: e => throw new InvalidOperationException($"a generator made an invalid value: {string.Join("; ", e.Map(x => x.Message))}"));
}

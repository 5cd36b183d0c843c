using FsCheck;
using FsCheck.Fluent;
using NeuroFold.Core.Models;

namespace NeuroFold.Testing;

/// <summary>The kit's generators with shrinkers: after a failure FsCheck reports the simplest failing case it can find, inside the same physical ranges.</summary>
/// <remarks>
/// <para>
/// Each arbitrary draws exactly what its <see cref="NeuroGen"/> generator draws, and shrinks towards a simple case
/// without leaving the generator's range: parameters towards the regular-spiking cell (or towards the centre of
/// <see cref="Around"/>: your own cell), runs towards fewer steps, zero input, dt = 0.1 ms and v0 = −65 mV, states
/// towards v = −65 mV and u = 0, and every number towards rounder values. Pass them to <see cref="Invariants"/>:
/// <c>Invariants.FoldSplitting&lt;JaxleyScheme&gt;(NeuroArb.Around(myCell, 0.1))</c>.
/// </para>
/// <para>A plain <see cref="Gen{T}"/> (for example one of <see cref="NeuroGen"/>) is accepted by the invariants too; its values then do not shrink.</para>
/// </remarks>
public static class NeuroArb
{
    /// <summary>Parameters of <see cref="NeuroGen.Parameters"/> (a ∈ [0.005, 0.2], b ∈ [0.1, 0.3], c ∈ [−80, −40], d ∈ [0, 10]), shrinking towards the regular-spiking cell.</summary>
    public static Arbitrary<IzhikevichParameters> Parameters { get; } =
        NeuroGen.Parameters.Shrinking(p => Shrink.Parameters(p, Core.Models.Presets.RegularSpiking, NeuroGen.CorticalRange));

    /// <summary>The published 2003 classes of <see cref="NeuroGen.Presets"/>, shrinking towards the earlier ones in <see cref="Core.Models.Presets.All"/> (rs first).</summary>
    public static Arbitrary<IzhikevichParameters> Presets { get; } =
        NeuroGen.Presets.Shrinking(p => EarlierPresets(p));

    /// <summary>Parameters of <see cref="NeuroGen.Around"/>, shrinking towards <paramref name="centre"/> (your own cell) inside the neighbourhood.</summary>
    public static Arbitrary<IzhikevichParameters> Around(IzhikevichParameters centre, double spread)
    {
        var range = NeuroGen.AroundRange(centre, spread);
        var target = IzhikevichParameters.Create(centre.A, centre.B, Math.Min(centre.C, NeuroGen.MaxResetMv), centre.D)
            .Match(Succ: p => p, Fail: _ => centre);
        return NeuroGen.Around(centre, spread).Shrinking(p => Shrink.Parameters(p, target, range));
    }

    /// <summary>States of <see cref="NeuroGen.States"/> (v ∈ [−90, 35] mV, u ∈ [−20, 20] mV/ms), shrinking towards v = −65 mV, u = 0.</summary>
    public static Arbitrary<IzhikevichState> States { get; } =
        NeuroGen.States.Shrinking(s => ShrinkState(s, -65.0, (-90, 35)));

    /// <summary>Step cases of <see cref="NeuroGen.Steps"/> over <paramref name="parameters"/>, shrinking the parameters, the state, dt (towards 0.1 ms) and the input (towards 0).</summary>
    public static Arbitrary<StepCase> Steps(Arbitrary<IzhikevichParameters> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return NeuroGen.Steps(parameters.Generator).Shrinking(c => ShrinkStep(c, parameters, -65.0, (-90, 35), (-20, 40)));
    }

    /// <summary>Run cases of <see cref="NeuroGen.Runs"/> over <paramref name="parameters"/>, shrinking towards fewer steps, zero inputs, dt = 0.1 ms, v0 = −65 mV and simpler parameters.</summary>
    public static Arbitrary<RunCase> Runs(Arbitrary<IzhikevichParameters> parameters, int maxSteps = 400)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return NeuroGen.Runs(parameters.Generator, maxSteps).Shrinking(c => ShrinkRun(c, parameters));
    }

    /// <summary>Simpler run cases: fewer steps, zero inputs, dt towards 0.1 ms, v0 towards −65 mV (from rest: u = b·v0), then simpler parameters.</summary>
    internal static IEnumerable<RunCase> ShrinkRun(RunCase c, Arbitrary<IzhikevichParameters> parameters)
    {
        foreach (var inputs in Shrink.Array(c.InputsUaPerCm2, 0.0))
        {
            yield return c with { InputsUaPerCm2 = inputs };
        }

        foreach (double dt in Shrink.Towards(c.DtMs, 0.1, 0.01, 0.5))
        {
            yield return c with { DtMs = dt };
        }

        foreach (double v0 in Shrink.Towards(c.Initial.V, -65.0, -80, -50))
        {
            yield return c with { Initial = IzhikevichState.AtNullcline(c.Parameters, v0) };
        }

        foreach (var p in parameters.Shrinker(c.Parameters))
        {
            yield return c with { Parameters = p, Initial = IzhikevichState.AtNullcline(p, c.Initial.V) };
        }
    }

    /// <summary>Simpler step cases: the state, dt towards 0.1 ms, the input towards 0, then simpler parameters.</summary>
    internal static IEnumerable<StepCase> ShrinkStep(StepCase c, Arbitrary<IzhikevichParameters> parameters, double simpleV, (double Lo, double Hi) v, (double Lo, double Hi) input)
    {
        foreach (var s in ShrinkState(c.State, simpleV, v))
        {
            yield return c with { State = s };
        }

        foreach (double dt in Shrink.Towards(c.DtMs, 0.1, 0.001, 0.5))
        {
            yield return c with { DtMs = dt };
        }

        foreach (double i in Shrink.Towards(c.InputUaPerCm2, Math.Clamp(0.0, input.Lo, input.Hi), input.Lo, input.Hi))
        {
            yield return c with { InputUaPerCm2 = i };
        }

        foreach (var p in parameters.Shrinker(c.Parameters))
        {
            yield return c with { Parameters = p };
        }
    }

    static IEnumerable<IzhikevichState> ShrinkState(IzhikevichState s, double simpleV, (double Lo, double Hi) v)
    {
        foreach (double x in Shrink.Towards(s.V, simpleV, v.Lo, v.Hi))
        {
            yield return s with { V = x };
        }

        foreach (double u in Shrink.Towards(s.U, 0.0, -20, 20))
        {
            yield return s with { U = u };
        }
    }

    static IEnumerable<IzhikevichParameters> EarlierPresets(IzhikevichParameters p)
    {
        var all = Core.Models.Presets.All;
        for (int i = 0; i < all.Length && all[i].Parameters != p; i++)
        {
            yield return all[i].Parameters;
        }
    }

    /// <summary>Simpler integers in [<paramref name="lo"/>, <paramref name="x"/>): the lowest, then halfway, then one less.</summary>
    internal static IEnumerable<int> Down(int x, int lo)
    {
        if (x <= lo)
        {
            yield break;
        }

        yield return lo;
        int half = lo + ((x - lo) / 2);
        if (half > lo && half < x)
        {
            yield return half;
        }

        if (x - 1 > lo && x - 1 != half)
        {
            yield return x - 1;
        }
    }

    /// <summary>The arbitrary of <paramref name="gen"/> whose failures shrink through <paramref name="shrinker"/>.</summary>
    internal static Arbitrary<T> Shrinking<T>(this Gen<T> gen, Func<T, IEnumerable<T>> shrinker) => Arb.From(gen, shrinker);
}

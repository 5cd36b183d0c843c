using FsCheck;
using FsCheck.Fluent;
using NeuroFold.Core;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Testing;

/// <summary>Ready-made invariant properties of Izhikevich schemes, to apply to your own parameters or scheme.</summary>
/// <remarks>
/// <para>
/// Each returns an FsCheck <see cref="Property"/>; with FsCheck.Xunit a whole test is one line:
/// <code>[Property] public Property MyCellsFoldSplit() => Invariants.FoldSplitting&lt;JaxleyScheme&gt;(NeuroArb.Around(myCell, 0.1));</code>
/// A scheme is any struct implementing <see cref="IScheme{TSelf, TParameters}"/> for <see cref="IzhikevichParameters"/>:
/// the invariants reach its step through <see cref="IScheme{TSelf, TParameters}.Apply"/> and run it with the core's
/// own fold (<see cref="Simulation.Fold{TStep, TLane, TMask}"/>). Comparisons are bit for bit unless a method says otherwise.
/// </para>
/// <para>
/// Which schemes each holds for is part of its name and summary: <see cref="FoldSplitting{TScheme}(Arbitrary{IzhikevichParameters})"/>, <see cref="Determinism{TScheme}(Arbitrary{IzhikevichParameters})"/>
/// and <see cref="SchemesAgreeAsDtShrinks{TA, TB}(Arbitrary{IzhikevichParameters}, double)"/> hold for every scheme; <see cref="ResetToC{TScheme}(Arbitrary{IzhikevichParameters})"/> and <see cref="ResetAddsD{TScheme}(Arbitrary{IzhikevichParameters})"/>
/// for the schemes that reset in the step that crosses the peak (jaxley, paper, euler; not net2003, which resets at the
/// start of the next step); <see cref="NullclineFixedPoint{TScheme}(Arbitrary{IzhikevichParameters})"/> for the schemes whose u update reads the old v (jaxley,
/// euler; not paper or net2003). docs/TESTING.md lists them with the counterexamples where they fail, and the
/// tempting properties that are not invariants at all.
/// </para>
/// <para>
/// Pass parameters as an <see cref="Arbitrary{T}"/> of <see cref="NeuroArb"/> to have a failure shrunk to the simplest
/// failing case in the same ranges (parameters included); a plain <see cref="Gen{T}"/> works too, and then everything but
/// the parameters shrinks.
/// </para>
/// </remarks>
public static class Invariants
{
    /// <summary>Every scheme: a run of n + m steps equals n steps followed by m steps from where they ended (bit for bit).</summary>
    /// <remarks>
    /// The two segments are run by the resumable fold (the second starts at global step n from the first's final state):
    /// their trace rows, spikes and final state concatenate to those of the whole run, and a run that leaves the finite
    /// range stops at the same step either way. The split point n lies in 1 … steps (a run of 0 steps is compared with
    /// itself): a segment that starts at global step 0 is a whole run and carries the initial row.
    /// </remarks>
    public static Property FoldSplitting<TScheme>(Arbitrary<IzhikevichParameters> parameters)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters>
    {
        var runs = NeuroArb.Runs(parameters);
        var cases =
            (from c in runs.Generator
             from n in Gen.Choose(Math.Min(1, c.InputsUaPerCm2.Length), c.InputsUaPerCm2.Length)
             select new SplitCase(c, n)).Shrinking(x => ShrinkSplit(x, runs));
        return Prop.ForAll(cases, x =>
        {
            var split = new SplitFold(x.Run, x.At, TScheme.Convention);
            return TScheme.Apply<ScalarLane, bool, SplitFold, bool>(ref split);
        });
    }

    /// <inheritdoc cref="FoldSplitting{TScheme}(Arbitrary{IzhikevichParameters})"/>
    public static Property FoldSplitting<TScheme>(Gen<IzhikevichParameters> parameters)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters> =>
        FoldSplitting<TScheme>(parameters.ToArbitrary());

    /// <summary>Every scheme: the same inputs give bit-identical traces, spikes, final state and status, run after run.</summary>
    public static Property Determinism<TScheme>(Arbitrary<IzhikevichParameters> parameters)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters> =>
        Prop.ForAll(NeuroArb.Runs(parameters), c =>
        {
            var x = Run<TScheme>(c);
            var y = Run<TScheme>(c with { InputsUaPerCm2 = [.. c.InputsUaPerCm2] });
            return SameBits(x.Trace, y.Trace) && x.Spikes.Steps.SequenceEqual(y.Spikes.Steps) && SameBits(x.Final, y.Final) && x.Status == y.Status;
        });

    /// <inheritdoc cref="Determinism{TScheme}(Arbitrary{IzhikevichParameters})"/>
    public static Property Determinism<TScheme>(Gen<IzhikevichParameters> parameters)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters> =>
        Determinism<TScheme>(parameters.ToArbitrary());

    /// <summary>Schemes that reset in the crossing step (jaxley, paper, euler): from a state at or above the peak with no input, a step spikes and leaves <c>v = c</c> exactly.</summary>
    /// <remarks>Fails for net2003, which resets at the start of the next step (its step from v = 30 mV moves v on first).</remarks>
    public static Property ResetToC<TScheme>(Arbitrary<IzhikevichParameters> parameters)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters> =>
        Prop.ForAll(SpikingSteps(parameters), c =>
        {
            var o = OneStepOf<TScheme>(c);
            return o.Spiked && o.State.V == c.Parameters.C;
        });

    /// <inheritdoc cref="ResetToC{TScheme}(Arbitrary{IzhikevichParameters})"/>
    public static Property ResetToC<TScheme>(Gen<IzhikevichParameters> parameters)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters> =>
        ResetToC<TScheme>(parameters.ToArbitrary());

    /// <summary>Schemes that reset in the crossing step (jaxley, paper, euler): a spike raises u by exactly d over the same step of the cell with d = 0.</summary>
    /// <remarks>
    /// From a state at or above the peak with no input, the step of <c>(a, b, c, d)</c> and the step of <c>(a, b, c, 0)</c>
    /// both spike, and <c>u_d == u_0 + d</c> bit for bit: the reset's <c>u ← u + d</c> is the step's last change to u.
    /// Fails for net2003, whose step integrates u after its reset (from <c>u + d</c>).
    /// </remarks>
    public static Property ResetAddsD<TScheme>(Arbitrary<IzhikevichParameters> parameters)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters> =>
        Prop.ForAll(SpikingSteps(parameters), c =>
        {
            var withD = OneStepOf<TScheme>(c);
            var noD = OneStepOf<TScheme>(c with { Parameters = IzhikevichParameters.Create(c.Parameters.A, c.Parameters.B, c.Parameters.C, 0.0).OrThrow() });
            return withD.Spiked && noD.Spiked && withD.State.U == noD.State.U + c.Parameters.D;
        });

    /// <inheritdoc cref="ResetAddsD{TScheme}(Arbitrary{IzhikevichParameters})"/>
    public static Property ResetAddsD<TScheme>(Gen<IzhikevichParameters> parameters)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters> =>
        ResetAddsD<TScheme>(parameters.ToArbitrary());

    /// <summary>Schemes whose u update reads the old v (jaxley, euler): below threshold and with no input, a step from <c>u = b·v</c> leaves u unchanged, exactly.</summary>
    /// <remarks>
    /// Jaxley's exponential Euler <c>b·v + (u − b·v)·e</c> and forward Euler <c>u + dt·a·(b·v − u)</c> both keep
    /// <c>u = b·v</c> as an exact fixed point. Fails for paper and net2003, whose u update reads the new v.
    /// </remarks>
    public static Property NullclineFixedPoint<TScheme>(Arbitrary<IzhikevichParameters> parameters)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters>
    {
        var cases = (from p in parameters.Generator
                     from v in NeuroGen.Range(-90, -55)
                     from dt in NeuroGen.DtMs
                     select new StepCase(p, IzhikevichState.AtNullcline(p, v), dt, 0.0))
            .Shrinking(c => ShrinkOnNullcline(c, parameters));
        return Prop.ForAll(cases, c =>
        {
            var o = OneStepOf<TScheme>(c);
            return o.Spiked || o.State.U == c.State.U;
        });
    }

    /// <inheritdoc cref="NullclineFixedPoint{TScheme}(Arbitrary{IzhikevichParameters})"/>
    public static Property NullclineFixedPoint<TScheme>(Gen<IzhikevichParameters> parameters)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters> =>
        NullclineFixedPoint<TScheme>(parameters.ToArbitrary());

    /// <summary>Every pair of schemes of one equation: below threshold, their states after <paramref name="tMs"/> ms differ less at dt/8 than at dt.</summary>
    /// <remarks>
    /// Both schemes integrate the same ODE, so their difference must shrink with the step (for first-order schemes,
    /// about 8× from dt to dt/8). Subthreshold constant inputs (0 … 3 µA/cm²) from rest; runs where either scheme
    /// spikes are discarded, since a spike-time shift is not a convergence failure. Differences below 1e-9 mV count as agreement.
    /// </remarks>
    public static Property SchemesAgreeAsDtShrinks<TA, TB>(Arbitrary<IzhikevichParameters> parameters, double tMs = 20.0)
        where TA : struct, IScheme<TA, IzhikevichParameters>
        where TB : struct, IScheme<TB, IzhikevichParameters>
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var cases = (from p in parameters.Generator
                     from v0 in NeuroGen.Range(-75, -65)
                     from i in NeuroGen.Range(0, 3)
                     from dt in NeuroGen.Range(0.05, 0.2)
                     select new AgreementCase(p, v0, i, dt))
            .Shrinking(x => ShrinkAgreement(x, parameters));
        return Prop.ForAll(cases, x =>
        {
            var s0 = IzhikevichState.AtNullcline(x.Parameters, x.V0Mv);
            double? Gap(double dt)
            {
                int n = (int)Math.Round(tMs / dt);
                var inputs = new double[n];
                Array.Fill(inputs, x.InputUaPerCm2);
                var grid = Grid(dt, n);
                var a = Simulation.Run<TA>(x.Parameters, s0, grid, inputs, 1.0, Recording.SpikesOnly);
                var b = Simulation.Run<TB>(x.Parameters, s0, grid, inputs, 1.0, Recording.SpikesOnly);
                return a.Spikes.Count > 0 || b.Spikes.Count > 0 ? null : Math.Abs(a.Final.V - b.Final.V);
            }

            double? coarse = Gap(x.DtMs);
            double? fine = Gap(x.DtMs / 8);
            return coarse is null || fine is null || fine <= 1e-9 || fine < coarse;
        });
    }

    /// <inheritdoc cref="SchemesAgreeAsDtShrinks{TA, TB}(Arbitrary{IzhikevichParameters}, double)"/>
    public static Property SchemesAgreeAsDtShrinks<TA, TB>(Gen<IzhikevichParameters> parameters)
        where TA : struct, IScheme<TA, IzhikevichParameters>
        where TB : struct, IScheme<TB, IzhikevichParameters> =>
        SchemesAgreeAsDtShrinks<TA, TB>(parameters.ToArbitrary());

    /// <summary>Step cases from a state at or above the peak (v ∈ [30, 60] mV) with no input, shrinking towards v = 30 mV.</summary>
    static Arbitrary<StepCase> SpikingSteps(Arbitrary<IzhikevichParameters> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return (from p in parameters.Generator
                from s in NeuroGen.SpikingStates
                from dt in NeuroGen.DtMs
                select new StepCase(p, s, dt, 0.0))
            .Shrinking(c => NeuroArb.ShrinkStep(c, parameters, 30.0, (30, 60), (0, 0)));
    }

    /// <summary>Simpler cases on the nullcline: v towards −65 mV, dt towards 0.1 ms, then simpler parameters (u = b·v kept).</summary>
    static IEnumerable<StepCase> ShrinkOnNullcline(StepCase c, Arbitrary<IzhikevichParameters> parameters)
    {
        foreach (double v in Shrink.Towards(c.State.V, -65.0, -90, -55))
        {
            yield return c with { State = IzhikevichState.AtNullcline(c.Parameters, v) };
        }

        foreach (double dt in Shrink.Towards(c.DtMs, 0.1, 0.001, 0.5))
        {
            yield return c with { DtMs = dt };
        }

        foreach (var p in parameters.Shrinker(c.Parameters))
        {
            yield return c with { Parameters = p, State = IzhikevichState.AtNullcline(p, c.State.V) };
        }
    }

    static IEnumerable<SplitCase> ShrinkSplit(SplitCase x, Arbitrary<RunCase> runs)
    {
        foreach (var c in runs.Shrinker(x.Run))
        {
            int n = c.InputsUaPerCm2.Length;
            yield return new SplitCase(c, Math.Clamp(x.At, Math.Min(1, n), n));
        }

        foreach (int at in NeuroArb.Down(x.At, Math.Min(1, x.Run.InputsUaPerCm2.Length)))
        {
            yield return x with { At = at };
        }
    }

    static IEnumerable<AgreementCase> ShrinkAgreement(AgreementCase x, Arbitrary<IzhikevichParameters> parameters)
    {
        foreach (double v in Shrink.Towards(x.V0Mv, -70.0, -75, -65))
        {
            yield return x with { V0Mv = v };
        }

        foreach (double i in Shrink.Towards(x.InputUaPerCm2, 0.0, 0, 3))
        {
            yield return x with { InputUaPerCm2 = i };
        }

        foreach (double dt in Shrink.Towards(x.DtMs, 0.1, 0.05, 0.2))
        {
            yield return x with { DtMs = dt };
        }

        foreach (var p in parameters.Shrinker(x.Parameters))
        {
            yield return x with { Parameters = p };
        }
    }

    static StepOutcome OneStepOf<TScheme>(StepCase c)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters>
    {
        var step = new OneStep(c);
        return TScheme.Apply<ScalarLane, bool, OneStep, StepOutcome>(ref step);
    }

    /// <summary>A run and the step it is split at.</summary>
    sealed record SplitCase(RunCase Run, int At)
    {
        public override string ToString() => $"{Run}, split at step {At}";
    }

    /// <summary>A subthreshold comparison: parameters, v0 (mV), constant input (µA/cm²) and the coarse dt (ms).</summary>
    sealed record AgreementCase(IzhikevichParameters Parameters, double V0Mv, double InputUaPerCm2, double DtMs);

    /// <summary>The grid of exactly <paramref name="steps"/> steps of <paramref name="dtMs"/> (labels <c>(k+1)·dt</c>).</summary>
    internal static TimeGrid Grid(double dtMs, int steps) => TimeGrid.FromSteps(dtMs, steps).OrThrow();

    static SimulationResult Run<TScheme>(RunCase c)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters> =>
        Simulation.Run<TScheme>(c.Parameters, c.Initial, c.Grid, c.InputsUaPerCm2.AsSpan(), 1.0, Recording.Full);

    static bool SameBits(IzhikevichState x, IzhikevichState y) =>
        BitConverter.DoubleToInt64Bits(x.V) == BitConverter.DoubleToInt64Bits(y.V)
        && BitConverter.DoubleToInt64Bits(x.U) == BitConverter.DoubleToInt64Bits(y.U);

    static bool SameBits(Trace x, Trace y)
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        for (int i = 0; i < x.Count; i++)
        {
            if (BitConverter.DoubleToInt64Bits(x.VMv[i]) != BitConverter.DoubleToInt64Bits(y.VMv[i])
                || BitConverter.DoubleToInt64Bits(x.U[i]) != BitConverter.DoubleToInt64Bits(y.U[i])
                || BitConverter.DoubleToInt64Bits(x.TimeMs[i]) != BitConverter.DoubleToInt64Bits(y.TimeMs[i]))
            {
                return false;
            }
        }

        return true;
    }

    static bool SameBits(Trace whole, Trace first, Trace second) =>
        SameBits(whole, new Trace(first.TimeMs.AddRange(second.TimeMs), first.VMv.AddRange(second.VMv), first.U.AddRange(second.U)));

    /// <summary>Prepares a scheme's step for a run case and checks that the fold over [0, n) then [n, end) is the fold over [0, end).</summary>
    readonly struct SplitFold(RunCase c, int n, TraceConvention convention) : IStepVisitor<IzhikevichParameters, bool>
    {
        public bool Visit<TStep, TLane, TMask>()
            where TStep : struct, IStep<TStep, IzhikevichParameters, TLane, TMask>
            where TLane : struct, ILane<TLane, TMask>
            where TMask : struct
        {
            var parameters = c.Parameters;
            var step = TStep.Prepare(new ReadOnlySpan<IzhikevichParameters>(in parameters), c.DtMs, 1.0);
            var grid = c.Grid;
            var inputs = c.InputsUaPerCm2.AsSpan();
            var whole = Simulation.Fold<TStep, TLane, TMask>(step, c.Initial, grid, inputs, Recording.Full, convention, 0, null);
            var first = Simulation.Fold<TStep, TLane, TMask>(step, c.Initial, grid, inputs[..n], Recording.Full, convention, 0, null);
            if (n == 0 || !first.Status.IsCompleted)
            {
                return whole.Status == first.Status && SameBits(whole.Final, first.Final) && SameBits(whole.Trace, first.Trace)
                    && whole.Spikes.Steps.SequenceEqual(first.Spikes.Steps);
            }

            var second = Simulation.Fold<TStep, TLane, TMask>(step, first.Final, grid, inputs[n..], Recording.Full, convention, n, null);
            return whole.Status == second.Status
                && SameBits(whole.Final, second.Final)
                && SameBits(whole.Trace, first.Trace, second.Trace)
                && whole.Spikes.Steps.SequenceEqual(first.Spikes.Steps.AddRange(second.Spikes.Steps))
                && whole.Spikes.TimesMs.SequenceEqual(first.Spikes.TimesMs.AddRange(second.Spikes.TimesMs));
        }
    }

    /// <summary>Prepares a scheme's step for a step case and takes that one step.</summary>
    readonly struct OneStep(StepCase c) : IStepVisitor<IzhikevichParameters, StepOutcome>
    {
        public StepOutcome Visit<TStep, TLane, TMask>()
            where TStep : struct, IStep<TStep, IzhikevichParameters, TLane, TMask>
            where TLane : struct, ILane<TLane, TMask>
            where TMask : struct
        {
            var parameters = c.Parameters;
            var step = TStep.Prepare(new ReadOnlySpan<IzhikevichParameters>(in parameters), c.DtMs, 1.0);
            var v = TLane.Constant(c.State.V);
            var u = TLane.Constant(c.State.U);
            bool spiked = step.Step(ref v, ref u, step.Input(TLane.Constant(c.InputUaPerCm2))) != 0;
            return new StepOutcome(new IzhikevichState(TLane.Element(v, 0), TLane.Element(u, 0)), spiked);
        }
    }
}

using FsCheck;
using FsCheck.Fluent;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Testing;

/// <summary>Ready-made invariant properties of Izhikevich schemes, to apply to your own parameters or scheme.</summary>
/// <remarks>
/// Each returns an FsCheck <see cref="Property"/>; with FsCheck.Xunit a whole test is one line:
/// <code>[Property] public Property MyCellsFoldSplit() => Invariants.FoldSplitting&lt;JaxleyScheme&gt;(NeuroGen.Around(myCell, 0.1));</code>
/// A scheme is any struct implementing <see cref="IScheme{TSelf, TParameters}"/> for <see cref="IzhikevichParameters"/>:
/// the invariants reach its step through <see cref="IScheme{TSelf, TParameters}.Apply"/> and run it with the core's
/// own fold (<see cref="Simulation.Fold{TStep, TLane, TMask}"/>). Comparisons are bit for bit unless a method says otherwise.
/// </remarks>
public static class Invariants
{
    /// <summary>A run of n + m steps equals n steps followed by m steps from where they ended (any scheme, bit for bit).</summary>
    /// <remarks>
    /// The two segments are run by the resumable fold (the second starts at global step n from the first's final state):
    /// their trace rows, spikes and final state concatenate to those of the whole run, and a run that leaves the finite
    /// range stops at the same step either way. The split point n lies in 1 … steps (a run of 0 steps is compared with
    /// itself): a segment that starts at global step 0 is a whole run and carries the initial row.
    /// </remarks>
    public static Property FoldSplitting<TScheme>(Gen<IzhikevichParameters> parameters)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters> =>
        Prop.ForAll(
            (from c in NeuroGen.Runs(parameters)
             from n in Gen.Choose(Math.Min(1, c.InputsUaPerCm2.Length), c.InputsUaPerCm2.Length)
             select (c, n)).ToArbitrary(),
            x =>
            {
                var split = new SplitFold(x.c, x.n, TScheme.Convention);
                return TScheme.Apply<ScalarLane, bool, SplitFold, bool>(ref split);
            });

    /// <summary>The same inputs give bit-identical traces and spikes, run after run (any scheme).</summary>
    public static Property Determinism<TScheme>(Gen<IzhikevichParameters> parameters)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters> =>
        Prop.ForAll(NeuroGen.Runs(parameters).ToArbitrary(), c =>
        {
            var x = Run<TScheme>(c);
            var y = Run<TScheme>(c with { InputsUaPerCm2 = [.. c.InputsUaPerCm2] });
            return SameBits(x.Trace, y.Trace) && x.Spikes.Steps.SequenceEqual(y.Spikes.Steps) && SameBits(x.Final, y.Final) && x.Status == y.Status;
        });

    /// <summary>From a state at or above the peak with no input, a step spikes and leaves <c>v = c</c> exactly.</summary>
    /// <remarks>For schemes that reset within the step that crosses (jaxley, paper, euler); not for net2003, which resets at the start of the next step.</remarks>
    public static Property ResetToC<TScheme>(Gen<IzhikevichParameters> parameters)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters> =>
        Prop.ForAll(
            (from p in parameters
             from s in NeuroGen.SpikingStates
             from dt in NeuroGen.DtMs
             select new StepCase(p, s, dt, 0.0)).ToArbitrary(),
            c =>
            {
                var step = new OneStep(c);
                var o = TScheme.Apply<ScalarLane, bool, OneStep, StepOutcome>(ref step);
                return o.Spiked && o.State.V == c.Parameters.C;
            });

    /// <summary>Jaxley's channel: a spike leaves <c>v = c</c> and raises the exponential-Euler <c>u</c> by exactly <c>d</c>.</summary>
    public static Property JaxleyResetAddsD(Gen<IzhikevichParameters> parameters) =>
        Prop.ForAll(
            (from p in parameters
             from s in NeuroGen.SpikingStates
             from dt in NeuroGen.DtMs
             select new StepCase(p, s, dt, 0.0)).ToArbitrary(),
            c =>
            {
                var k = JaxleyScheme.Prepare(c.Parameters, c.DtMs, 1.0);
                ScalarLane v = c.State.V;
                ScalarLane u = c.State.U;
                bool spiked = k.Channel(ref v, ref u) != 0;
                double bv = c.Parameters.B * c.State.V;
                double expected = bv + ((c.State.U - bv) * k.Decay.Value);
                return spiked && v.Value == c.Parameters.C && u.Value == expected + c.Parameters.D;
            });

    /// <summary>Jaxley's exponential-Euler <c>u</c> update has <c>u = b·v</c> as an exact fixed point (below threshold).</summary>
    public static Property JaxleyNullclineFixedPoint(Gen<IzhikevichParameters> parameters) =>
        Prop.ForAll(
            (from p in parameters
             from v in NeuroGen.Range(-90, -55)
             from dt in NeuroGen.DtMs
             select (p, v, dt)).ToArbitrary(),
            x =>
            {
                var k = JaxleyScheme.Prepare(x.p, x.dt, 1.0);
                ScalarLane v = x.v;
                ScalarLane u = x.p.B * x.v;
                bool spiked = k.Channel(ref v, ref u) != 0;
                return spiked || u.Value == x.p.B * x.v;
            });

    /// <summary>Two schemes agree as dt → 0: below threshold, their states after <paramref name="tMs"/> ms differ less at dt/8 than at dt.</summary>
    /// <remarks>
    /// Both schemes integrate the same ODE, so their difference must shrink with the step (for first-order schemes,
    /// about 8× from dt to dt/8). Subthreshold constant inputs (0 … 3 µA/cm²) from rest; runs where either scheme
    /// spikes are discarded, since a spike-time shift is not a convergence failure. Differences below 1e-9 mV count as agreement.
    /// </remarks>
    public static Property SchemesAgreeAsDtShrinks<TA, TB>(Gen<IzhikevichParameters> parameters, double tMs = 20.0)
        where TA : struct, IScheme<TA, IzhikevichParameters>
        where TB : struct, IScheme<TB, IzhikevichParameters> =>
        Prop.ForAll(
            (from p in parameters
             from v0 in NeuroGen.Range(-75, -65)
             from i in NeuroGen.Range(0, 3)
             from dt in NeuroGen.Range(0.05, 0.2)
             select (p, v0, i, dt)).ToArbitrary(),
            x =>
            {
                var s0 = IzhikevichState.AtNullcline(x.p, x.v0);
                double? Gap(double dt)
                {
                    int n = (int)Math.Round(tMs / dt);
                    var inputs = new double[n];
                    Array.Fill(inputs, x.i);
                    var grid = Grid(dt, n);
                    var a = Simulation.Run<TA>(x.p, s0, grid, inputs, 1.0, Recording.SpikesOnly);
                    var b = Simulation.Run<TB>(x.p, s0, grid, inputs, 1.0, Recording.SpikesOnly);
                    return a.Spikes.Count > 0 || b.Spikes.Count > 0 ? null : Math.Abs(a.Final.V - b.Final.V);
                }

                double? coarse = Gap(x.dt);
                double? fine = Gap(x.dt / 8);
                return coarse is null || fine is null || fine <= 1e-9 || fine < coarse;
            });

    /// <summary>The grid of exactly <paramref name="steps"/> steps of <paramref name="dtMs"/> (labels <c>(k+1)·dt</c>).</summary>
    internal static TimeGrid Grid(double dtMs, int steps) =>
        TimeGrid.FromSteps(dtMs, steps).Match(
            Succ: g => g,
            Fail: e => throw new ArgumentOutOfRangeException(nameof(steps), string.Join("; ", e.Map(x => x.Message))));

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

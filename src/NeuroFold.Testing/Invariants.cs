using FsCheck;
using FsCheck.Fluent;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Testing;

/// <summary>Ready-made invariant properties of Izhikevich schemes, to apply to your own parameters or scheme.</summary>
/// <remarks>
/// Each returns an FsCheck <see cref="Property"/>; with FsCheck.Xunit a whole test is one line:
/// <code>[Property] public Property MyCellsFoldSplit() => Invariants.FoldSplitting&lt;JaxleyScheme&gt;(NeuroGen.Around(myCell, 0.1));</code>
/// Comparisons are bit for bit unless a method says otherwise.
/// </remarks>
public static class Invariants
{
    /// <summary>A run of n + m steps equals n steps followed by m steps from where they ended (any scheme, bit for bit).</summary>
    public static Property FoldSplitting<TScheme>(Gen<IzhikevichParameters> parameters)
        where TScheme : struct, IScheme =>
        Prop.ForAll(
            (from c in NeuroGen.Runs(parameters)
             from n in Gen.Choose(0, c.InputsUaPerCm2.Length)
             select (c, n)).ToArbitrary(),
            x =>
            {
                var (c, n) = x;
                var k = TScheme.Prepare(c.Parameters, c.DtMs, 1.0);
                var inputs = c.InputsUaPerCm2.AsSpan();
                var whole = Simulation.Advance<TScheme>(k, c.Initial, inputs);
                var first = Simulation.Advance<TScheme>(k, c.Initial, inputs[..n]);
                var then = Simulation.Advance<TScheme>(k, first, inputs[n..]);
                return SameBits(whole, then);
            });

    /// <summary>The same inputs give bit-identical traces and spikes, run after run (any scheme).</summary>
    public static Property Determinism<TScheme>(Gen<IzhikevichParameters> parameters)
        where TScheme : struct, IScheme =>
        Prop.ForAll(NeuroGen.Runs(parameters).ToArbitrary(), c =>
        {
            var x = Run<TScheme>(c);
            var y = Run<TScheme>(c with { InputsUaPerCm2 = [.. c.InputsUaPerCm2] });
            return SameBits(x.Trace, y.Trace) && x.Spikes.Steps.SequenceEqual(y.Spikes.Steps) && SameBits(x.Final, y.Final);
        });

    /// <summary>From a state at or above the peak with no input, a step spikes and leaves <c>v = c</c> exactly.</summary>
    /// <remarks>For schemes that reset within the step that crosses (jaxley, paper, euler); not for net2003, which resets at the start of the next step.</remarks>
    public static Property ResetToC<TScheme>(Gen<IzhikevichParameters> parameters)
        where TScheme : struct, IScheme =>
        Prop.ForAll(
            (from p in parameters
             from s in NeuroGen.SpikingStates
             from dt in NeuroGen.DtMs
             select new StepCase(p, s, dt, 0.0)).ToArbitrary(),
            c =>
            {
                var o = TScheme.Step(TScheme.Prepare(c.Parameters, c.DtMs, 1.0), c.State, 0.0);
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
                var o = JaxleyScheme.ChannelStep(k, c.State);
                double bv = c.Parameters.B * c.State.V;
                double u = bv + ((c.State.U - bv) * k.Decay);
                return o.Spiked && o.State.V == c.Parameters.C && o.State.U == u + c.Parameters.D;
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
                var o = JaxleyScheme.ChannelStep(JaxleyScheme.Prepare(x.p, x.dt, 1.0), new IzhikevichState(x.v, x.p.B * x.v));
                return o.Spiked || o.State.U == x.p.B * x.v;
            });

    /// <summary>Two schemes agree as dt → 0: below threshold, their states after <paramref name="tMs"/> ms differ less at dt/8 than at dt.</summary>
    /// <remarks>
    /// Both schemes integrate the same ODE, so their difference must shrink with the step (for first-order schemes,
    /// about 8× from dt to dt/8). Subthreshold constant inputs (0 … 3 µA/cm²) from rest; runs where either scheme
    /// spikes are discarded, since a spike-time shift is not a convergence failure. Differences below 1e-9 mV count as agreement.
    /// </remarks>
    public static Property SchemesAgreeAsDtShrinks<TA, TB>(Gen<IzhikevichParameters> parameters, double tMs = 20.0)
        where TA : struct, IScheme
        where TB : struct, IScheme =>
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
                    var grid = new Core.Stimuli.TimeGrid(dt, n * dt, n);
                    var a = Simulation.Run<TA>(x.p, s0, grid, inputs, 1.0, Recording.SpikesOnly);
                    var b = Simulation.Run<TB>(x.p, s0, grid, inputs, 1.0, Recording.SpikesOnly);
                    return a.Spikes.Count > 0 || b.Spikes.Count > 0 ? null : Math.Abs(a.Final.V - b.Final.V);
                }

                double? coarse = Gap(x.dt);
                double? fine = Gap(x.dt / 8);
                return coarse is null || fine is null || fine <= 1e-9 || fine < coarse;
            });

    static SimulationResult Run<TScheme>(RunCase c)
        where TScheme : struct, IScheme =>
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
}

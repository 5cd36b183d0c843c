using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using NeuroFold.Core.Tests.Support;
using NeuroFold.Testing;

namespace NeuroFold.Core.Tests;

/// <summary>Invariants of time integration as a fold.</summary>
[Properties(Arbitrary = new[] { typeof(NeuroArbitraries) }, MaxTest = 200)]
public class SimulationProperties
{
    static TimeGrid GridFor(RunCase c) => c.Grid;

    static SimulationResult RunOf(RunCase c) =>
        Simulation.Simulation.Run<JaxleyScheme>(c.Parameters, c.Initial, GridFor(c), c.InputsUaPerCm2.AsSpan(), 1.0, Recording.Full);

    static bool SameBits(IzhikevichState x, IzhikevichState y) =>
        BitConverter.DoubleToInt64Bits(x.V) == BitConverter.DoubleToInt64Bits(y.V)
        && BitConverter.DoubleToInt64Bits(x.U) == BitConverter.DoubleToInt64Bits(y.U);

    /// <summary>Guards the fold: n + m steps equal n steps, then m steps from where they ended (bit for bit).</summary>
    [Property]
    public Property A_run_of_n_plus_m_steps_is_n_steps_then_m_steps(RunCase c) =>
        Prop.ForAll(Gen.Choose(0, c.InputsUaPerCm2.Length).ToArbitrary(), n =>
        {
            var k = JaxleyScheme.Prepare(c.Parameters, c.DtMs, 1.0);
            var whole = Simulation.Simulation.Advance(k, c.Initial, c.InputsUaPerCm2.AsSpan());
            var first = Simulation.Simulation.Advance(k, c.Initial, c.InputsUaPerCm2.AsSpan()[..n]);
            var then = Simulation.Simulation.Advance(k, first, c.InputsUaPerCm2.AsSpan()[n..]);
            return SameBits(whole, then);
        });

    /// <summary>Guards reproducibility: the same inputs give bit-identical traces and spikes.</summary>
    [Property]
    public bool The_same_inputs_give_bit_identical_traces(RunCase c)
    {
        var x = RunOf(c);
        var y = RunOf(c with { InputsUaPerCm2 = [.. c.InputsUaPerCm2] });
        return Bits(x.Trace.VMv).SequenceEqual(Bits(y.Trace.VMv))
            && Bits(x.Trace.U).SequenceEqual(Bits(y.Trace.U))
            && Bits(x.Trace.TimeMs).SequenceEqual(Bits(y.Trace.TimeMs))
            && x.Spikes.Steps.SequenceEqual(y.Spikes.Steps);
    }

    /// <summary>Guards the recording: row 0 is the initial state, row k+1 the state after step k, labelled (k+1)·dt; the last row is the fold's result.</summary>
    [Property]
    public bool The_trace_holds_the_initial_state_and_one_row_per_step(RunCase c)
    {
        var r = RunOf(c);
        var k = JaxleyScheme.Prepare(c.Parameters, c.DtMs, 1.0);
        var final = Simulation.Simulation.Advance(k, c.Initial, c.InputsUaPerCm2.AsSpan());
        bool times = true;
        for (int i = 0; i < r.Trace.Count; i++)
        {
            times &= r.Trace.TimeMs[i] == i * c.DtMs;
        }

        return r.Status.IsCompleted
            && r.Trace.Count == c.InputsUaPerCm2.Length + 1
            && r.Trace.VMv[0] == c.Initial.V && r.Trace.U[0] == c.Initial.U
            && times
            && SameBits(final, new IzhikevichState(r.Trace.VMv[^1], r.Trace.U[^1]))
            && SameBits(final, r.Final);
    }

    /// <summary>Guards spike bookkeeping: a spike is recorded exactly at the steps whose outcome spiked, labelled (k+1)·dt.</summary>
    [Property]
    public bool Spikes_are_the_steps_that_reset(RunCase c)
    {
        var r = RunOf(c);
        var k = JaxleyScheme.Prepare(c.Parameters, c.DtMs, 1.0);
        var expected = new List<int>();
        var s = c.Initial;
        for (int i = 0; i < c.InputsUaPerCm2.Length; i++)
        {
            var o = Stepping.Step(k, s, c.InputsUaPerCm2[i]);
            if (o.Spiked)
            {
                expected.Add(i);
            }

            s = o.State;
        }

        bool labels = true;
        for (int i = 0; i < r.Spikes.Count; i++)
        {
            labels &= r.Spikes.TimesMs[i] == (r.Spikes.Steps[i] + 1) * c.DtMs;
        }

        return r.Spikes.Steps.SequenceEqual(expected) && labels;
    }

    /// <summary>Guards thinning: recording every n-th row keeps exactly rows 0, n, 2n, … of the full trace.</summary>
    [Property]
    public Property Recording_every_nth_row_thins_the_full_trace(RunCase c) =>
        Prop.ForAll(Gen.Choose(1, 7).ToArbitrary(), every =>
        {
            var full = RunOf(c).Trace;
            var thin = Simulation.Simulation.Run<JaxleyScheme>(c.Parameters, c.Initial, GridFor(c), c.InputsUaPerCm2.AsSpan(), 1.0, new Recording(every, true)).Trace;
            bool same = thin.Count == (c.InputsUaPerCm2.Length / every) + 1;
            for (int i = 0; same && i < thin.Count; i++)
            {
                same = thin.VMv[i] == full.VMv[i * every] && thin.TimeMs[i] == full.TimeMs[i * every];
            }

            return same;
        });

    /// <summary>Guards the failure path: a state that leaves the finite range stops the run and names the step.</summary>
    [Fact]
    public void A_non_finite_state_is_reported_with_its_step_instead_of_thrown()
    {
        var p = Presets.RegularSpiking;
        var inputs = new double[] { 0, 0, 1e308, 1e308, 0 };
        var grid = Grids.Steps(0.5, inputs.Length);
        var r = Simulation.Simulation.Run<JaxleyScheme>(p, IzhikevichState.AtNullcline(p, -70), grid, inputs, 1e-300, Recording.Full);
        var status = Assert.IsType<RunStatus.NonFinite>(r.Status);
        Assert.Equal(2, status.Step);
        Assert.Equal(1.5, status.TimeMs);
        Assert.Equal(3, r.Trace.Count); // the initial state and the two finite steps
        Assert.True(r.Final.IsFinite);
    }

    /// <summary>Spikes-only recording keeps no trace but the same spikes.</summary>
    [Property]
    public bool Spikes_only_recording_keeps_the_same_spikes(RunCase c)
    {
        var full = RunOf(c);
        var spikes = Simulation.Simulation.Run<JaxleyScheme>(c.Parameters, c.Initial, GridFor(c), c.InputsUaPerCm2.AsSpan(), 1.0, Recording.SpikesOnly);
        return spikes.Trace.Count == 0 && spikes.Spikes.Steps.SequenceEqual(full.Spikes.Steps) && spikes.Final == full.Final;
    }

    static IEnumerable<long> Bits(IEnumerable<double> xs) => xs.Select(BitConverter.DoubleToInt64Bits);
}

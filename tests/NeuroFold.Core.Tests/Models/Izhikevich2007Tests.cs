using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Tests.Support;
using Xunit;

namespace NeuroFold.Core.Tests.Models;

/// <summary>The 2007 model's forward-Euler step and the book's cell-specific rules, on hand-computed steps.</summary>
public sealed class Izhikevich2007Tests
{
    static Izhikevich2007Parameters Preset(string name) => Presets2007.Find(name).IfNone(() => throw new InvalidOperationException(name));

    /// <summary>One step of <see cref="Izhikevich2007Scheme"/>'s scalar step.</summary>
    static StepOutcome Step(in Izhikevich2007Parameters p, double dtMs, IzhikevichState s, double currentPa) =>
        Stepping.Step(Izhikevich2007Scheme.Prepare(p, dtMs), s, currentPa);

    [Fact]
    public void Rs_step_uses_the_old_values_in_the_books_order()
    {
        var p = Preset("rs-2007");
        var s = new IzhikevichState(-55.0, 3.0);
        double v = -55.0 + ((0.1 * ((((0.7 * (-55.0 - -60.0)) * (-55.0 - -40.0)) - 3.0) + 100.0)) / 100.0);
        double u = 3.0 + ((0.1 * 0.03) * ((-2.0 * (-55.0 - -60.0)) - 3.0));
        var o = Step(p, 0.1, s, 100.0);
        Assert.Equal(v, o.State.V);
        Assert.Equal(u, o.State.U);
        Assert.False(o.Spiked);
    }

    [Fact]
    public void Rs_resets_at_vpeak_inclusive()
    {
        var p = WithoutGainAndRecovery(Preset("rs-2007"));
        // k = 0, a = 0: v' = v + dt·(I − u)/C exactly reaches vpeak = 35 from 34 with I = 100, dt = 1, C = 100.
        var o = Step(p, 1.0, new IzhikevichState(34.0, 0.0), 100.0);
        Assert.True(o.Spiked);
        Assert.Equal(new IzhikevichState(-50, 100), o.State);
    }

    [Fact]
    public void Fs_recovery_follows_U_of_v_and_a_spike_resets_only_v()
    {
        var p = Preset("fs-2007");
        var below = Step(p, 0.1, new IzhikevichState(-60.0, 2.0), 0.0);
        Assert.Equal(2.0 + ((0.1 * 0.2) * (0.0 - 2.0)), below.State.U);
        var above = Step(p, 0.1, new IzhikevichState(-50.0, 2.0), 0.0);
        Assert.Equal(2.0 + ((0.1 * 0.2) * ((0.025 * ((5.0 * 5.0) * 5.0)) - 2.0)), above.State.U);
        var spike = Step(p, 0.1, new IzhikevichState(24.9, 2.0), 0.0);
        Assert.True(spike.Spiked);
        Assert.Equal(-45.0, spike.State.V);
        Assert.Equal(2.0 + ((0.1 * 0.2) * ((0.025 * (((24.9 + 55) * (24.9 + 55)) * (24.9 + 55))) - 2.0)), spike.State.U);
    }

    [Fact]
    public void Lts_peak_moves_with_u_reset_adds_0_04_u_and_u_is_capped()
    {
        var p = WithoutGainAndRecovery(Preset("lts-2007"));
        // peak = 40 − 0.1·u; with u = 100 the peak is 30, so v' = 30 spikes although vpeak = 40.
        var o = Step(p, 1.0, new IzhikevichState(30.0, 100.0), 100.0);
        Assert.True(o.Spiked);
        Assert.Equal(-53.0 + (0.04 * 100.0), o.State.V);
        Assert.Equal(120.0, o.State.U);
        var capped = Step(p, 1.0, new IzhikevichState(0.0, 660.0), 660.0);
        Assert.True(capped.Spiked);
        Assert.Equal(670.0, capped.State.U);
    }

    [Theory]
    [InlineData("tc-2007", -70.0, 15.0)]
    [InlineData("tc-2007", -60.0, 0.0)]
    [InlineData("rtn-2007", -70.0, 10.0)]
    [InlineData("rtn-2007", -60.0, 2.0)]
    public void Thalamic_cells_switch_b_at_minus_65(string name, double v, double b)
    {
        var p = Preset(name);
        var o = Step(p, 0.1, new IzhikevichState(v, 1.0), 0.0);
        Assert.Equal(1.0 + ((0.1 * p.A) * ((b * (v - p.VrMv)) - 1.0)), o.State.U);
    }

    [Fact]
    public void Presets_are_the_books_values_and_validate()
    {
        Assert.Equal(7, Presets2007.All.Length);
        Assert.Equal(new Izhikevich2007Parameters(100, 0.7, -60, -40, 35, 0.03, -2, -50, 100, CellRule2007.None), Preset("RS-2007"));
        Assert.Equal(new IzhikevichState(-60, 0), Izhikevich2007.Initial(Preset("rs-2007")));
        foreach (var (_, p) in Presets2007.All)
        {
            Assert.True(Izhikevich2007Parameters.Create(p.CapacitancePf, p.K, p.VrMv, p.VtMv, p.VPeakMv, p.A, p.B, p.C, p.D, p.Rule).IsSuccess);
        }

        Assert.True(Izhikevich2007Parameters.Create(0, 0.7, -60, -40, 35, 0.03, -2, 40, double.NaN, CellRule2007.None).IsFail);
    }

    /// <summary>The cell with k = 0 and a = 0 (so a step's arithmetic can be followed by hand).</summary>
    static Izhikevich2007Parameters WithoutGainAndRecovery(Izhikevich2007Parameters p) =>
        new(p.CapacitancePf, 0, p.VrMv, p.VtMv, p.VPeakMv, 0, p.B, p.C, p.D, p.Rule);
}

using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Tests.Support;
using Xunit;

namespace NeuroFold.Core.Tests.Schemes;

/// <summary>
/// Each scheme's update order on hand-computed steps: the expected values are written out in the documented order
/// (DESIGN.md, "Numerics"), and each test also checks that the rival order gives a different number, so it can fail.
/// </summary>
public sealed class UpdateOrderTests
{
    static readonly IzhikevichParameters Rs = new(0.02, 0.2, -65, 8);
    static readonly IzhikevichState Start = new(-64.0, -13.0);

    static double F(double v, double u) => (((0.04 * (v * v)) + (5.0 * v)) + 140.0) - u;

    [Fact]
    public void Paper_updates_v_first_then_u_from_the_new_v()
    {
        const double tau = 0.25;
        const double i = 10.0;
        double v = -64.0 + (tau * (F(-64.0, -13.0) + i));
        double u = -13.0 + ((tau * 0.02) * ((0.2 * v) - -13.0));
        double rivalU = -13.0 + ((tau * 0.02) * ((0.2 * -64.0) - -13.0));

        var outcome = Stepping.Step(PaperScheme.Prepare(Rs, tau, 1.0), Start, i);

        Assert.Equal(-64.0 + (0.25 * (-3.16 + 10.0)), v, 12); // f(−64, −13) = 163.84 − 320 + 140 + 13 = −3.16
        Assert.Equal(v, outcome.State.V);
        Assert.Equal(u, outcome.State.U);
        Assert.NotEqual(rivalU, outcome.State.U);
        Assert.False(outcome.Spiked);
    }

    [Fact]
    public void Forward_euler_updates_v_and_u_from_the_old_values()
    {
        const double dt = 0.25;
        const double i = 10.0;
        double v = -64.0 + (dt * (F(-64.0, -13.0) + i));
        double u = -13.0 + ((dt * 0.02) * ((0.2 * -64.0) - -13.0));
        double rivalU = -13.0 + ((dt * 0.02) * ((0.2 * v) - -13.0));

        var outcome = Stepping.Step(ForwardEulerScheme.Prepare(Rs, dt, 1.0), Start, i);

        Assert.Equal(v, outcome.State.V);
        Assert.Equal(u, outcome.State.U);
        Assert.NotEqual(rivalU, outcome.State.U);
    }

    [Fact]
    public void Net2003_takes_two_half_steps_of_v_with_the_same_u_then_u_from_the_new_v()
    {
        const double i = 5.0;
        double v1 = -64.0 + (0.5 * (F(-64.0, -13.0) + i));
        double v2 = v1 + (0.5 * (F(v1, -13.0) + i));
        double u = -13.0 + (0.02 * ((0.2 * v2) - -13.0));
        double oneFullStep = -64.0 + (1.0 * (F(-64.0, -13.0) + i));

        var outcome = Stepping.Step(Net2003Scheme.Prepare(Rs, 1.0, 1.0), Start, i);

        Assert.Equal(v2, outcome.State.V);
        Assert.Equal(u, outcome.State.U);
        Assert.NotEqual(oneFullStep, outcome.State.V);
        Assert.False(outcome.Spiked);
    }

    [Fact]
    public void Net2003_resets_an_overshoot_at_the_start_of_the_next_step_and_reports_it_there()
    {
        var overshoot = new IzhikevichState(120.0, -10.0);
        double v1 = -65.0 + (0.5 * (F(-65.0, -2.0) + 0.0));
        double v2 = v1 + (0.5 * (F(v1, -2.0) + 0.0));

        var outcome = Stepping.Step(Net2003Scheme.Prepare(Rs, 1.0, 1.0), overshoot, 0.0);

        Assert.True(outcome.Spiked);
        Assert.Equal(v2, outcome.State.V);
        Assert.Equal(-2.0 + (0.02 * ((0.2 * v2) - -2.0)), outcome.State.U);
    }

    // v = 0, u = 140, f = 0: with dt = 1 the step lands on exactly v + I.
    static readonly IzhikevichParameters Flat = new(0.02, 0.2, -65, 8);
    static readonly IzhikevichState AtZeroDrive = new(0.0, 140.0);

    [Fact]
    public void Paper_threshold_is_strict()
    {
        var k = PaperScheme.Prepare(Flat, 1.0, 1.0);
        Assert.False(Stepping.Step(k, AtZeroDrive, 30.0).Spiked);
        Assert.Equal(30.0, Stepping.Step(k, AtZeroDrive, 30.0).State.V);
        Assert.True(Stepping.Step(k, AtZeroDrive, Math.BitIncrement(30.0)).Spiked);
    }

    [Fact]
    public void Euler_threshold_includes_30()
    {
        var k = ForwardEulerScheme.Prepare(Flat, 1.0, 1.0);
        Assert.True(Stepping.Step(k, AtZeroDrive, 30.0).Spiked);
        Assert.False(Stepping.Step(k, AtZeroDrive, Math.BitDecrement(30.0)).Spiked);
    }

    [Fact]
    public void Net2003_threshold_includes_30()
    {
        var k = Net2003Scheme.Prepare(Flat, 1.0, 1.0);
        Assert.True(Stepping.Step(k, new IzhikevichState(30.0, 0.0), 0.0).Spiked);
        Assert.False(Stepping.Step(k, new IzhikevichState(Math.BitDecrement(30.0), 0.0), 0.0).Spiked);
    }

    [Fact]
    public void Input_enters_through_the_capacitance()
    {
        var k1 = ForwardEulerScheme.Prepare(Rs, 0.25, 1.0);
        var k2 = ForwardEulerScheme.Prepare(Rs, 0.25, 2.0);
        Assert.Equal(Stepping.Step(k1, Start, 5.0).State, Stepping.Step(k2, Start, 10.0).State);
        Assert.Equal(Stepping.Step(PaperScheme.Prepare(Rs, 0.25, 1.0), Start, 5.0).State, Stepping.Step(PaperScheme.Prepare(Rs, 0.25, 2.0), Start, 10.0).State);
    }

    [Fact]
    public void Scheme_names_are_the_command_line_names()
    {
        Assert.Equal("paper", PaperScheme.Name);
        Assert.Equal("net2003", Net2003Scheme.Name);
        Assert.Equal("euler", ForwardEulerScheme.Name);
        Assert.Equal("jaxley", JaxleyScheme.Name);
        Assert.Equal("euler", Izhikevich2007Scheme.Name);
    }
}

using NeuroFold.Core.Cells;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Regression.Tests;

/// <summary>Values worked out by hand from the published equations (arithmetic shown, checked with a calculator).</summary>
public class HandComputedTests
{
    /// <summary>RS at v = −70, u = b·v = −14 is an equilibrium: f = 0.04·4900 − 350 + 140 + 14 = 0, and u = b·v is fixed.</summary>
    [Fact]
    public void Regular_spiking_cell_rests_exactly_at_minus_70_mV()
    {
        var grid = TimeGrid.Create(0.025, 100).Match(Succ: g => g, Fail: _ => throw new InvalidOperationException());
        var p = Presets.RegularSpiking;
        var r = Simulation.Run(p, IzhikevichState.AtNullcline(p, -70), grid, Stimulus.None, Compartment.Default);
        Assert.All(r.Trace.VMv, v => Assert.Equal(-70.0, v));
        Assert.All(r.Trace.U, u => Assert.Equal(-14.0, u));
        Assert.Equal(0, r.Spikes.Count);
    }

    /// <summary>
    /// One step of the Jaxley scheme with input, dt = 0.1, a = 0.02, b = 0.2, v = −70, u = 0, J = 10, C = 2:
    /// e = exp(−0.002) = 0.9980019986673331; u' = −14 + 14·e = −0.027972018657337;
    /// f = 196 − 350 + 140 + 0.027972018657337 = −13.972027981342663; v' = −70 − 1.3972027981342663 = −71.39720279813426;
    /// v'' = v' + 0.1·10/2 = −70.89720279813426.
    /// </summary>
    [Fact]
    public void One_Jaxley_step_with_input_through_a_capacitance_of_2()
    {
        var k = JaxleyScheme.Prepare(Presets.RegularSpiking, 0.1, 2.0);
        var o = Simulation.Advance(k, new IzhikevichState(-70, 0), 10);
        Assert.False(o.Spiked);
        Assert.Equal(-0.027972018657337, o.State.U, 1e-13);
        Assert.Equal(-70.89720279813426, o.State.V, 1e-12);
    }

    /// <summary>
    /// A spike in one step: RS, v = 29, u = −2, dt = 0.5: u' = 5.8 + (−7.8)·exp(−0.01) = −1.9223887032435112,
    /// f(29, u') = 33.64 + 145 + 140 + 1.92... > 0, so v' ≫ 30: reset to c = −65 and u' + 8.
    /// </summary>
    [Fact]
    public void A_spiking_step_resets_and_adds_d()
    {
        var k = JaxleyScheme.Prepare(Presets.RegularSpiking, 0.5, 1.0);
        var o = Simulation.Advance(k, new IzhikevichState(29, -2), 0.0);
        double e = Math.Exp(-0.01);
        Assert.True(o.Spiked);
        Assert.Equal(-65.0, o.State.V);
        Assert.Equal(5.8 + (-7.8 * e) + 8, o.State.U, 1e-12);
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Tests.Support;
using NeuroFold.Testing;

namespace NeuroFold.Core.Tests;

/// <summary>Invariants of one Jaxley step (DESIGN.md, "Numerics").</summary>
[Properties(Arbitrary = new[] { typeof(NeuroArbitraries) }, MaxTest = 500)]
public class JaxleySchemeProperties
{
    static readonly Arbitrary<StepCase> SpikingSteps =
        (from p in NeuroGen.Parameters
         from s in NeuroGen.SpikingStates
         from dt in NeuroGen.DtMs
         from i in NeuroGen.InputUaPerCm2
         select new StepCase(p, s, dt, i)).ToArbitrary();

    static JaxleyScheme.Constants<ScalarLane, bool> K(StepCase c, double cm = 1.0) => JaxleyScheme.Prepare(c.Parameters, c.DtMs, cm);

    /// <summary>Guards the reset: at channel level a spike leaves v = c exactly and raises u by exactly d.</summary>
    [Property]
    public Property Spike_resets_v_to_c_and_raises_u_by_exactly_d() =>
        Prop.ForAll(SpikingSteps, c =>
        {
            var k = K(c);
            var outcome = Stepping.Channel(k, c.State);
            double e = k.Decay.Value;
            double bv = c.Parameters.B * c.State.V;
            double uBeforeReset = bv + ((c.State.U - bv) * e);
            return outcome.Spiked && outcome.State.V == c.Parameters.C && outcome.State.U == uBeforeReset + c.Parameters.D;
        });

    /// <summary>Guards the input's place: it enters after the reset, through C_m, so the post-spike v is c + dt·J/C.</summary>
    [Property]
    public Property Input_enters_after_the_reset_through_the_capacitance() =>
        Prop.ForAll(SpikingSteps, NeuroGen.Range(0.5, 3).ToArbitrary(), (c, cm) =>
        {
            var k = K(c, cm);
            var outcome = Stepping.Step(k, c.State, c.InputUaPerCm2);
            return outcome.Spiked && outcome.State.V == c.Parameters.C + ((c.DtMs * c.InputUaPerCm2) / cm);
        });

    /// <summary>Guards the exponential-Euler u update: u = b·v is an exact fixed point (bit for bit).</summary>
    [Property]
    public Property Nullcline_is_an_exact_fixed_point_of_the_u_update(IzhikevichParameters p) =>
        Prop.ForAll(NeuroGen.Range(-90, -55).ToArbitrary(), NeuroGen.DtMs.ToArbitrary(), (v, dt) =>
        {
            var k = JaxleyScheme.Prepare(p, dt, 1.0);
            var outcome = Stepping.Channel(k, new IzhikevichState(v, p.B * v));
            return !outcome.Spiked && outcome.State.U == p.B * v;
        });

    /// <summary>Guards the v update: without a spike, v' is the forward-Euler formula with the new u, then the input.</summary>
    [Property]
    public bool Without_a_spike_v_follows_forward_Euler_with_the_new_u(StepCase c)
    {
        var k = K(c);
        var outcome = Stepping.Step(k, c.State, c.InputUaPerCm2);
        if (outcome.Spiked)
        {
            return true;
        }

        double u = outcome.State.U;
        double v = c.State.V;
        double euler = v + (c.DtMs * ((((0.04 * (v * v)) + (5 * v)) + 140) - u));
        return outcome.State.V == euler + (c.DtMs * c.InputUaPerCm2) && euler < 30;
    }

    /// <summary>Guards the threshold: ≥ 30, not > 30 — a state landing exactly on 30 mV spikes.</summary>
    [Fact]
    public void A_channel_update_landing_exactly_on_30_spikes()
    {
        // dt = 1, a → e = exp(−dt·a); choose u so that v + dt·f(v, u') = 30 exactly with v = 0: f = 140 − u' = 30 → u' = 110.
        var p = new IzhikevichParameters(0.0, 0.2, -65, 8); // a = 0: e = exp(−0) = 1, so u' = u
        var k = JaxleyScheme.Prepare(p, 1.0, 1.0);
        Assert.Equal(1.0, k.Decay.Value);
        var outcome = Stepping.Channel(k, new IzhikevichState(0.0, 110.0));
        Assert.True(outcome.Spiked);
        Assert.Equal(-65.0, outcome.State.V);
        Assert.Equal(118.0, outcome.State.U);

        var below = Stepping.Channel(k, new IzhikevichState(0.0, 110.00000000000001));
        Assert.False(below.Spiked);
    }

    /// <summary>Guards the order of updates: u first from the old v, then v from the new u.</summary>
    [Fact]
    public void U_is_updated_from_the_old_v_and_v_from_the_new_u()
    {
        // Hand computation, a = 0.5, b = 0.2, dt = 1: e = exp(−0.5) = 0.6065306597126334.
        // v = −60, u = 0: bv = −12, u' = −12 + (0 − (−12))·e = −12 + 12e = −4.721632083448399.
        // f(−60, u') = 0.04·3600 − 300 + 140 − u' = 144 − 300 + 140 + 4.721632083448399 = −11.278367916551601.
        var p = new IzhikevichParameters(0.5, 0.2, -65, 8);
        var outcome = Stepping.Channel(JaxleyScheme.Prepare(p, 1.0, 1.0), new IzhikevichState(-60, 0));
        Assert.Equal(-4.721632083448399, outcome.State.U, 1e-14);
        Assert.Equal(-71.2783679165516, outcome.State.V, 1e-12);
    }
}

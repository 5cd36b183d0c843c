using System.Runtime.CompilerServices;
using NeuroFold.Core.Models;

namespace NeuroFold.Core.Schemes;

/// <summary>The default scheme: Jaxley's <c>Izhikevich</c> channel in a single-compartment <c>jx.Cell</c>, exactly.</summary>
/// <remarks>
/// One step of size dt from (v, u) with input current density J (µA/cm²):
/// <list type="number">
/// <item><c>u' = b·v + (u − b·v)·e</c>, <c>e = exp(min(−dt/τ, 50))</c>, <c>τ = 1/a</c> (exponential Euler with the <b>old</b> v,
/// in the algebraically equal form of Jaxley's <c>u·e + b·v·(1 − e)</c> that has <c>u = b·v</c> as an exact fixed point);</item>
/// <item><c>v' = v + dt·f(v, u')</c> (forward Euler with the <b>new</b> u, no input);</item>
/// <item>if <c>v' ≥ 30</c>: <c>v' = c</c>, <c>u' = u' + d</c> (the step spiked);</item>
/// <item><c>v'' = v' + (dt·J)/C_m</c>: the input enters after the reset, through the membrane capacitance.</item>
/// </list>
/// The state after step k (0-based) is labelled <c>t = (k+1)·dt</c>. Source: Jaxley,
/// <c>jaxley/channels/non_capacitive/izhikevich.py</c> and its voltage solver; DESIGN.md, "Numerics".
/// </remarks>
public readonly struct JaxleyScheme : IScheme
{
    /// <summary>Jaxley's <c>save_exp</c> clips the exponent of the decay factor at 50 (relevant only for a &lt; 0).</summary>
    public const double MaxExponent = 50.0;

    /// <inheritdoc />
    public static string Name => "jaxley";

    /// <inheritdoc />
    public static StepConstants Prepare(in IzhikevichParameters parameters, double dtMs, double capacitanceUfPerCm2)
    {
        double tau = 1.0 / parameters.A;
        return new StepConstants(parameters, dtMs, capacitanceUfPerCm2, Math.Exp(Math.Min(-dtMs / tau, MaxExponent)));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static StepOutcome Step(in StepConstants constants, IzhikevichState state, double inputUaPerCm2)
    {
        var channel = ChannelStep(constants, state);
        double v = channel.State.V + ((constants.DtMs * inputUaPerCm2) / constants.CapacitanceUfPerCm2);
        return new StepOutcome(new IzhikevichState(v, channel.State.U), channel.Spiked);
    }

    /// <summary>Steps 1–3 alone (the channel update, without the input), as Jaxley's channel computes them.</summary>
    /// <remarks>At this level a spike leaves <c>v = c</c> exactly and raises u by exactly d.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static StepOutcome ChannelStep(in StepConstants constants, IzhikevichState state)
    {
        var p = constants.Parameters;
        double v = state.V;
        double bv = p.B * v;
        double u = bv + ((state.U - bv) * constants.Decay);
        v = v + (constants.DtMs * Izhikevich.Drive(v, u));
        return v >= Izhikevich.PeakMv
            ? new StepOutcome(new IzhikevichState(p.C, u + p.D), true)
            : new StepOutcome(new IzhikevichState(v, u), false);
    }
}

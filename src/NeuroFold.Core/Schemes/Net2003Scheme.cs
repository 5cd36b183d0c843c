using System.Runtime.CompilerServices;
using NeuroFold.Core.Models;

namespace NeuroFold.Core.Schemes;

/// <summary>The scheme of Izhikevich's 1000-neuron network (<c>net.m</c>, 2003): reset first, two half-steps of v, then u.</summary>
/// <remarks>
/// One step of size dt (net.m: 1 ms) from (v, u) with input I (<c>I/C_m</c> as Izhikevich's I):
/// <list type="number">
/// <item>if <c>v ≥ 30</c> (the state left by the previous step, which may overshoot far above 30): the step reports a
/// spike, <c>v ← c</c>, <c>u ← u + d</c>;</item>
/// <item><c>v ← v + (dt/2)·(f(v, u) + I)</c>, twice, with the same u and I;</item>
/// <item><c>u ← u + (dt·a)·((b·v) − u)</c> with the <b>new</b> v.</item>
/// </list>
/// The state after step k is labelled <c>(k+1)·dt</c> and a spike reported by step k has time <c>(k+1)·dt</c> (net.m's
/// <c>t</c>); the trace shows the overshoot at the label before. With dt = 1, <c>dt/2 = 0.5</c> and <c>dt·a = a</c>
/// exactly, so the arithmetic is net.m's bit for bit. Source: Izhikevich (2003) IEEE TNN 14:1569; DESIGN.md, "Numerics".
/// </remarks>
public readonly struct Net2003Scheme : IScheme
{
    /// <inheritdoc />
    public static string Name => "net2003";

    /// <inheritdoc />
    /// <remarks><see cref="StepConstants.Decay"/> is unused (0).</remarks>
    public static StepConstants Prepare(in IzhikevichParameters parameters, double dtMs, double capacitanceUfPerCm2) =>
        new(parameters, dtMs, capacitanceUfPerCm2, 0.0);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static StepOutcome Step(in StepConstants constants, IzhikevichState state, double inputUaPerCm2)
    {
        var p = constants.Parameters;
        double i = inputUaPerCm2 / constants.CapacitanceUfPerCm2;
        double v = state.V;
        double u = state.U;
        bool spiked = v >= Izhikevich.PeakMv;
        if (spiked)
        {
            v = p.C;
            u = u + p.D;
        }

        double half = 0.5 * constants.DtMs;
        v = v + (half * (Izhikevich.Drive(v, u) + i));
        v = v + (half * (Izhikevich.Drive(v, u) + i));
        u = u + ((constants.DtMs * p.A) * ((p.B * v) - u));
        return new StepOutcome(new IzhikevichState(v, u), spiked);
    }
}

using System.Runtime.CompilerServices;
using NeuroFold.Core.Models;

namespace NeuroFold.Core.Schemes;

/// <summary>Plain forward Euler from the old values, then the reset: NEST's <c>izhikevich</c> with <c>consistent_integration = true</c>.</summary>
/// <remarks>
/// One step of size dt from (v, u) with input I (<c>I/C_m</c> as Izhikevich's I):
/// <c>v' = v + dt·(f(v, u) + I)</c> and <c>u' = u + (dt·a)·((b·v) − u)</c>, both from the <b>old</b> (v, u);
/// then if <c>v' ≥ 30</c>: <c>v' = c</c>, <c>u' = u' + d</c> (the step spiked). The state after step k, and a spike
/// of step k, are labelled <c>(k+1)·dt</c>; a trace records v after the reset (c), as NEST's multimeter does.
/// f is evaluated in the shared order of DESIGN.md (NEST's own source groups the sum differently, so results agree
/// with NEST to rounding, not bit for bit). Source: NEST <c>models/izhikevich.cpp</c>; DESIGN.md, "Numerics".
/// </remarks>
public readonly struct ForwardEulerScheme : IScheme
{
    /// <inheritdoc />
    public static string Name => "euler";

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
        double v = state.V + (constants.DtMs * (Izhikevich.Drive(state.V, state.U) + i));
        double u = state.U + ((constants.DtMs * p.A) * ((p.B * state.V) - state.U));
        return v >= Izhikevich.PeakMv
            ? new StepOutcome(new IzhikevichState(p.C, u + p.D), true)
            : new StepOutcome(new IzhikevichState(v, u), false);
    }
}

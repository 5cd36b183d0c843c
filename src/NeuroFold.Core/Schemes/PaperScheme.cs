using System.Runtime.CompilerServices;
using NeuroFold.Core.Models;

namespace NeuroFold.Core.Schemes;

/// <summary>Izhikevich's own MATLAB scheme (<c>figure1.m</c>, 2004; the Fig. 2 classes, 2003), exactly.</summary>
/// <remarks>
/// One step of size τ from (v, u) with input I (µA/cm² through C_m, so <c>I/C_m</c> is Izhikevich's I; C_m = 1 leaves it
/// untouched):
/// <list type="number">
/// <item><c>v ← v + τ·(f(v, u) + I)</c> (forward Euler, <b>old</b> u);</item>
/// <item><c>u ← u + (τ·a)·((b·v) − u)</c> (<b>new</b> v, <c>τ·a</c> evaluated first);</item>
/// <item>if <c>v &gt; 30</c> (strict): the step spiked, <c>v ← c</c>, <c>u ← u + d</c>.</item>
/// </list>
/// Time labels: the step that uses <c>I(t_k)</c> produces the state labelled <c>t_k</c> (the spike time is t_k, not
/// t_k + τ), and at a spike the published code records 30 mV, not c: <see cref="Simulation.PaperRun"/> applies both
/// conventions. Source: Izhikevich (2004) IEEE TNN 15:1063, <c>figure1.m</c>; DESIGN.md, "Numerics".
/// </remarks>
public readonly struct PaperScheme : IScheme
{
    /// <summary>The value <c>figure1.m</c> records at a spike, mV.</summary>
    public const double RecordedPeakMv = 30.0;

    /// <inheritdoc />
    public static string Name => "paper";

    /// <inheritdoc />
    /// <remarks><see cref="StepConstants.Decay"/> is unused (0): τ·a is formed inside the step, as the MATLAB code does.</remarks>
    public static StepConstants Prepare(in IzhikevichParameters parameters, double dtMs, double capacitanceUfPerCm2) =>
        new(parameters, dtMs, capacitanceUfPerCm2, 0.0);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static StepOutcome Step(in StepConstants constants, IzhikevichState state, double inputUaPerCm2) =>
        StepVariant(IzhikevichVariant.Standard(constants.Parameters), constants.DtMs, state, inputUaPerCm2 / constants.CapacitanceUfPerCm2);

    /// <summary>One step of a published model variant (quadratic coefficients, recovery equation) with Izhikevich's I.</summary>
    /// <param name="model">The model variant.</param>
    /// <param name="tauMs">Step τ, ms.</param>
    /// <param name="state">State before the step.</param>
    /// <param name="input">Izhikevich's dimensionless I (mV/ms).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static StepOutcome StepVariant(in IzhikevichVariant model, double tauMs, IzhikevichState state, double input)
    {
        var p = model.Cell;
        double v = state.V + (tauMs * (model.Drive(state.V, state.U) + input));
        double tauA = tauMs * p.A;
        double u = model.Recovery == RecoveryForm.Accommodation
            ? state.U + (tauA * (p.B * (v - IzhikevichVariant.AccommodationRestMv)))
            : state.U + (tauA * ((p.B * v) - state.U));
        return v > Izhikevich.PeakMv
            ? new StepOutcome(new IzhikevichState(p.C, u + p.D), true)
            : new StepOutcome(new IzhikevichState(v, u), false);
    }
}

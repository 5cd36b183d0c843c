using System.Runtime.CompilerServices;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Core.Models;

/// <summary>The 2007 model stepped by forward Euler, as in the book's MATLAB code (<c>izhi2007</c>, Izhikevich 2007, ch. 8).</summary>
/// <remarks>
/// One step of size dt from (v, u) with input I (pA), both updates from the <b>old</b> values, in the book's order:
/// <c>v' = v + (dt·((k·(v − vr))·(v − vt) − u + I))/C</c>, <c>u' = u + (dt·a)·(b·(v − vr) − u)</c>; then
/// <c>v' ≥ vpeak</c> → <c>v' = c</c>, <c>u' = u' + d</c>, with the preset's <see cref="CellRule2007"/>. This is the
/// <see cref="ForwardEulerScheme"/> update order (NEST's <c>consistent_integration</c>) applied to the 2007 model.
/// The state after step k and a spike of step k are labelled <c>(k+1)·dt</c>; the trace keeps v after the reset
/// (the book's code also overwrites the previous sample with vpeak for display; NeuroFold does not rewrite history).
/// </remarks>
public static class Izhikevich2007
{
    /// <summary>Below this potential the fast-spiking cell's <c>U(v)</c> is 0, mV.</summary>
    public const double FastSpikingVbMv = -55.0;

    /// <summary>The cap on u of the low-threshold spiking cell, pA.</summary>
    public const double LowThresholdUMax = 670.0;

    /// <summary>Potential above which the thalamic cells switch b, mV.</summary>
    public const double ThalamicSwitchMv = -65.0;

    /// <summary>The book's initial state: <c>v = vr</c>, <c>u = 0</c>.</summary>
    public static IzhikevichState Initial(in Izhikevich2007Parameters p) => new(p.VrMv, 0.0);

    /// <summary>One forward-Euler step with input <paramref name="inputPa"/> (pA).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static StepOutcome Step(in Izhikevich2007Parameters p, double dtMs, IzhikevichState state, double inputPa)
    {
        double v0 = state.V;
        double u0 = state.U;
        double v = v0 + ((dtMs * ((((p.K * (v0 - p.VrMv)) * (v0 - p.VtMv)) - u0) + inputPa)) / p.CapacitancePf);
        double target = p.Rule switch
        {
            CellRule2007.FastSpiking => v0 < FastSpikingVbMv ? 0.0 : 0.025 * Cube(v0 - FastSpikingVbMv),
            CellRule2007.ThalamoCortical => (v0 > ThalamicSwitchMv ? 0.0 : p.B) * (v0 - p.VrMv),
            CellRule2007.ReticularThalamic => (v0 > ThalamicSwitchMv ? 2.0 : p.B) * (v0 - p.VrMv),
            _ => p.B * (v0 - p.VrMv),
        };
        double u = u0 + ((dtMs * p.A) * (target - u0));
        return p.Rule switch
        {
            CellRule2007.FastSpiking => v >= p.VPeakMv
                ? new StepOutcome(new IzhikevichState(p.C, u), true)
                : new StepOutcome(new IzhikevichState(v, u), false),
            CellRule2007.LowThresholdSpiking => v >= p.VPeakMv - (0.1 * u)
                ? new StepOutcome(new IzhikevichState(p.C + (0.04 * u), Math.Min(u + p.D, LowThresholdUMax)), true)
                : new StepOutcome(new IzhikevichState(v, u), false),
            _ => v >= p.VPeakMv
                ? new StepOutcome(new IzhikevichState(p.C, u + p.D), true)
                : new StepOutcome(new IzhikevichState(v, u), false),
        };
    }

    /// <summary>Runs the 2007 model over <paramref name="grid"/> with one input value (pA) per step.</summary>
    /// <returns>Trace (row 0 = initial state at t = 0, then one row per step at <c>(k+1)·dt</c>), spikes and status.</returns>
    public static SimulationResult Run(in Izhikevich2007Parameters p, IzhikevichState initial, TimeGrid grid, ReadOnlySpan<double> inputPa, Recording recording)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return Simulation.Simulation.Fold(new Stepper(p, grid.DtMs), initial, grid, inputPa, recording);
    }

    /// <summary>The 2007 step with its parameters and dt, for the shared fold.</summary>
    readonly struct Stepper(Izhikevich2007Parameters p, double dtMs) : IStepper
    {
        public StepOutcome Step(IzhikevichState state, double input) => Izhikevich2007.Step(p, dtMs, state, input);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static double Cube(double x) => (x * x) * x;
}

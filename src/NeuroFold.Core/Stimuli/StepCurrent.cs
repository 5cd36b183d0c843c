using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Validation;

namespace NeuroFold.Core.Stimuli;

/// <summary>Jaxley's <c>step_current</c>: a constant amplitude on a window of steps, zero elsewhere.</summary>
/// <remarks>
/// The amplitude is applied on steps <c>[int(delay/dt), int((delay+duration)/dt))</c>, with Python's <c>int()</c>
/// (truncation toward zero) of the float quotient, exactly as <c>jx.step_current(delay, dur, amp, dt, t_max)</c>
/// builds its array; steps past the grid are dropped.
/// </remarks>
public sealed record StepCurrent : Stimulus
{
    internal StepCurrent(double delayMs, double durationMs, double amplitudeUaPerCm2)
    {
        DelayMs = delayMs;
        DurationMs = durationMs;
        AmplitudeUaPerCm2 = amplitudeUaPerCm2;
    }

    /// <summary>Onset, ms (≥ 0).</summary>
    public double DelayMs { get; }

    /// <summary>Duration, ms (≥ 0).</summary>
    public double DurationMs { get; }

    /// <summary>Current density during the window, µA/cm².</summary>
    public double AmplitudeUaPerCm2 { get; }

    /// <summary>Validates raw values; every offending field is reported.</summary>
    public static Validation<Error, StepCurrent> Create(double delayMs, double durationMs, double amplitudeUaPerCm2) =>
        (Checks.NonNegative("step delay", delayMs), Checks.NonNegative("step duration", durationMs), Checks.Finite("step amplitude", amplitudeUaPerCm2))
        .Apply((d, w, a) => new StepCurrent(d, w, a));

    /// <summary>The first step index of the window, <c>int(delay/dt)</c>.</summary>
    public long FirstStep(double dtMs) => Truncate(DelayMs / dtMs);

    /// <summary>One past the last step index of the window, <c>int((delay+duration)/dt)</c>.</summary>
    public long EndStep(double dtMs) => Truncate((DelayMs + DurationMs) / dtMs);

    static long Truncate(double x) => x >= long.MaxValue ? long.MaxValue : (long)Math.Truncate(x);

    internal override void AddTo(Span<double> currents, TimeGrid grid, int firstStep)
    {
        long start = Math.Max(firstStep, FirstStep(grid.DtMs));
        long end = Math.Min((long)firstStep + currents.Length, EndStep(grid.DtMs));
        for (long k = start; k < end; k++)
        {
            currents[(int)(k - firstStep)] += AmplitudeUaPerCm2;
        }
    }
}

using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Validation;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Stimuli;

/// <summary>The steps of a run: a step size, a number of steps and how each step's state is labelled in time.</summary>
/// <remarks>
/// Made only by its factories, which keep the number of steps and the labels consistent with the published program:
/// <see cref="Create(double, double)"/> is Jaxley's grid (<c>jx.integrate(t_max=…)</c> runs <c>⌊t_max / dt⌋ + 1</c> steps, the floor
/// taken with Python's float floor division, so <c>200 // 0.1 == 1999.0</c> and a 200 ms run at dt = 0.1 ms has 2000
/// steps and 2001 trace rows); <see cref="MatlabColon"/> is <c>figure1.m</c>'s <c>tspan = 0:dt:t_max</c>;
/// <see cref="FromSteps"/> is an exact number of steps.
/// </remarks>
public sealed record TimeGrid
{
    /// <summary>The largest number of steps a grid may have.</summary>
    public const int MaxSteps = 500_000_000;

    readonly double lastColonLabelMs;

    TimeGrid(double dtMs, int steps, TimeLabels labels, double lastColonLabelMs)
    {
        DtMs = dtMs;
        Steps = steps;
        Labels = labels;
        this.lastColonLabelMs = lastColonLabelMs;
    }

    /// <summary>Step size, ms.</summary>
    public double DtMs { get; }

    /// <summary>Number of steps.</summary>
    public int Steps { get; }

    /// <summary>How the state after each step is labelled.</summary>
    public TimeLabels Labels { get; }

    /// <summary>Simulated time of the run, <c>Steps·dt</c>, ms (what rates refer to).</summary>
    public double DurationMs => Steps * DtMs;

    /// <summary>Jaxley's grid for <c>jx.integrate(t_max=tMaxMs)</c> with step <paramref name="dtMs"/>; reports every problem.</summary>
    public static Validation<Error, TimeGrid> Create(double dtMs, double tMaxMs) =>
        Inputs(dtMs, tMaxMs).Bind(x => Bounded(PythonFloorDiv(x.Tmax, x.Dt) + 1.0, n => new TimeGrid(x.Dt, n, TimeLabels.AfterStep, 0.0)));

    /// <summary>The grid of MATLAB's <c>0:dt:t_max</c>: one step per element, labelled with the element (<c>figure1.m</c>).</summary>
    public static Validation<Error, TimeGrid> MatlabColon(double dtMs, double tMaxMs) =>
        Inputs(dtMs, tMaxMs).Bind(x =>
        {
            long intervals = Stimuli.MatlabColon.Intervals(0.0, x.Dt, x.Tmax);
            return Bounded(intervals + 1.0, n => new TimeGrid(x.Dt, n, TimeLabels.MatlabColon, Stimuli.MatlabColon.Last(0.0, x.Dt, x.Tmax, intervals)));
        });

    /// <summary>The grid with the given labels for a run of <paramref name="tMaxMs"/>.</summary>
    public static Validation<Error, TimeGrid> Create(TimeLabels labels, double dtMs, double tMaxMs) =>
        labels == TimeLabels.MatlabColon ? MatlabColon(dtMs, tMaxMs) : Create(dtMs, tMaxMs);

    /// <summary>Exactly <paramref name="steps"/> steps of <paramref name="dtMs"/>, labelled <c>(k+1)·dt</c> (for tests, benchmarks and resumed runs).</summary>
    public static Validation<Error, TimeGrid> FromSteps(double dtMs, int steps) =>
        (Checks.Positive("dt", dtMs),
         steps >= 0 && steps <= MaxSteps
            ? Success<Error, int>(steps)
            : Fail<Error, int>(Error.New($"steps must be a whole number in 0..{MaxSteps}, got {steps}")))
        .Apply((dt, n) => new TimeGrid(dt, n, TimeLabels.AfterStep, 0.0));

    /// <summary>The time label of the state after step <paramref name="step"/> (0-based), ms.</summary>
    /// <remarks><c>(k+1)·dt</c>, or element k of <c>0:dt:t_max</c> for a <see cref="TimeLabels.MatlabColon"/> grid.</remarks>
    public double TimeAfterStep(int step) =>
        Labels == TimeLabels.MatlabColon
            ? Stimuli.MatlabColon.Element(0.0, DtMs, lastColonLabelMs, Steps - 1L, step)
            : (step + 1) * DtMs;

    static Validation<Error, (double Dt, double Tmax)> Inputs(double dtMs, double tMaxMs) =>
        (Checks.Positive("dt", dtMs), Checks.NonNegative("t_max", tMaxMs)).Apply((dt, t) => (dt, t));

    static Validation<Error, TimeGrid> Bounded(double steps, Func<int, TimeGrid> make) =>
        steps <= MaxSteps
            ? Success<Error, TimeGrid>(make((int)steps))
            : Fail<Error, TimeGrid>(Error.New($"t_max / dt gives {Checks.Show(steps)} steps; at most {MaxSteps} are allowed (raise dt or lower t_max)"));

    /// <summary>Python's <c>a // b</c> for floats, bit for bit (CPython <c>float_floor_div</c>, via <c>fmod</c>).</summary>
    internal static double PythonFloorDiv(double a, double b)
    {
        double mod = a % b; // C# % on doubles is C's fmod: exact, sign of a
        double div = (a - mod) / b;
        if (mod != 0 && ((b < 0) != (mod < 0)))
        {
            div -= 1.0;
        }

        if (div == 0)
        {
            return Math.CopySign(0.0, a / b);
        }

        double floordiv = Math.Floor(div);
        if (div - floordiv > 0.5)
        {
            floordiv += 1.0;
        }

        return floordiv;
    }
}

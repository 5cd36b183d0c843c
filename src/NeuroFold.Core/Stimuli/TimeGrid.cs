using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Validation;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Stimuli;

/// <summary>Jaxley's time grid: a step size and the number of steps a run of length t_max takes.</summary>
/// <remarks>
/// <c>jx.integrate(t_max=…)</c> runs <c>⌊t_max / dt⌋ + 1</c> steps, the floor taken with Python's float floor
/// division (so <c>200 // 0.1 == 1999.0</c> and a 200 ms run at dt = 0.1 ms has 2000 steps and 2001 trace rows).
/// </remarks>
/// <param name="DtMs">Step size, ms.</param>
/// <param name="TMaxMs">Requested run length, ms.</param>
/// <param name="Steps">Number of steps: <c>⌊t_max / dt⌋ + 1</c> with Python semantics.</param>
public sealed record TimeGrid(double DtMs, double TMaxMs, int Steps)
{
    /// <summary>The largest number of steps a grid may have.</summary>
    public const int MaxSteps = 500_000_000;

    /// <summary>Builds the grid of <c>jx.integrate(t_max=tMaxMs)</c> with step <paramref name="dtMs"/>; reports every problem.</summary>
    public static Validation<Error, TimeGrid> Create(double dtMs, double tMaxMs) =>
        (Checks.Positive("dt", dtMs), Checks.NonNegative("t_max", tMaxMs))
        .Apply((dt, t) => (dt, t))
        .Bind(x => FromValid(x.dt, x.t));

    static Validation<Error, TimeGrid> FromValid(double dt, double tMax)
    {
        double floor = PythonFloorDiv(tMax, dt);
        return floor + 1.0 <= MaxSteps
            ? Success<Error, TimeGrid>(new TimeGrid(dt, tMax, (int)floor + 1))
            : Fail<Error, TimeGrid>(Error.New(
                $"t_max / dt gives {Checks.Show(floor + 1.0)} steps; at most {MaxSteps} are allowed (raise dt or lower t_max)"));
    }

    /// <summary>The time label of the state after step <paramref name="step"/> (0-based): <c>(k+1)·dt</c>, ms.</summary>
    public double TimeAfterStep(int step) => (step + 1) * DtMs;

    /// <summary>Python's <c>a // b</c> for floats, bit for bit (CPython <c>float_floor_div</c>, via <c>fmod</c>).</summary>
    public static double PythonFloorDiv(double a, double b)
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

using System.Collections.Immutable;

namespace NeuroFold.Core.Stimuli;

/// <summary>MATLAB's colon operator <c>start:step:stop</c> for doubles, element for element.</summary>
/// <remarks>
/// MATLAB counts <c>n = round((stop − start)/step)</c> intervals, one fewer if <c>start + n·step</c> overshoots stop by
/// more than <c>2·eps·max(|start|, |stop|)</c>; the end point is stop itself when <c>start + n·step</c> is within that
/// tolerance. To keep the vector symmetric it computes the first half as <c>start + k·step</c>, the second half as
/// <c>end − j·step</c> counted from the end, and the middle element of an odd count as <c>(start + end)/2</c>
/// (MathWorks, technical note on the colon operator and its <c>colonop.m</c>). For the published protocols
/// (start 0, τ = 0.1 … 0.5) this agrees with <c>k·τ</c> except in the last bit of some second-half entries.
/// </remarks>
public static class MatlabColon
{
    /// <summary>The number of intervals n (the vector has n + 1 elements) of <c>start:step:stop</c>, step &gt; 0, stop ≥ start.</summary>
    public static long Intervals(double start, double step, double stop)
    {
        double n = Math.Round((stop - start) / step, MidpointRounding.AwayFromZero);
        if (start + (n * step) - stop > Tolerance(start, stop))
        {
            n -= 1;
        }

        return (long)n;
    }

    /// <summary>MATLAB's end-point tolerance <c>2·eps·max(|start|, |stop|)</c>, eps = 2⁻⁵².</summary>
    static double Tolerance(double start, double stop) => 2.0 * Math.ScaleB(1.0, -52) * Math.Max(Math.Abs(start), Math.Abs(stop));

    /// <summary>The elements of <c>start:step:stop</c> (step &gt; 0, stop ≥ start, all finite).</summary>
    public static ImmutableArray<double> Build(double start, double step, double stop)
    {
        if (!(step > 0) || !(stop >= start) || !double.IsFinite(start) || !double.IsFinite(stop))
        {
            throw new ArgumentOutOfRangeException(nameof(step), "MatlabColon.Build needs finite start <= stop and step > 0");
        }

        long n = Intervals(start, step, stop);
        double last = start + (n * step);
        if (last - stop > -Tolerance(start, stop))
        {
            last = stop;
        }

        var values = new double[n + 1];
        for (long k = 0; k <= n / 2; k++)
        {
            values[k] = start + (k * step);
            values[n - k] = last - (k * step);
        }

        if (n % 2 == 0)
        {
            values[n / 2] = (start + last) / 2;
        }

        return ImmutableArray.Create(values);
    }
}

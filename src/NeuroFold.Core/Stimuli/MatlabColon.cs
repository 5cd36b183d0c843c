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
internal static class MatlabColon
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

    /// <summary>The last element of <c>start:step:stop</c> with <paramref name="intervals"/> intervals: stop itself when within MATLAB's tolerance.</summary>
    public static double Last(double start, double step, double stop, long intervals)
    {
        double last = start + (intervals * step);
        return last - stop > -Tolerance(start, stop) ? stop : last;
    }

    /// <summary>Element <paramref name="index"/> of the vector of <paramref name="intervals"/> intervals from start to <paramref name="last"/>.</summary>
    public static double Element(double start, double step, double last, long intervals, long index) =>
        intervals % 2 == 0 && index == intervals / 2 ? (start + last) / 2
        : index <= intervals / 2 ? start + (index * step)
        : last - ((intervals - index) * step);

    /// <summary>The elements of <c>start:step:stop</c> (step &gt; 0, stop ≥ start, all finite).</summary>
    public static ImmutableArray<double> Build(double start, double step, double stop)
    {
        if (!(step > 0) || !(stop >= start) || !double.IsFinite(start) || !double.IsFinite(stop))
        {
            throw new ArgumentOutOfRangeException(nameof(step), "MatlabColon.Build needs finite start <= stop and step > 0");
        }

        long n = Intervals(start, step, stop);
        double last = Last(start, step, stop, n);
        var values = new double[n + 1];
        for (long k = 0; k <= n; k++)
        {
            values[k] = Element(start, step, last, n, k);
        }

        return ImmutableArray.Create(values);
    }

    /// <summary>MATLAB's end-point tolerance <c>2·eps·max(|start|, |stop|)</c>, eps = 2⁻⁵².</summary>
    static double Tolerance(double start, double stop) => 2.0 * Math.ScaleB(1.0, -52) * Math.Max(Math.Abs(start), Math.Abs(stop));
}

using System.Collections.Immutable;
using NeuroFold.Core.Models;

namespace NeuroFold.Testing;

/// <summary>Shrinking towards simple cases inside physical ranges: the candidates FsCheck tries after a failure.</summary>
/// <remarks>
/// Every candidate lies in its range and is strictly simpler than the value it replaces (closer to the range's simple
/// value, shorter, or rounder), so a shrink always ends, after a few dozen steps at most.
/// </remarks>
internal static class Shrink
{
    /// <summary>Candidates for <paramref name="x"/> in [<paramref name="lo"/>, <paramref name="hi"/>], each strictly closer to <paramref name="target"/>: the target itself, rounder numbers, then halfway.</summary>
    public static IEnumerable<double> Towards(double x, double target, double lo, double hi)
    {
        double distance = Math.Abs(x - target);
        if (!(distance > 0))
        {
            yield break;
        }

        yield return target;
        for (int digits = 0; digits <= 3; digits++)
        {
            double r = Math.Round(x, digits);
            if (r >= lo && r <= hi && Math.Abs(r - target) < distance && r != x && r != target)
            {
                yield return r;
            }
        }

        double half = target + ((x - target) / 2);
        if (Math.Abs(half - target) >= (hi - lo) * 1e-6 && half != x)
        {
            yield return half;
        }
    }

    /// <summary>Shorter arrays first (empty, first half, all but the last), then every element at <paramref name="simple"/>, then one element at a time.</summary>
    public static IEnumerable<ImmutableArray<double>> Array(ImmutableArray<double> xs, double simple)
    {
        int n = xs.Length;
        if (n == 0)
        {
            yield break;
        }

        yield return [];
        if (n > 2)
        {
            yield return xs[..(n / 2)];
        }

        if (n > 1)
        {
            yield return xs[..(n - 1)];
        }

        bool allSimple = true;
        foreach (double x in xs)
        {
            allSimple &= x == simple;
        }

        if (allSimple)
        {
            yield break;
        }

        var flat = new double[n];
        System.Array.Fill(flat, simple);
        yield return ImmutableArray.Create(flat);
        for (int i = 0; i < n; i++)
        {
            if (xs[i] != simple)
            {
                yield return xs.SetItem(i, simple);
            }
        }
    }

    /// <summary>Parameters with one field at a time moved towards <paramref name="target"/> inside <paramref name="range"/>; only valid parameters (c below the peak).</summary>
    public static IEnumerable<IzhikevichParameters> Parameters(IzhikevichParameters p, IzhikevichParameters target, ParameterRange range)
    {
        foreach (double a in Towards(p.A, target.A, range.A.Lo, range.A.Hi))
        {
            if (Make(a, p.B, p.C, p.D) is { } q)
            {
                yield return q;
            }
        }

        foreach (double b in Towards(p.B, target.B, range.B.Lo, range.B.Hi))
        {
            if (Make(p.A, b, p.C, p.D) is { } q)
            {
                yield return q;
            }
        }

        foreach (double c in Towards(p.C, target.C, range.C.Lo, range.C.Hi))
        {
            if (Make(p.A, p.B, c, p.D) is { } q)
            {
                yield return q;
            }
        }

        foreach (double d in Towards(p.D, target.D, range.D.Lo, range.D.Hi))
        {
            if (Make(p.A, p.B, p.C, d) is { } q)
            {
                yield return q;
            }
        }
    }

    static IzhikevichParameters? Make(double a, double b, double c, double d) =>
        IzhikevichParameters.Create(a, b, c, d).Match(Succ: p => (IzhikevichParameters?)p, Fail: _ => null);
}

/// <summary>The ranges of the four parameters a generator draws from (each a closed interval).</summary>
internal readonly record struct ParameterRange((double Lo, double Hi) A, (double Lo, double Hi) B, (double Lo, double Hi) C, (double Lo, double Hi) D);

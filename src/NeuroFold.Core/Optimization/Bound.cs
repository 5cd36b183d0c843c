using System.Collections.Immutable;
using NeuroFold.Core.Numerics;

namespace NeuroFold.Core.Optimization;

/// <summary>A box constraint <c>lo &lt; θ &lt; hi</c> as a parameter transform (Jaxley's <c>ParamTransform</c> with a sigmoid): the optimizer moves the unbounded z, the model sees <c>θ = lo + (hi − lo)·σ(z)</c>.</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound (above <paramref name="Lower"/>).</param>
public readonly record struct Bound(double Lower, double Upper)
{
    /// <summary>θ of the unbounded coordinate z.</summary>
    public double Forward(double z) => Lower + ((Upper - Lower) * Sigmoid(z));

    /// <summary>dθ/dz at z.</summary>
    public double Slope(double z)
    {
        double s = Sigmoid(z);
        return (Upper - Lower) * s * (1.0 - s);
    }

    /// <summary>The z of θ (θ strictly inside the bounds; clamped 10⁻¹² of the width away from them).</summary>
    public double Inverse(double theta)
    {
        double width = Upper - Lower;
        double p = Math.Clamp((theta - Lower) / width, 1e-12, 1 - 1e-12);
        return CorrectlyRounded.Log(p / (1.0 - p));
    }

    /// <summary>The argument check every minimiser starts with: one bound per parameter (and at least one parameter when <paramref name="needsOne"/>).</summary>
    internal static void CheckOnePerParameter(ImmutableArray<Bound> bounds, int parameters, bool needsOne = false)
    {
        if (bounds.Length != parameters || (needsOne && parameters == 0))
        {
            throw new ArgumentException($"{bounds.Length} bounds for {parameters} parameters", nameof(bounds));
        }
    }

    /// <summary>θ of each unbounded coordinate: the point a minimiser at <paramref name="z"/> shows its objective.</summary>
    internal static ImmutableArray<double> Forward(ImmutableArray<Bound> bounds, ReadOnlySpan<double> z)
    {
        var theta = new double[z.Length];
        for (int j = 0; j < z.Length; j++)
        {
            theta[j] = bounds[j].Forward(z[j]);
        }

        return ImmutableArray.Create(theta);
    }

    static double Sigmoid(double z) =>
        z >= 0 ? 1.0 / (1.0 + CorrectlyRounded.Exp(-z)) : CorrectlyRounded.Exp(z) / (1.0 + CorrectlyRounded.Exp(z));
}

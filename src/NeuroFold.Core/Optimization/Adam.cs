using System.Collections.Immutable;

namespace NeuroFold.Core.Optimization;

/// <summary>Adam over bounded parameters: each θ_j moves through its <see cref="Bound"/>'s unbounded coordinate, so every point tried lies inside the box.</summary>
/// <remarks>
/// With <c>g_z = g_θ·dθ/dz</c>: <c>m ← β₁m + (1 − β₁)g</c>, <c>v ← β₂v + (1 − β₂)g²</c>,
/// <c>z ← z − α·(m/(1 − β₁ᵗ))/(√(v/(1 − β₂ᵗ)) + ε)</c>. Deterministic: the same objective and start give the same bits.
/// A non-finite loss or gradient ends the run (the best point with a finite loss so far is returned, the point of that last evaluation included when its loss is finite).
/// </remarks>
public static class Adam
{
    /// <summary>Minimises <paramref name="objective"/> (loss and gradient in the model's coordinates) from <paramref name="start"/>.</summary>
    public static OptimizationResult Minimize(
        Func<ImmutableArray<double>, (double Loss, ImmutableArray<double> Gradient)> objective, ImmutableArray<double> start, ImmutableArray<Bound> bounds, AdamOptions options)
    {
        ArgumentNullException.ThrowIfNull(objective);
        int n = start.Length;
        Bound.CheckOnePerParameter(bounds, n);

        var z = new double[n];
        for (int j = 0; j < n; j++)
        {
            z[j] = bounds[j].Inverse(start[j]);
        }

        var m = new double[n];
        var v = new double[n];
        var curve = ImmutableArray.CreateBuilder<double>(options.Iterations);
        var best = start;
        double bestLoss = double.PositiveInfinity;
        double b1 = 1, b2 = 1;
        for (int t = 1; t <= options.Iterations; t++)
        {
            var theta = Bound.Forward(bounds, z);
            var (loss, g) = objective(theta);
            curve.Add(loss);
            if (double.IsFinite(loss) && loss < bestLoss)
            {
                bestLoss = loss;
                best = theta;
            }

            if (!double.IsFinite(loss) || !AllFinite(g))
            {
                break;
            }

            b1 *= options.Beta1;
            b2 *= options.Beta2;
            for (int j = 0; j < n; j++)
            {
                double gz = g[j] * bounds[j].Slope(z[j]);
                m[j] = (options.Beta1 * m[j]) + ((1 - options.Beta1) * gz);
                v[j] = (options.Beta2 * v[j]) + ((1 - options.Beta2) * gz * gz);
                z[j] -= options.LearningRate * (m[j] / (1 - b1)) / (Math.Sqrt(v[j] / (1 - b2)) + options.Epsilon);
            }
        }

        return new OptimizationResult(best, bestLoss, curve.ToImmutable(), curve.Count);
    }

    static bool AllFinite(ImmutableArray<double> g)
    {
        foreach (double x in g)
        {
            if (!double.IsFinite(x))
            {
                return false;
            }
        }

        return true;
    }
}

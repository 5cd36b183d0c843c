using System.Collections.Immutable;

namespace NeuroFold.Core.Optimization;

/// <summary>L-BFGS (Nocedal &amp; Wright 2006, algorithms 7.4, 3.5 and 3.6) over bounded parameters: each θ_j moves through its <see cref="Bound"/>'s unbounded coordinate z, so every point tried lies inside the box (the bounds of L-BFGS-B as a parameter transform, as Jaxley's <c>ParamTransform</c>).</summary>
/// <remarks>
/// The search direction is the two-loop recursion over the last <see cref="LbfgsOptions.Memory"/> pairs (s, y) with
/// <c>H₀ = (sᵀy/yᵀy)·I</c>; the step satisfies the strong Wolfe conditions (bracketing, then bisection of the bracket).
/// A non-finite loss or gradient at a trial step counts as "too far" and halves the step. A pair with <c>sᵀy ≤ 10⁻¹²·|s||y|</c> is skipped,
/// and a direction that does not descend restarts from the steepest descent. Deterministic: the same objective and start give the same bits.
/// </remarks>
public static class Lbfgs
{
    /// <summary>Minimises <paramref name="objective"/> (loss and gradient in the model's coordinates) from <paramref name="start"/>, using at most <see cref="LbfgsOptions.Evaluations"/> evaluations.</summary>
    public static OptimizationResult Minimize(
        Func<ImmutableArray<double>, (double Loss, ImmutableArray<double> Gradient)> objective, ImmutableArray<double> start, ImmutableArray<Bound> bounds, LbfgsOptions options)
    {
        ArgumentNullException.ThrowIfNull(objective);
        int n = start.Length;
        Bound.CheckOnePerParameter(bounds, n);

        var state = new Search(objective, bounds, options.Evaluations);
        var z = new double[n];
        for (int j = 0; j < n; j++)
        {
            z[j] = bounds[j].Inverse(start[j]);
        }

        var (f, g) = state.Evaluate(z);
        if (!double.IsFinite(f) || !AllFinite(g))
        {
            return state.Result(start);
        }

        var s = new List<double[]>();
        var y = new List<double[]>();
        var direction = new double[n];
        var alpha = new double[options.Memory];
        double step = 1.0 / Math.Max(1.0, Norm(g));
        while (state.Left > 0)
        {
            // two-loop recursion: direction = −H·g
            Array.Copy(g, direction, n);
            for (int i = s.Count - 1; i >= 0; i--)
            {
                alpha[i] = Dot(s[i], direction) / Dot(y[i], s[i]);
                Axpy(-alpha[i], y[i], direction);
            }

            if (s.Count > 0)
            {
                double gamma = Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]);
                for (int j = 0; j < n; j++)
                {
                    direction[j] *= gamma;
                }
            }

            for (int i = 0; i < s.Count; i++)
            {
                double beta = Dot(y[i], direction) / Dot(y[i], s[i]);
                Axpy(alpha[i] - beta, s[i], direction);
            }

            for (int j = 0; j < n; j++)
            {
                direction[j] = -direction[j];
            }

            double slope = Dot(g, direction);
            if (!(slope < 0))
            {
                s.Clear();
                y.Clear();
                for (int j = 0; j < n; j++)
                {
                    direction[j] = -g[j];
                }

                slope = Dot(g, direction);
                step = 1.0 / Math.Max(1.0, Norm(g));
                if (!(slope < 0))
                {
                    break; // a zero gradient: a stationary point
                }
            }

            var found = state.LineSearch(z, f, slope, direction, s.Count == 0 ? step : 1.0, options);
            if (found is not { } x)
            {
                break;
            }

            var sk = new double[n];
            var yk = new double[n];
            for (int j = 0; j < n; j++)
            {
                sk[j] = x.Z[j] - z[j];
                yk[j] = x.G[j] - g[j];
            }

            double sy = Dot(sk, yk);
            if (sy > 1e-12 * Norm(sk) * Norm(yk))
            {
                if (s.Count == options.Memory)
                {
                    s.RemoveAt(0);
                    y.RemoveAt(0);
                }

                s.Add(sk);
                y.Add(yk);
            }

            bool converged = Math.Abs(f - x.F) <= options.Tolerance * Math.Max(1.0, Math.Abs(f));
            z = x.Z;
            f = x.F;
            g = x.G;
            if (converged)
            {
                break;
            }
        }

        return state.Result(start);
    }

    static bool AllFinite(double[] g)
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

    static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int j = 0; j < a.Length; j++)
        {
            s += a[j] * b[j];
        }

        return s;
    }

    static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    static void Axpy(double a, double[] x, double[] y)
    {
        for (int j = 0; j < x.Length; j++)
        {
            y[j] += a * x[j];
        }
    }

    /// <summary>The objective in z, with the evaluation budget, the loss curve and the best point seen.</summary>
    sealed class Search(Func<ImmutableArray<double>, (double Loss, ImmutableArray<double> Gradient)> objective, ImmutableArray<Bound> bounds, int budget)
    {
        readonly ImmutableArray<double>.Builder curve = ImmutableArray.CreateBuilder<double>();
        ImmutableArray<double> best;
        double bestLoss = double.PositiveInfinity;

        public int Left => budget - curve.Count;

        public (double F, double[] G) Evaluate(double[] z)
        {
            var point = Bound.Forward(bounds, z);
            var (loss, gradient) = objective(point);
            curve.Add(loss);
            var gz = new double[z.Length];
            for (int j = 0; j < z.Length; j++)
            {
                gz[j] = gradient.Length == z.Length ? gradient[j] * bounds[j].Slope(z[j]) : double.NaN;
            }

            if (double.IsFinite(loss) && loss < bestLoss)
            {
                bestLoss = loss;
                best = point;
            }

            return (loss, gz);
        }

        public OptimizationResult Result(ImmutableArray<double> start) => new(best.IsDefault ? start : best, bestLoss, curve.ToImmutable(), curve.Count);

        /// <summary>A step along <paramref name="d"/> meeting the strong Wolfe conditions (or the best decrease found when the budget ends), or null.</summary>
        public (double[] Z, double F, double[] G)? LineSearch(double[] z, double f0, double slope0, double[] d, double initial, LbfgsOptions o)
        {
            double lo = 0, hi = double.PositiveInfinity, a = initial;
            double fLo = f0;
            (double[] Z, double F, double[] G)? decrease = null;
            for (int trial = 0; trial < 40 && Left > 0; trial++)
            {
                var x = new double[z.Length];
                for (int j = 0; j < z.Length; j++)
                {
                    x[j] = z[j] + (a * d[j]);
                }

                var (fa, ga) = Evaluate(x);
                if (!double.IsFinite(fa) || !AllFinite(ga) || fa > f0 + (o.C1 * a * slope0) || (fa >= fLo && lo > 0))
                {
                    hi = a; // too far
                }
                else
                {
                    double slope = Dot(ga, d);
                    if (decrease is not { } previous || fa < previous.F)
                    {
                        decrease = (x, fa, ga);
                    }

                    if (Math.Abs(slope) <= -o.C2 * slope0)
                    {
                        return (x, fa, ga);
                    }

                    if (slope >= 0)
                    {
                        hi = a;
                    }
                    else
                    {
                        lo = a;
                        fLo = fa;
                    }
                }

                a = double.IsPositiveInfinity(hi) ? 2 * a : 0.5 * (lo + hi);
            }

            return decrease;
        }
    }
}

/// <summary>L-BFGS settings.</summary>
/// <param name="Evaluations">The most loss-and-gradient evaluations (line-search trials included).</param>
/// <param name="Memory">Pairs (s, y) kept.</param>
/// <param name="C1">Sufficient decrease (Armijo) constant.</param>
/// <param name="C2">Curvature constant of the strong Wolfe conditions.</param>
/// <param name="Tolerance">Stop when an iteration changes the loss by less than this, relative.</param>
public readonly record struct LbfgsOptions(int Evaluations, int Memory = 10, double C1 = 1e-4, double C2 = 0.9, double Tolerance = 1e-12);

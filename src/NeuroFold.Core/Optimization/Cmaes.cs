using System.Collections.Immutable;
using NeuroFold.Core.Numerics;
using NeuroFold.Core.Random;

namespace NeuroFold.Core.Optimization;

/// <summary>CMA-ES (Hansen 2016, "The CMA Evolution Strategy: A Tutorial", the (μ/μ_w, λ) form with rank-one and rank-μ updates): a gradient-free global minimiser over bounded parameters.</summary>
/// <remarks>
/// The strategy moves the unbounded coordinates z of each parameter's <see cref="Bound"/> (so every point tried lies inside
/// the box). Candidate k of generation g is <c>z = m + σ·B·D·ξ</c> with <c>ξ_j = CounterRandom.Normal(seed, stream, (g·λ + k)·n + j)</c>,
/// so a run is a pure function of its objective, start, seed and stream. The objective takes a whole generation at once
/// (the caller may evaluate it in parallel); ranks break ties by candidate index. The eigen-decomposition of C is the
/// cyclic Jacobi method (plain arithmetic, a fixed sweep order), so the same inputs give the same bits on every machine.
/// A non-finite loss ranks last.
/// </remarks>
public static class Cmaes
{
    /// <summary>Minimises <paramref name="objective"/> (one loss per candidate of a generation, in the model's coordinates) from <paramref name="start"/>.</summary>
    /// <param name="objective">The losses of a generation's candidates (each a point in the model's coordinates).</param>
    /// <param name="start">The initial mean, inside the bounds.</param>
    /// <param name="bounds">One box per parameter.</param>
    /// <param name="options">Population, step size, generations, seed and stream.</param>
    /// <param name="generationDone">Called after each generation with (generation, best loss so far, best point so far).</param>
    public static CmaesResult Minimize(
        Func<ImmutableArray<ImmutableArray<double>>, double[]> objective, ImmutableArray<double> start, ImmutableArray<Bound> bounds, CmaesOptions options,
        Action<int, double, ImmutableArray<double>>? generationDone = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        int n = start.Length;
        Bound.CheckOnePerParameter(bounds, n, needsOne: true);

        int lambda = options.Population > 0 ? options.Population : DefaultPopulation(n);
        if (lambda < 2)
        {
            throw new ArgumentException("the population must be at least 2", nameof(options));
        }

        int mu = lambda / 2;
        var w = new double[mu];
        double wsum = 0;
        for (int i = 0; i < mu; i++)
        {
            w[i] = CorrectlyRounded.Log(mu + 0.5) - CorrectlyRounded.Log(i + 1.0);
            wsum += w[i];
        }

        double w2 = 0;
        for (int i = 0; i < mu; i++)
        {
            w[i] /= wsum;
            w2 += w[i] * w[i];
        }

        double muEff = 1.0 / w2;
        double cs = (muEff + 2) / (n + muEff + 5);
        double ds = 1 + (2 * Math.Max(0, Math.Sqrt((muEff - 1) / (n + 1)) - 1)) + cs;
        double cc = (4 + (muEff / n)) / (n + 4 + (2 * muEff / n));
        double c1 = 2 / (((n + 1.3) * (n + 1.3)) + muEff);
        double cmu = Math.Min(1 - c1, 2 * (muEff - 2 + (1 / muEff)) / (((n + 2) * (n + 2)) + muEff));
        double chiN = Math.Sqrt(n) * (1 - (1.0 / (4 * n)) + (1.0 / (21.0 * n * n)));

        var m = new double[n];
        for (int j = 0; j < n; j++)
        {
            m[j] = bounds[j].Inverse(start[j]);
        }

        double sigma = options.Sigma;
        var c = Identity(n);
        var b = Identity(n);
        var d = new double[n];
        Array.Fill(d, 1.0);
        var ps = new double[n];
        var pc = new double[n];
        var xi = new double[lambda][];
        var y = new double[lambda][];
        var z = new double[lambda][];
        for (int k = 0; k < lambda; k++)
        {
            xi[k] = new double[n];
            y[k] = new double[n];
            z[k] = new double[n];
        }

        var best = start;
        double bestLoss = double.PositiveInfinity;
        var curve = ImmutableArray.CreateBuilder<double>(options.Generations);
        var means = ImmutableArray.CreateBuilder<ImmutableArray<double>>(options.Generations);
        int evaluations = 0;
        var order = new int[lambda];
        var yw = new double[n];
        var tmp = new double[n];
        for (int g = 0; g < options.Generations; g++)
        {
            var candidates = ImmutableArray.CreateBuilder<ImmutableArray<double>>(lambda);
            for (int k = 0; k < lambda; k++)
            {
                long baseIndex = ((long)g * lambda + k) * n;
                for (int j = 0; j < n; j++)
                {
                    xi[k][j] = CounterRandom.Normal(options.Seed, options.Stream, baseIndex + j);
                }

                for (int i = 0; i < n; i++)
                {
                    double s = 0;
                    for (int j = 0; j < n; j++)
                    {
                        s += b[i, j] * d[j] * xi[k][j];
                    }

                    y[k][i] = s;
                    z[k][i] = m[i] + (sigma * s);
                }

                candidates.Add(Bound.Forward(bounds, z[k]));
            }

            var points = candidates.MoveToImmutable();
            var losses = objective(points);
            if (losses.Length != lambda)
            {
                throw new InvalidOperationException($"the objective returned {losses.Length} losses for {lambda} candidates");
            }

            evaluations += lambda;
            for (int k = 0; k < lambda; k++)
            {
                order[k] = k;
                if (double.IsFinite(losses[k]) && losses[k] < bestLoss)
                {
                    bestLoss = losses[k];
                    best = points[k];
                }
            }

            // insertion sort by loss, non-finite last, ties by index: a total, deterministic order
            for (int i = 1; i < lambda; i++)
            {
                int key = order[i];
                int p = i - 1;
                while (p >= 0 && Before(losses, key, order[p]))
                {
                    order[p + 1] = order[p];
                    p--;
                }

                order[p + 1] = key;
            }

            curve.Add(bestLoss);

            // mean
            Array.Clear(yw);
            for (int i = 0; i < mu; i++)
            {
                var yi = y[order[i]];
                for (int j = 0; j < n; j++)
                {
                    yw[j] += w[i] * yi[j];
                }
            }

            for (int j = 0; j < n; j++)
            {
                m[j] += sigma * yw[j];
            }

            means.Add(Bound.Forward(bounds, m));

            // p_σ with C^(-1/2)·y_w = B·D⁻¹·Bᵀ·y_w
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int j = 0; j < n; j++)
                {
                    s += b[j, i] * yw[j];
                }

                tmp[i] = s / d[i];
            }

            double csFactor = Math.Sqrt(cs * (2 - cs) * muEff);
            double psNorm2 = 0;
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int j = 0; j < n; j++)
                {
                    s += b[i, j] * tmp[j];
                }

                ps[i] = ((1 - cs) * ps[i]) + (csFactor * s);
                psNorm2 += ps[i] * ps[i];
            }

            double psNorm = Math.Sqrt(psNorm2);
            double decay = 1 - Power(1 - cs, 2 * (g + 1));
            bool hs = psNorm / Math.Sqrt(decay) < (1.4 + (2.0 / (n + 1))) * chiN;
            double ccFactor = Math.Sqrt(cc * (2 - cc) * muEff);
            for (int i = 0; i < n; i++)
            {
                pc[i] = ((1 - cc) * pc[i]) + (hs ? ccFactor * yw[i] : 0.0);
            }

            double keep = 1 - c1 - cmu + (hs ? 0.0 : c1 * cc * (2 - cc));
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    double rankMu = 0;
                    for (int r = 0; r < mu; r++)
                    {
                        var yr = y[order[r]];
                        rankMu += w[r] * yr[i] * yr[j];
                    }

                    double value = (keep * c[i, j]) + (c1 * pc[i] * pc[j]) + (cmu * rankMu);
                    c[i, j] = value;
                    c[j, i] = value;
                }
            }

            sigma *= CorrectlyRounded.Exp(Math.Min(1.0, (cs / ds) * ((psNorm / chiN) - 1)));
            Eigen(c, b, d);
            generationDone?.Invoke(g, bestLoss, best);
            if (sigma * Max(d) < options.Tolerance)
            {
                break;
            }
        }

        return new CmaesResult(best, bestLoss, curve.ToImmutable(), means.ToImmutable(), evaluations, lambda);
    }

    /// <summary>The default population, <c>4 + ⌊3·ln n⌋</c>.</summary>
    public static int DefaultPopulation(int dimensions) => 4 + (int)Math.Floor(3 * CorrectlyRounded.Log(dimensions));

    static bool Before(double[] losses, int a, int b)
    {
        double x = losses[a], y = losses[b];
        bool fx = double.IsFinite(x), fy = double.IsFinite(y);
        if (fx != fy)
        {
            return fx;
        }

        return fx ? x < y || (x == y && a < b) : a < b;
    }

    static double Power(double x, int k)
    {
        double r = 1;
        for (int i = 0; i < k && r > 0; i++)
        {
            r *= x;
        }

        return r;
    }

    static double Max(double[] x)
    {
        double m = x[0];
        foreach (double v in x)
        {
            m = Math.Max(m, v);
        }

        return m;
    }

    static double[,] Identity(int n)
    {
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            a[i, i] = 1;
        }

        return a;
    }

    /// <summary>Cyclic Jacobi: <c>C = B·diag(d²)·Bᵀ</c>; <paramref name="d"/> receives the square roots of the eigenvalues (floored at 10⁻²⁰).</summary>
    internal static void Eigen(double[,] c, double[,] b, double[] d)
    {
        int n = d.Length;
        var a = (double[,])c.Clone();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                b[i, j] = i == j ? 1 : 0;
            }
        }

        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    off += a[p, q] * a[p, q];
                }
            }

            if (off == 0)
            {
                break;
            }

            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    if (a[p, q] == 0)
                    {
                        continue;
                    }

                    double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    double t = (theta >= 0 ? 1.0 : -1.0) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    if (!double.IsFinite(t))
                    {
                        t = 0;
                    }

                    double cos = 1 / Math.Sqrt((t * t) + 1), sin = t * cos;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = (cos * akp) - (sin * akq);
                        a[k, q] = (sin * akp) + (cos * akq);
                    }

                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = (cos * apk) - (sin * aqk);
                        a[q, k] = (sin * apk) + (cos * aqk);
                    }

                    for (int k = 0; k < n; k++)
                    {
                        double bkp = b[k, p], bkq = b[k, q];
                        b[k, p] = (cos * bkp) - (sin * bkq);
                        b[k, q] = (sin * bkp) + (cos * bkq);
                    }
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            d[i] = Math.Sqrt(Math.Max(a[i, i], 1e-40));
        }
    }
}

/// <summary>CMA-ES settings.</summary>
/// <param name="Sigma">The initial step size in the unbounded coordinates.</param>
/// <param name="Generations">The most generations.</param>
/// <param name="Seed">Seed of the normal draws.</param>
/// <param name="Stream">Stream of the normal draws (one per independent run).</param>
/// <param name="Population">λ, candidates per generation (0: <see cref="Cmaes.DefaultPopulation"/>).</param>
/// <param name="Tolerance">Stop when σ times the largest axis of C falls below this.</param>
public readonly record struct CmaesOptions(double Sigma, int Generations, long Seed, long Stream, int Population = 0, double Tolerance = 1e-10);

/// <summary>What a CMA-ES run returns.</summary>
/// <param name="Best">The point of the lowest finite loss seen (model coordinates).</param>
/// <param name="BestLoss">Its loss (∞ when no candidate had a finite loss).</param>
/// <param name="BestCurve">The best loss so far after each generation.</param>
/// <param name="Means">The distribution's mean after each generation (model coordinates): the path of the search.</param>
/// <param name="Evaluations">Candidates evaluated.</param>
/// <param name="Population">λ.</param>
public sealed record CmaesResult(ImmutableArray<double> Best, double BestLoss, ImmutableArray<double> BestCurve, ImmutableArray<ImmutableArray<double>> Means, int Evaluations, int Population);

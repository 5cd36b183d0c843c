using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Optimization;
using Xunit;

namespace NeuroFold.Core.Tests.Optimization;

/// <summary>CMA-ES and L-BFGS over bounded parameters: known minima reached, every point tried inside the box, the same bits for the same seed, and the eigen-decomposition CMA-ES relies on.</summary>
public sealed class CmaesLbfgsTests
{
    static double Rosenbrock(ImmutableArray<double> x)
    {
        double s = 0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double a = x[i + 1] - (x[i] * x[i]), b = 1 - x[i];
            s += (100 * a * a) + (b * b);
        }

        return s;
    }

    static (double, ImmutableArray<double>) RosenbrockWithGradient(ImmutableArray<double> x)
    {
        var g = new double[x.Length];
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double a = x[i + 1] - (x[i] * x[i]);
            g[i] += (-400 * x[i] * a) - (2 * (1 - x[i]));
            g[i + 1] += 200 * a;
        }

        return (Rosenbrock(x), [.. g]);
    }

    [Fact]
    public void Cmaes_finds_the_minimum_of_a_bounded_rosenbrock_function_and_repeats_its_bits()
    {
        ImmutableArray<Bound> bounds = [new(-3, 3), new(-3, 3), new(-3, 3), new(-3, 3)];
        double[] Batch(ImmutableArray<ImmutableArray<double>> xs) => [.. xs.Select(Rosenbrock)];
        var options = new CmaesOptions(0.5, 600, Seed: 7, Stream: 3);
        var a = Cmaes.Minimize(Batch, [-1.2, 1.0, -1.2, 1.0], bounds, options);
        var b = Cmaes.Minimize(Batch, [-1.2, 1.0, -1.2, 1.0], bounds, options);
        Assert.True(a.BestLoss < 1e-8, $"best loss {a.BestLoss}");
        foreach (double x in a.Best)
        {
            Assert.Equal(1.0, x, 3);
        }

        Assert.Equal(a.Best.ToArray(), b.Best.ToArray());
        Assert.Equal(a.BestCurve.ToArray(), b.BestCurve.ToArray());
        Assert.Equal(Cmaes.DefaultPopulation(4), a.Population);
        Assert.Equal(a.BestCurve.Length * a.Population, a.Evaluations);
        for (int g = 1; g < a.BestCurve.Length; g++)
        {
            Assert.True(a.BestCurve[g] <= a.BestCurve[g - 1]);
        }

        var other = Cmaes.Minimize(Batch, [-1.2, 1.0, -1.2, 1.0], bounds, options with { Seed = 8 });
        Assert.NotEqual(a.BestCurve.ToArray(), other.BestCurve.ToArray());
    }

    [Fact]
    public void Cmaes_reaches_a_minimum_at_the_edge_of_the_box_and_ranks_non_finite_losses_last()
    {
        // the unconstrained minimum (2, −4) lies outside [−1, 1]²; the constrained one is the corner (1, −1); NaN beyond x₀ > 0.9
        ImmutableArray<Bound> bounds = [new(-1, 1), new(-1, 1)];
        double[] Batch(ImmutableArray<ImmutableArray<double>> xs) =>
            [.. xs.Select(x => x[0] > 0.999 ? double.NaN : ((x[0] - 2) * (x[0] - 2)) + ((x[1] + 4) * (x[1] + 4)))];
        var r = Cmaes.Minimize(Batch, [0.0, 0.0], bounds, new CmaesOptions(1.0, 300, 1, 0));
        Assert.InRange(r.Best[0], 0.99, 0.999);
        Assert.InRange(r.Best[1], -1.0, -0.99);
        Assert.True(double.IsFinite(r.BestLoss));
    }

    [Property(MaxTest = 200)]
    public Property Cmaes_only_tries_points_inside_the_box() =>
        Prop.ForAll(Gen.Choose(1, 6).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), Gen.Choose(1, 30).ToArbitrary(), (n, seed, sigmaTenths) =>
        {
            var bounds = Enumerable.Range(0, n).Select(j => new Bound(-1 - j, 2 + (0.5 * j))).ToImmutableArray();
            bool inside = true;
            double[] Batch(ImmutableArray<ImmutableArray<double>> xs)
            {
                foreach (var x in xs)
                {
                    for (int j = 0; j < n; j++)
                    {
                        inside &= x[j] >= bounds[j].Lower && x[j] <= bounds[j].Upper;
                    }
                }

                return [.. xs.Select(x => x.Sum(v => v * v * v))];
            }

            var start = Enumerable.Range(0, n).Select(j => 0.5).ToImmutableArray();
            var r = Cmaes.Minimize(Batch, start, bounds, new CmaesOptions(sigmaTenths / 10.0, 40, seed, 1));
            return inside && r.Evaluations == r.BestCurve.Length * r.Population;
        });

    [Property(MaxTest = 200)]
    public Property Jacobi_eigen_decomposition_reconstructs_a_symmetric_positive_matrix() =>
        Prop.ForAll(Gen.Choose(1, 12).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (n, seed) =>
        {
            var rng = new System.Random(seed);
            var m = new double[n, n];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    m[i, j] = (rng.NextDouble() * 2) - 1;
                }
            }

            var c = new double[n, n]; // c = m·mᵀ + I: symmetric positive definite
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double s = i == j ? 1 : 0;
                    for (int k = 0; k < n; k++)
                    {
                        s += m[i, k] * m[j, k];
                    }

                    c[i, j] = s;
                }
            }

            var b = new double[n, n];
            var d = new double[n];
            Cmaes.Eigen(c, b, d);
            double worst = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double s = 0, o = 0;
                    for (int k = 0; k < n; k++)
                    {
                        s += b[i, k] * d[k] * d[k] * b[j, k];
                        o += b[k, i] * b[k, j];
                    }

                    worst = Math.Max(worst, Math.Abs(s - c[i, j]) / (1 + Math.Abs(c[i, j])));
                    worst = Math.Max(worst, Math.Abs(o - (i == j ? 1 : 0)));
                }
            }

            return (worst < 1e-10).Label($"worst relative error {worst}");
        });

    [Fact]
    public void Lbfgs_minimises_rosenbrock_in_a_box_in_few_evaluations_and_repeats_its_bits()
    {
        ImmutableArray<Bound> bounds = [new(-5, 5), new(-5, 5)];
        var a = Lbfgs.Minimize(RosenbrockWithGradient, [-1.2, 1.0], bounds, new LbfgsOptions(400));
        var b = Lbfgs.Minimize(RosenbrockWithGradient, [-1.2, 1.0], bounds, new LbfgsOptions(400));
        Assert.True(a.BestLoss < 1e-10, $"best loss {a.BestLoss} after {a.Evaluations} evaluations");
        Assert.Equal(1.0, a.Best[0], 4);
        Assert.Equal(1.0, a.Best[1], 4);
        Assert.True(a.Evaluations < 400, $"{a.Evaluations} evaluations");
        Assert.Equal(a.LossCurve.ToArray(), b.LossCurve.ToArray());

        // the same problem by Adam, for scale: L-BFGS needs far fewer evaluations for the same loss
        var adam = Adam.Minimize(RosenbrockWithGradient, [-1.2, 1.0], bounds, new AdamOptions(0.05, a.Evaluations));
        Assert.True(adam.BestLoss > a.BestLoss);
    }

    [Property(MaxTest = 200)]
    public Property Lbfgs_finds_the_minimum_of_a_convex_quadratic_inside_the_box() =>
        Prop.ForAll(Gen.Choose(1, 8).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (n, seed) =>
        {
            var rng = new System.Random(seed);
            var centre = Enumerable.Range(0, n).Select(_ => (rng.NextDouble() * 6) - 3).ToArray();
            var scale = Enumerable.Range(0, n).Select(_ => 0.1 + (rng.NextDouble() * 10)).ToArray();
            (double, ImmutableArray<double>) F(ImmutableArray<double> x)
            {
                double f = 0;
                var g = new double[n];
                for (int j = 0; j < n; j++)
                {
                    double e = x[j] - centre[j];
                    f += scale[j] * e * e;
                    g[j] = 2 * scale[j] * e;
                }

                return (f, [.. g]);
            }

            var bounds = Enumerable.Range(0, n).Select(_ => new Bound(-5, 5)).ToImmutableArray();
            var r = Lbfgs.Minimize(F, [.. Enumerable.Range(0, n).Select(_ => 0.0)], bounds, new LbfgsOptions(500));
            double worst = Enumerable.Range(0, n).Max(j => Math.Abs(r.Best[j] - centre[j]));
            return (worst < 1e-4).Label($"worst {worst}, loss {r.BestLoss}, {r.Evaluations} evaluations");
        });
}

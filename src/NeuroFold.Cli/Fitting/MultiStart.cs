using System.Collections.Immutable;
using NeuroFold.Core.Gradients;
using NeuroFold.Core.Optimization;
using NeuroFold.Core.Random;
using NeuroFold.IO.Recordings;

namespace NeuroFold.Cli.Fitting;

/// <summary>Adam from several starts of the free quantities, run in parallel and combined in start order.</summary>
/// <remarks>
/// Start 0 is the given point; start s ≥ 1 draws free quantity j uniformly in its box (<see cref="FitBounds"/>) as
/// <c>CounterRandom.Uniform(seed, s, j, lower, upper)</c>, so a start's values depend on the seed and its index only.
/// Each start is a pure function of them; the best is the lowest finite training loss, the lower start index at a tie.
/// The result therefore does not depend on the number of threads.
/// </remarks>
internal static class MultiStart
{
    /// <summary>The starting point of start <paramref name="index"/>.</summary>
    public static ModelPoint StartPoint(ModelPoint start, ImmutableArray<string> free, long seed, int index)
    {
        if (index == 0)
        {
            return start;
        }

        var point = start;
        for (int j = 0; j < free.Length; j++)
        {
            var box = FitBounds.Of(start.Model, free[j]);
            point = point.With(point.IndexOf(free[j]), CounterRandom.Uniform(seed, index, j, box.Lower, box.Upper));
        }

        return point;
    }

    /// <summary>Runs starts <paramref name="first"/> … first + count − 1 of a gradient method (Adam or L-BFGS, at most <paramref name="threads"/> starts at once); one result per start, in start order (a shard of a fit runs a contiguous range).</summary>
    public static ImmutableArray<StartResult> Run<TSurrogate>(
        ModelPoint start, ImmutableArray<string> free, Objective objective, ImmutableArray<RecordedStimulus> train, ImmutableArray<RecordedStimulus> validation,
        int first, int count, long seed, int iterations, double learningRate, int threads, string optimizer, FitMonitor? monitor = null)
        where TSurrogate : struct, ISurrogate
    {
        var results = new StartResult[count];
        var bounds = free.Select(n => FitBounds.Of(start.Model, n)).ToImmutableArray();
        Parallel.For(first, first + count, new ParallelOptions { MaxDegreeOfParallelism = threads }, s =>
        {
            var origin = StartPoint(start, free, seed, s);
            var initial = free.Select(n => origin[n]).ToImmutableArray();
            var tracker = new ValidationTracker(validation);
            (double, ImmutableArray<double>) Objective(ImmutableArray<double> theta)
            {
                var point = Place(origin, free, theta);
                var value = Gradients.Forward<TSurrogate>(point, free, objective, train);
                double gammaA = tracker.Seen(value.Loss, point);
                monitor?.Iteration(train.Length, value.Loss, gammaA);
                return value;
            }

            var result = optimizer == "lbfgs"
                ? Lbfgs.Minimize(Objective, initial, bounds, new LbfgsOptions(iterations))
                : Adam.Minimize(Objective, initial, bounds, new AdamOptions(learningRate, iterations));
            var best = double.IsFinite(result.BestLoss) ? Place(origin, free, result.Best) : origin;
            results[s - first] = new StartResult(s, origin, best, result.BestLoss, result.LossCurve, result.Evaluations * train.Length, tracker.Curve);
        });
        return [.. results];
    }

    /// <summary>CMA-ES from starts <paramref name="first"/> … first + count − 1 on a loss of plain runs; start s draws its normal deviates from stream <see cref="CmaesStreamBase"/> + s. A generation's candidates are evaluated in parallel too.</summary>
    public static ImmutableArray<StartResult> RunCmaes(
        ModelPoint start, ImmutableArray<string> free, Objective objective, ImmutableArray<RecordedStimulus> train, ImmutableArray<RecordedStimulus> validation,
        int first, int count, long seed, int generations, double sigma, int population, int threads, FitMonitor? monitor = null)
    {
        var results = new StartResult[count];
        var bounds = free.Select(n => FitBounds.Of(start.Model, n)).ToImmutableArray();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        Parallel.For(first, first + count, options, s =>
        {
            var origin = StartPoint(start, free, seed, s);
            var initial = free.Select(n => origin[n]).ToImmutableArray();
            var tracker = new ValidationTracker(validation);
            int lambda = population > 0 ? population : Cmaes.DefaultPopulation(free.Length);
            var result = Cmaes.Minimize(
                candidates =>
                {
                    var losses = new double[candidates.Length];
                    Parallel.For(0, candidates.Length, options, k => losses[k] = Gradients.Loss(Place(origin, free, candidates[k]), objective, train));
                    return losses;
                },
                initial, bounds, new CmaesOptions(sigma, generations, seed, CmaesStreamBase + s, population),
                (_, bestLoss, best) =>
                {
                    double gammaA = tracker.Seen(bestLoss, Place(origin, free, best));
                    monitor?.Iteration(lambda * train.Length, bestLoss, gammaA);
                });
            var best = double.IsFinite(result.BestLoss) ? Place(origin, free, result.Best) : origin;
            results[s - first] = new StartResult(s, origin, best, result.BestLoss, result.BestCurve, result.Evaluations * train.Length, tracker.Curve);
        });
        return [.. results];
    }

    /// <summary>The first CounterRandom stream of CMA-ES's normal deviates (start s uses this + s; the uniform draws of the starting points use stream s).</summary>
    public const long CmaesStreamBase = 1L << 32;

    /// <summary>The mean validation Γ_A of a point (NaN without validation stimuli).</summary>
    public static double ValidationGammaA(ModelPoint point, ImmutableArray<RecordedStimulus> validation)
    {
        if (validation.IsEmpty)
        {
            return double.NaN;
        }

        double sum = 0;
        foreach (var v in validation)
        {
            sum += Objective.GammaA(point.Plain(v, NeuroFold.Core.Simulation.Recording.SpikesOnly), v);
        }

        return sum / validation.Length;
    }

    /// <summary>A start's validation Γ_A after each iteration: re-scored only when the best training loss improves.</summary>
    sealed class ValidationTracker(ImmutableArray<RecordedStimulus> validation)
    {
        readonly ImmutableArray<double>.Builder curve = ImmutableArray.CreateBuilder<double>();
        double bestLoss = double.PositiveInfinity;
        double current = double.NaN;

        public ImmutableArray<double> Curve => curve.ToImmutable();

        public double Seen(double loss, ModelPoint point)
        {
            if (double.IsFinite(loss) && loss < bestLoss)
            {
                bestLoss = loss;
                current = ValidationGammaA(point, validation);
            }

            curve.Add(current);
            return current;
        }
    }

    /// <summary>The start with the lowest finite loss (the first at a tie), or none.</summary>
    public static StartResult? Best(ImmutableArray<StartResult> results)
    {
        StartResult? best = null;
        foreach (var r in results)
        {
            if (double.IsFinite(r.BestLoss) && (best is null || r.BestLoss < best.BestLoss))
            {
                best = r;
            }
        }

        return best;
    }

    /// <summary>The point with the free quantities set to <paramref name="theta"/>.</summary>
    public static ModelPoint Place(ModelPoint point, ImmutableArray<string> free, ImmutableArray<double> theta)
    {
        for (int j = 0; j < free.Length; j++)
        {
            point = point.With(point.IndexOf(free[j]), theta[j]);
        }

        return point;
    }
}

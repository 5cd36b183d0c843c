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
        where TSurrogate : struct, ISurrogate =>
        EachStart(start, free, validation, train.Length, first, count, seed, threads, (_, origin, initial, bounds, tracker) =>
        {
            (double, ImmutableArray<double>) Objective(ImmutableArray<double> theta)
            {
                var point = Place(origin, free, theta);
                var value = Gradients.Forward<TSurrogate>(point, free, objective, train);
                monitor?.Iteration(train.Length, value.Loss, tracker.Seen(value.Loss, point));
                return value;
            }

            var r = optimizer == "lbfgs"
                ? Lbfgs.Minimize(Objective, initial, bounds, new LbfgsOptions(iterations))
                : Adam.Minimize(Objective, initial, bounds, new AdamOptions(learningRate, iterations));
            return (r.Best, r.BestLoss, r.LossCurve, r.Evaluations);
        });

    /// <summary>CMA-ES from starts <paramref name="first"/> … first + count − 1 on a loss of plain runs; start s draws its normal deviates from stream <see cref="CmaesStreamBase"/> + s. A generation's candidates are evaluated in parallel too.</summary>
    public static ImmutableArray<StartResult> RunCmaes(
        ModelPoint start, ImmutableArray<string> free, Objective objective, ImmutableArray<RecordedStimulus> train, ImmutableArray<RecordedStimulus> validation,
        int first, int count, long seed, int generations, double sigma, int population, int threads, FitMonitor? monitor = null)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        int lambda = population > 0 ? population : Cmaes.DefaultPopulation(free.Length);
        return EachStart(start, free, validation, train.Length, first, count, seed, threads, (s, origin, initial, bounds, tracker) =>
        {
            var r = Cmaes.Minimize(
                candidates =>
                {
                    var losses = new double[candidates.Length];
                    Parallel.For(0, candidates.Length, options, k => losses[k] = Gradients.Loss(Place(origin, free, candidates[k]), objective, train));
                    return losses;
                },
                initial, bounds, new CmaesOptions(sigma, generations, seed, CmaesStreamBase + s, population),
                (_, bestLoss, best) => monitor?.Iteration(lambda * train.Length, bestLoss, tracker.Seen(bestLoss, Place(origin, free, best))));
            return (r.Best, r.BestLoss, r.BestCurve, r.Evaluations);
        });
    }

    /// <summary>Runs <paramref name="minimise"/> for each start (in parallel, at most <paramref name="threads"/> at once) from its starting point, and gathers the results in start order.</summary>
    /// <param name="start">The fit's starting point (start 0's origin).</param>
    /// <param name="free">The fitted quantities.</param>
    /// <param name="validation">The stimuli each start's tracker scores.</param>
    /// <param name="trainCount">Training stimuli: simulations per evaluation.</param>
    /// <param name="first">The first start.</param>
    /// <param name="count">Number of starts.</param>
    /// <param name="seed">Seed of the random origins.</param>
    /// <param name="threads">Starts run at once.</param>
    /// <param name="minimise">For (start, its origin, the free quantities' values there, their boxes, its validation tracker): the best point, its loss, the loss curve and the evaluations (each one run per training stimulus).</param>
    static ImmutableArray<StartResult> EachStart(
        ModelPoint start, ImmutableArray<string> free, ImmutableArray<RecordedStimulus> validation, int trainCount, int first, int count, long seed, int threads,
        Func<int, ModelPoint, ImmutableArray<double>, ImmutableArray<Bound>, ValidationTracker, (ImmutableArray<double> Best, double BestLoss, ImmutableArray<double> Curve, int Evaluations)> minimise)
    {
        var results = new StartResult[count];
        var bounds = free.Select(n => FitBounds.Of(start.Model, n)).ToImmutableArray();
        Parallel.For(first, first + count, new ParallelOptions { MaxDegreeOfParallelism = threads }, s =>
        {
            var origin = StartPoint(start, free, seed, s);
            var tracker = new ValidationTracker(validation);
            var r = minimise(s, origin, free.Select(n => origin[n]).ToImmutableArray(), bounds, tracker);
            var best = double.IsFinite(r.BestLoss) ? Place(origin, free, r.Best) : origin;
            results[s - first] = new StartResult(s, origin, best, r.BestLoss, r.Curve, r.Evaluations * trainCount, tracker.Curve);
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

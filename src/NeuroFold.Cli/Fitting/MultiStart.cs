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

    /// <summary>Runs starts <paramref name="first"/> … first + count − 1 (at most <paramref name="threads"/> at once); one result per start, in start order (a shard of a fit runs a contiguous range). <paramref name="evaluated"/> is called (from any thread) after each gradient.</summary>
    public static ImmutableArray<StartResult> Run<TSurrogate>(
        ModelPoint start, ImmutableArray<string> free, Objective objective, ImmutableArray<RecordedStimulus> train,
        int first, int count, long seed, int iterations, double learningRate, int threads, Action? evaluated = null)
        where TSurrogate : struct, ISurrogate
    {
        var results = new StartResult[count];
        var bounds = free.Select(n => FitBounds.Of(start.Model, n)).ToImmutableArray();
        Parallel.For(first, first + count, new ParallelOptions { MaxDegreeOfParallelism = threads }, s =>
        {
            var origin = StartPoint(start, free, seed, s);
            var initial = free.Select(n => origin[n]).ToImmutableArray();
            var result = Adam.Minimize(
                theta =>
                {
                    var value = Gradients.Forward<TSurrogate>(Place(origin, free, theta), free, objective, train);
                    evaluated?.Invoke();
                    return value;
                },
                initial, bounds, new AdamOptions(learningRate, iterations));
            var best = double.IsFinite(result.BestLoss) ? Place(origin, free, result.Best) : origin;
            results[s - first] = new StartResult(s, origin, best, result.BestLoss, result.LossCurve, result.Evaluations * train.Length);
        });
        return [.. results];
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

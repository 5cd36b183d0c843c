using System.Collections.Immutable;
using NeuroFold.Core.Gradients;
using NeuroFold.IO.Recordings;

namespace NeuroFold.Cli.Fitting;

/// <summary>A loss over several stimuli (their mean) and its gradient, by forward mode or central differences.</summary>
internal static class Gradients
{
    /// <summary>The loss and its exact gradient (forward mode) with respect to <paramref name="free"/>.</summary>
    public static (double Loss, ImmutableArray<double> Gradient) Forward<TSurrogate>(ModelPoint point, ImmutableArray<string> free, Objective objective, ImmutableArray<RecordedStimulus> data)
        where TSurrogate : struct, ISurrogate
    {
        double loss = 0;
        var gradient = new double[free.Length];
        foreach (var stimulus in data)
        {
            var run = point.Forward<TSurrogate>(stimulus);
            var adjoint = new double[stimulus.Samples];
            loss += objective.Evaluate(run.Run, stimulus, adjoint);
            if (adjoint.Length != run.Run.StepCount + 1 || !run.Run.Status.IsCompleted)
            {
                return (double.PositiveInfinity, [.. gradient]);
            }

            // sample 0 is the initial state (derivative 1 with respect to v0), sample k + 1 the state after step k
            var full = run.Gradient(adjoint.AsSpan(1));
            for (int j = 0; j < free.Length; j++)
            {
                int index = point.IndexOf(free[j]);
                gradient[j] += full[index] + (free[j] == "v0" ? adjoint[0] : 0.0);
            }
        }

        for (int j = 0; j < gradient.Length; j++)
        {
            gradient[j] /= data.Length;
        }

        return (loss / data.Length, [.. gradient]);
    }

    /// <summary>The loss and its gradient by reverse mode (the adjoint of the fold with checkpoints).</summary>
    public static (double Loss, ImmutableArray<double> Gradient) Reverse<TSurrogate>(ModelPoint point, ImmutableArray<string> free, Objective objective, ImmutableArray<RecordedStimulus> data)
        where TSurrogate : struct, ISurrogate
    {
        double loss = 0;
        var gradient = new double[free.Length];
        foreach (var stimulus in data)
        {
            var run = point.Plain(stimulus);
            var adjoint = new double[stimulus.Samples];
            loss += objective.Evaluate(run, stimulus, adjoint);
            if (!run.Status.IsCompleted)
            {
                return (double.PositiveInfinity, [.. gradient]);
            }

            var full = point.Reverse<TSurrogate>(stimulus, adjoint.AsSpan(1)).Gradient;
            for (int j = 0; j < free.Length; j++)
            {
                gradient[j] += full[point.IndexOf(free[j])] + (free[j] == "v0" ? adjoint[0] : 0.0);
            }
        }

        for (int j = 0; j < gradient.Length; j++)
        {
            gradient[j] /= data.Length;
        }

        return (loss / data.Length, [.. gradient]);
    }

    /// <summary>The loss over every stimulus, from plain runs.</summary>
    public static double Loss(ModelPoint point, Objective objective, ImmutableArray<RecordedStimulus> data)
    {
        double loss = 0;
        foreach (var stimulus in data)
        {
            loss += objective.Evaluate(point.Plain(stimulus, objective.NeedsTrace ? NeuroFold.Core.Simulation.Recording.Full : NeuroFold.Core.Simulation.Recording.SpikesOnly), stimulus, []);
        }

        return loss / data.Length;
    }

    /// <summary>The loss and its central-difference gradient, <c>h = 10⁻⁶·(1 + |θ|)</c>.</summary>
    public static (double Loss, ImmutableArray<double> Gradient) CentralDifference(ModelPoint point, ImmutableArray<string> free, Objective objective, ImmutableArray<RecordedStimulus> data)
    {
        var gradient = new double[free.Length];
        for (int j = 0; j < free.Length; j++)
        {
            int index = point.IndexOf(free[j]);
            double theta = point.Values[index];
            double h = 1e-6 * (1.0 + Math.Abs(theta));
            gradient[j] = (Loss(point.With(index, theta + h), objective, data) - Loss(point.With(index, theta - h), objective, data)) / (2 * h);
        }

        return (Loss(point, objective, data), [.. gradient]);
    }
}

using System.Collections.Immutable;
using NeuroFold.Core;
using NeuroFold.Core.Losses;
using NeuroFold.Core.Simulation;
using NeuroFold.IO.Recordings;

namespace NeuroFold.Cli.Fitting;

/// <summary>A loss of a model run against the recordings of its stimulus, and (for the voltage loss) its derivative with respect to each model sample.</summary>
/// <param name="Loss">voltage-mse, spike-count, van-rossum or gamma.</param>
/// <param name="Spikes">How the voltage loss treats spikes.</param>
/// <param name="ClipMv">The clip level (voltage loss, clip).</param>
/// <param name="MaskBeforeMs">Left out before a spike (voltage loss, mask), ms.</param>
/// <param name="MaskAfterMs">Left out after a spike (voltage loss, mask), ms.</param>
/// <param name="WindowFromMs">The first time compared, ms.</param>
/// <param name="WindowToMs">The end of the comparison, ms (∞: the recording's end).</param>
/// <param name="TauMs">The van Rossum time constant, ms.</param>
internal sealed record Objective(string Loss, SpikeHandling Spikes, double ClipMv, double MaskBeforeMs, double MaskAfterMs, double WindowFromMs, double WindowToMs, double TauMs)
{
    public static ImmutableArray<string> Names { get; } = ["voltage-mse", "spike-count", "van-rossum", "gamma", "gamma-rate", "smooth-gamma"];

    /// <summary>The least upstroke slope of smooth-gamma's spike-time derivative, mV/ms.</summary>
    public const double MinSlopeMvPerMs = 1.0;

    /// <summary>The weight of the rate term of gamma-rate and smooth-gamma.</summary>
    public const double RateWeight = 0.5;

    /// <summary>True when the loss has a derivative through the voltage (forward mode applies).</summary>
    public bool Differentiable => IsDifferentiable(Loss);

    /// <summary>True when the loss named <paramref name="loss"/> has a derivative through the voltage.</summary>
    public static bool IsDifferentiable(string loss) => loss is "voltage-mse" or "smooth-gamma";

    /// <summary>The model's v at each sample of the recording (sample 0: the initial state).</summary>
    public static double[] Samples(SimulationResult run) => [.. run.Trace.VMv];

    /// <summary>The model's spikes as sample indices (the sample after the spiking step).</summary>
    public static int[] SpikeSamples(SimulationResult run)
    {
        var s = new int[run.Spikes.Count];
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = run.Spikes.Steps[i] + 1;
        }

        return s;
    }

    /// <summary>The competition's score of a run on a stimulus: Γ_A against the repetitions (Γ against the one recording when there is one).</summary>
    public static double GammaA(SimulationResult run, RecordedStimulus data) =>
        data.SpikeSamples.Length >= 2 ? GammaMean(run, data) / data.IntrinsicGamma : GammaMean(run, data);

    /// <summary>The mean Γ of a run's spikes against each repetition.</summary>
    public static double GammaMean(SimulationResult run, RecordedStimulus data)
    {
        var all = data.AllSpikeTimesMs();
        double gamma = 0;
        foreach (var repetition in all)
        {
            gamma += CoincidenceFactor.Gamma(run.Spikes.TimesMs.AsSpan(), repetition.AsSpan(), data.DurationMs);
        }

        return gamma / all.Length;
    }

    /// <summary>gamma-rate's and smooth-gamma's rate term, <c>w·ln²((N_model + 1)/(N̄_data + 1))</c>: a function of a count, so its derivative is 0.</summary>
    static double RateTerm(SimulationResult run, RecordedStimulus data)
    {
        double ratio = NeuroFold.Core.Numerics.CorrectlyRounded.Log((run.Spikes.Count + 1.0) / (data.MeanSpikeCount + 1.0));
        return RateWeight * ratio * ratio;
    }

    /// <summary>True when the loss needs the voltage trace (else a spikes-only run will do).</summary>
    public bool NeedsTrace => Differentiable;

    /// <summary>The loss of one stimulus; <paramref name="adjoint"/> (one per sample, or empty) receives ∂L/∂(model v of each sample).</summary>
    public double Evaluate(SimulationResult run, RecordedStimulus data, Span<double> adjoint)
    {
        int reps = data.VoltageMv.Length;
        switch (Loss)
        {
            case "voltage-mse":
            {
                var model = Samples(run);
                if (model.Length != data.Samples)
                {
                    // the run stopped (non-finite): the loss is infinite, its gradient undefined
                    adjoint.Clear();
                    return double.PositiveInfinity;
                }

                var modelSpikes = SpikeSamples(run);
                int first = Math.Max(0, (int)Math.Ceiling(WindowFromMs / data.DtMs));
                int end = double.IsPositiveInfinity(WindowToMs) ? data.Samples : Math.Min(data.Samples, (int)Math.Ceiling(WindowToMs / data.DtMs));
                var how = VoltageComparison.Create(first, Math.Max(first + 1, end), Spikes, ClipMv, (int)Math.Round(MaskBeforeMs / data.DtMs), (int)Math.Round(MaskAfterMs / data.DtMs)).OrThrow();
                var one = new double[model.Length];
                double sum = 0;
                if (!adjoint.IsEmpty)
                {
                    adjoint.Clear();
                }

                for (int r = 0; r < reps; r++)
                {
                    sum += VoltageMse.Evaluate(model, data.VoltageMv[r].AsSpan(), data.SpikeSamples[r].AsSpan(), modelSpikes, how, one);
                    if (!adjoint.IsEmpty)
                    {
                        for (int k = 0; k < one.Length; k++)
                        {
                            adjoint[k] += one[k] / reps;
                        }
                    }
                }

                return sum / reps;
            }

            case "spike-count":
            {
                var counts = new int[reps];
                for (int r = 0; r < reps; r++)
                {
                    counts[r] = data.SpikeSamples[r].Length;
                }

                return SpikeCount.Loss(run.Spikes.Count, counts);
            }

            case "van-rossum":
            {
                double sum = 0;
                for (int r = 0; r < reps; r++)
                {
                    sum += VanRossum.DistanceSquared(run.Spikes.TimesMs.AsSpan(), data.SpikeTimesMs(r).AsSpan(), TauMs);
                }

                return sum / reps;
            }

            case "smooth-gamma":
            {
                var v = run.Trace.VMv;
                if (!adjoint.IsEmpty)
                {
                    adjoint.Clear();
                }

                if (v.Length != data.Samples)
                {
                    return double.PositiveInfinity;
                }

                var times = run.Spikes.TimesMs.AsSpan();
                var dGamma = new double[times.Length];
                var one = new double[times.Length];
                double gamma = 0;
                var all = data.AllSpikeTimesMs();
                foreach (var repetition in all)
                {
                    gamma += SmoothCoincidence.Evaluate(times, repetition.AsSpan(), data.DurationMs, one);
                    for (int i = 0; i < one.Length; i++)
                    {
                        dGamma[i] += one[i] / all.Length;
                    }
                }

                gamma /= all.Length;
                if (!adjoint.IsEmpty)
                {
                    // spike i's time moves as the crossing of the last state before its step: ∂t/∂v = −1/(its upstroke slope)
                    for (int i = 0; i < times.Length; i++)
                    {
                        int k = run.Spikes.Steps[i];
                        double slope = k >= 1 ? (v[k] - v[k - 1]) / data.DtMs : 0.0;
                        adjoint[k] += -dGamma[i] * (-1.0 / Math.Max(slope, MinSlopeMvPerMs));
                    }
                }

                return (reps >= 2 ? data.IntrinsicGamma : 1.0) - gamma + RateTerm(run, data);
            }

            case "gamma-rate":
            {
                double gamma = GammaMean(run, data);
                double intrinsic = reps >= 2 ? data.IntrinsicGamma : 1.0;
                return intrinsic - gamma + RateTerm(run, data);
            }

            default:
                return 1.0 - GammaA(run, data);
        }
    }
}

using System.Collections.Immutable;

namespace NeuroFold.Core.Simulation;

/// <summary>Summary statistics of one spike train over a run of known length; a statistic that is undefined is null.</summary>
/// <remarks>
/// The mean rate is <c>count / duration</c> in Hz (duration in s). Inter-spike intervals (ISIs) are the differences
/// of consecutive spike times, ms. Their standard deviation is the sample one (divisor n − 1), so it and the
/// coefficient of variation (CV = sd / mean) need at least two intervals, i.e. three spikes; mean, min and max need one
/// interval, i.e. two spikes; first and last spike need one spike. Sums run in time order, so the result is the same
/// bits on every machine.
/// </remarks>
/// <param name="SpikeCount">Number of spikes.</param>
/// <param name="DurationMs">Simulated time the rate refers to, ms.</param>
/// <param name="MeanRateHz">Spikes per second of simulated time, Hz.</param>
/// <param name="FirstSpikeMs">Time of the first spike, ms; null without spikes.</param>
/// <param name="LastSpikeMs">Time of the last spike, ms; null without spikes.</param>
/// <param name="IsiMeanMs">Mean ISI, ms; null with fewer than two spikes.</param>
/// <param name="IsiSdMs">Sample standard deviation of the ISIs, ms; null with fewer than three spikes.</param>
/// <param name="IsiCv">Coefficient of variation of the ISIs (sd / mean); null with fewer than three spikes or a zero mean.</param>
/// <param name="IsiMinMs">Shortest ISI, ms; null with fewer than two spikes.</param>
/// <param name="IsiMaxMs">Longest ISI, ms; null with fewer than two spikes.</param>
public sealed record SpikeStatistics(
    int SpikeCount,
    double DurationMs,
    double MeanRateHz,
    double? FirstSpikeMs,
    double? LastSpikeMs,
    double? IsiMeanMs,
    double? IsiSdMs,
    double? IsiCv,
    double? IsiMinMs,
    double? IsiMaxMs)
{
    /// <summary>Computes the statistics of spikes at <paramref name="timesMs"/> (ascending, ms) in a run of <paramref name="durationMs"/> ms (&gt; 0).</summary>
    public static SpikeStatistics Compute(ImmutableArray<double> timesMs, double durationMs)
    {
        if (!(durationMs > 0) || !double.IsFinite(durationMs))
        {
            throw new ArgumentOutOfRangeException(nameof(durationMs), durationMs, "the duration must be finite and > 0");
        }

        var t = timesMs.IsDefault ? [] : timesMs.AsSpan();
        int n = t.Length;
        double rate = n / (durationMs / 1000.0);
        if (n == 0)
        {
            return new SpikeStatistics(0, durationMs, rate, null, null, null, null, null, null, null);
        }

        if (n == 1)
        {
            return new SpikeStatistics(1, durationMs, rate, t[0], t[0], null, null, null, null, null);
        }

        int m = n - 1;
        double sum = 0.0;
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            double isi = t[i] - t[i - 1];
            sum += isi;
            min = Math.Min(min, isi);
            max = Math.Max(max, isi);
        }

        double mean = sum / m;
        double? sd = null;
        double? cv = null;
        if (m >= 2)
        {
            double squares = 0.0;
            for (int i = 1; i < n; i++)
            {
                double dev = (t[i] - t[i - 1]) - mean;
                squares += dev * dev;
            }

            double s = Math.Sqrt(squares / (m - 1));
            sd = s;
            cv = mean != 0.0 ? s / mean : null;
        }

        return new SpikeStatistics(n, durationMs, rate, t[0], t[n - 1], mean, sd, cv, min, max);
    }

    /// <summary>The statistics of <paramref name="spikes"/> over the whole of a run of <paramref name="grid"/>'s length (steps × dt).</summary>
    public static SpikeStatistics Compute(SpikeTrain spikes, Stimuli.TimeGrid grid)
    {
        ArgumentNullException.ThrowIfNull(spikes);
        ArgumentNullException.ThrowIfNull(grid);
        return Compute(spikes.TimesMs, grid.DurationMs);
    }
}

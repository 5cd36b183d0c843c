using System.Collections.Immutable;

namespace NeuroFold.IO.Recordings;

/// <summary>One stimulus of a recorded neuron: the injected current (the mean of its repetitions, sample by sample) and each repetition's voltage and spikes.</summary>
/// <param name="Id">The stimulus ("00", or the CSV file's name).</param>
/// <param name="DtMs">The sampling interval, ms (sample k is at t = k·dt).</param>
/// <param name="CurrentPa">The injected current of each sample, pA (the mean over the repetitions).</param>
/// <param name="VoltageMv">Each repetition's membrane potential, mV, one value per sample.</param>
/// <param name="SpikeSamples">Each repetition's spikes, as the sample index of the last sample before the upstroke.</param>
public sealed record RecordedStimulus(
    string Id, double DtMs, ImmutableArray<double> CurrentPa, ImmutableArray<ImmutableArray<double>> VoltageMv, ImmutableArray<ImmutableArray<int>> SpikeSamples)
{
    /// <summary>Number of samples.</summary>
    public int Samples => CurrentPa.Length;

    /// <summary>The recording's length, ms (<c>samples·dt</c>, the T of the coincidence factor).</summary>
    public double DurationMs => Samples * DtMs;

    /// <summary>Repetition <paramref name="repetition"/>'s spike times, ms.</summary>
    public ImmutableArray<double> SpikeTimesMs(int repetition)
    {
        var samples = SpikeSamples[repetition];
        var times = new double[samples.Length];
        for (int i = 0; i < times.Length; i++)
        {
            times[i] = samples[i] * DtMs;
        }

        return ImmutableArray.Create(times);
    }

    ImmutableArray<ImmutableArray<double>> allSpikeTimes;
    double? intrinsic;

    /// <summary>Γ_int of the repetitions (computed once; NaN with fewer than two).</summary>
    public double IntrinsicGamma => intrinsic ??= SpikeSamples.Length >= 2 ? Core.Losses.CoincidenceFactor.Intrinsic(AllSpikeTimesMs(), DurationMs) : double.NaN;

    /// <summary>The mean spike count of the repetitions.</summary>
    public double MeanSpikeCount
    {
        get
        {
            double sum = 0;
            foreach (var r in SpikeSamples)
            {
                sum += r.Length;
            }

            return sum / SpikeSamples.Length;
        }
    }

    /// <summary>Every repetition's spike times, ms (computed once).</summary>
    public ImmutableArray<ImmutableArray<double>> AllSpikeTimesMs()
    {
        if (!allSpikeTimes.IsDefault)
        {
            return allSpikeTimes;
        }

        var all = ImmutableArray.CreateBuilder<ImmutableArray<double>>(SpikeSamples.Length);
        for (int r = 0; r < SpikeSamples.Length; r++)
        {
            all.Add(SpikeTimesMs(r));
        }

        allSpikeTimes = all.MoveToImmutable();
        return allSpikeTimes;
    }
}

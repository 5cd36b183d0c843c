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

    // Derived once, when the record is made, from its own values: every repetition's spike times and Γ_int, which a
    // fit asks for at every evaluation. Immutable, so threads may share it.
    readonly (ImmutableArray<ImmutableArray<double>> Times, double Intrinsic) spikeFacts = SpikeFacts(SpikeSamples, DtMs, CurrentPa.Length);

    /// <summary>Repetition <paramref name="repetition"/>'s spike times, ms.</summary>
    public ImmutableArray<double> SpikeTimesMs(int repetition) => spikeFacts.Times[repetition];

    /// <summary>Every repetition's spike times, ms.</summary>
    public ImmutableArray<ImmutableArray<double>> AllSpikeTimesMs() => spikeFacts.Times;

    /// <summary>Γ_int of the repetitions (NaN with fewer than two).</summary>
    public double IntrinsicGamma => spikeFacts.Intrinsic;

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

    static (ImmutableArray<ImmutableArray<double>>, double) SpikeFacts(ImmutableArray<ImmutableArray<int>> spikeSamples, double dtMs, int samples)
    {
        var all = ImmutableArray.CreateBuilder<ImmutableArray<double>>(spikeSamples.Length);
        foreach (var repetition in spikeSamples)
        {
            var times = new double[repetition.Length];
            for (int i = 0; i < times.Length; i++)
            {
                times[i] = repetition[i] * dtMs;
            }

            all.Add(ImmutableArray.Create(times));
        }

        var built = all.MoveToImmutable();
        return (built, built.Length >= 2 && samples > 0 ? Core.Losses.CoincidenceFactor.Intrinsic(built, samples * dtMs) : double.NaN);
    }
}

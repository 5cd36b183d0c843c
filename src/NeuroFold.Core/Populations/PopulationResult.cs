using System.Collections.Immutable;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Core.Populations;

/// <summary>The outcome of a population run: final states, per-neuron spike statistics, optionally every spike.</summary>
/// <remarks>
/// Inter-spike intervals (ISIs) are kept as exact integer sums in steps, so statistics derived from them do not depend on
/// the order in which neurons were processed. When <see cref="Status"/> is <see cref="RunStatus.NonFinite"/> the
/// arrays hold the IEEE results of every step (the fold is not stopped) and are not meaningful for the neurons concerned.
/// </remarks>
/// <param name="FinalV">Membrane potential of each neuron after the last step, mV.</param>
/// <param name="FinalU">Recovery variable of each neuron after the last step, mV/ms.</param>
/// <param name="SpikeCounts">Number of spikes of each neuron.</param>
/// <param name="FirstSpikeSteps">0-based step of each neuron's first spike, −1 if it never spiked.</param>
/// <param name="IsiSums">Sum of each neuron's ISIs, steps (equals last − first spike step).</param>
/// <param name="IsiSquareSums">Sum of the squares of each neuron's ISIs, steps².</param>
/// <param name="Spikes">Every spike in (step, neuron) order when recorded, else empty.</param>
/// <param name="Status">Completed, or the first (step, neuron) whose state left the finite range.</param>
/// <param name="Grid">The grid the run stepped through: what rates, spike times and ISIs in ms are computed from.</param>
public sealed record PopulationResult(
    ImmutableArray<double> FinalV,
    ImmutableArray<double> FinalU,
    ImmutableArray<int> SpikeCounts,
    ImmutableArray<int> FirstSpikeSteps,
    ImmutableArray<long> IsiSums,
    ImmutableArray<long> IsiSquareSums,
    PopulationSpikes Spikes,
    RunStatus Status,
    TimeGrid Grid)
{
    /// <summary>Number of neurons.</summary>
    public int Count => SpikeCounts.Length;

    /// <summary>Mean firing rate of neuron <paramref name="i"/> over the run, Hz: spikes / (<see cref="TimeGrid.DurationMs"/> in s); 0 for a run of no steps.</summary>
    public double RateHz(int i) => Grid.DurationMs > 0 ? SpikeCounts[i] / (Grid.DurationMs / 1000.0) : 0.0;

    /// <summary>The mean firing rate of every neuron, Hz (<see cref="RateHz"/>), in neuron order: an F–I curve's y values.</summary>
    public ImmutableArray<double> RatesHz
    {
        get
        {
            var rates = new double[Count];
            for (int i = 0; i < rates.Length; i++)
            {
                rates[i] = RateHz(i);
            }

            return ImmutableArray.Create(rates);
        }
    }

    /// <summary>Mean firing rate of the whole population, Hz: all spikes / neurons / duration; 0 without neurons or steps.</summary>
    public double MeanRateHz => Count > 0 && Grid.DurationMs > 0 ? TotalSpikes / (double)Count / (Grid.DurationMs / 1000.0) : 0.0;

    /// <summary>Time of neuron <paramref name="i"/>'s first spike, ms (the grid's label of that step); null if it never spiked.</summary>
    public double? FirstSpikeMs(int i) => FirstSpikeSteps[i] < 0 ? null : Grid.TimeAfterStep(FirstSpikeSteps[i]);

    /// <summary>Mean inter-spike interval of neuron <paramref name="i"/>, ms: <c>ΣISI·dt / (spikes − 1)</c>; null with fewer than two spikes.</summary>
    public double? IsiMeanMs(int i) => SpikeCounts[i] < 2 ? null : IsiSums[i] * Grid.DtMs / (SpikeCounts[i] - 1);

    /// <summary>Total number of spikes of all neurons.</summary>
    public long TotalSpikes
    {
        get
        {
            long total = 0;
            foreach (int n in SpikeCounts)
            {
                total += n;
            }

            return total;
        }
    }

    /// <summary>Coefficient of variation (standard deviation / mean, population form) of neuron <paramref name="i"/>'s ISIs.</summary>
    /// <returns>None when the neuron has fewer than two ISIs (three spikes).</returns>
    /// <remarks>Computed as <c>√(n·ΣISI² − (ΣISI)²) / ΣISI</c> from exact integer sums.</remarks>
    public double? IsiCv(int i)
    {
        long n = SpikeCounts[i] - 1L;
        if (n < 2)
        {
            return null;
        }

        Int128 s1 = IsiSums[i];
        Int128 spread = (n * (Int128)IsiSquareSums[i]) - (s1 * s1);
        return Math.Sqrt((double)spread) / (double)s1;
    }
}

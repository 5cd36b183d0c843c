using System.Collections.Immutable;
using NeuroFold.Core.Simulation;

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
public sealed record PopulationResult(
    ImmutableArray<double> FinalV,
    ImmutableArray<double> FinalU,
    ImmutableArray<int> SpikeCounts,
    ImmutableArray<int> FirstSpikeSteps,
    ImmutableArray<long> IsiSums,
    ImmutableArray<long> IsiSquareSums,
    PopulationSpikes Spikes,
    RunStatus Status)
{
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

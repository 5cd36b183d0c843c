using System.Collections.Immutable;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Core.Networks;

/// <summary>The outcome of a plastic network run: every spike, per-second statistics, the requested snapshots and the final weights.</summary>
/// <param name="SpikeSteps">0-based step of each spike's detection (its time is step + 1 ms), ascending.</param>
/// <param name="SpikeNeurons">Neuron of each spike, ascending within a step.</param>
/// <param name="Seconds">One entry per completed second.</param>
/// <param name="Snapshots">The snapshots asked for, in ascending second.</param>
/// <param name="WeightHistograms">Per completed second, the counts of excitatory weights in <see cref="WeightBins"/> equal bins over [0, MaxWeight] (the last bin closed), row-major seconds × bins.</param>
/// <param name="Final">The state after the last completed second.</param>
/// <param name="Status">Completed, or the first non-finite state (checked at the end of every second).</param>
public sealed record PlasticResult(
    ImmutableArray<int> SpikeSteps,
    ImmutableArray<int> SpikeNeurons,
    ImmutableArray<PlasticSecond> Seconds,
    ImmutableArray<PlasticSnapshot> Snapshots,
    ImmutableArray<int> WeightHistograms,
    PlasticSnapshot Final,
    RunStatus Status)
{
    /// <summary>Bins of a weight histogram: bin b holds weights w with <c>b ≤ w·Bins/MaxWeight &lt; b + 1</c>, the last also w = MaxWeight.</summary>
    public const int WeightBins = 50;

    /// <summary>Number of spikes.</summary>
    public int SpikeCount => SpikeSteps.Length;
}

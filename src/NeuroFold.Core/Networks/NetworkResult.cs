using System.Collections.Immutable;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Core.Networks;

/// <summary>The spikes of a network run, in (step, neuron) order, with the final state and how the run ended.</summary>
/// <param name="SpikeSteps">Step t (1-based; the time in ms at 1 ms steps) of each spike, non-decreasing.</param>
/// <param name="SpikeNeurons">0-based neuron of each spike, ascending within a step.</param>
/// <param name="Final">State after the last completed step.</param>
/// <param name="Status">Completed, or the first step (0-based) and neuron whose state left the finite range.</param>
public sealed record NetworkResult(ImmutableArray<int> SpikeSteps, ImmutableArray<int> SpikeNeurons, NetworkState Final, RunStatus Status)
{
    /// <summary>Number of spikes.</summary>
    public int SpikeCount => SpikeSteps.Length;
}

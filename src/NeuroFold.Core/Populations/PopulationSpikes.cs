using System.Collections.Immutable;

namespace NeuroFold.Core.Populations;

/// <summary>The spikes of a population in (step, neuron) order: sorted by step, ties by neuron index.</summary>
/// <param name="Steps">0-based index of the step of each spike (its time label is <c>(step + 1)·dt</c>).</param>
/// <param name="Neurons">0-based index of the neuron of each spike.</param>
public sealed record PopulationSpikes(ImmutableArray<int> Steps, ImmutableArray<int> Neurons)
{
    /// <summary>No spikes (also what a run that does not record spikes returns).</summary>
    public static PopulationSpikes Empty { get; } = new(ImmutableArray<int>.Empty, ImmutableArray<int>.Empty);

    /// <summary>Number of spikes.</summary>
    public int Count => Steps.Length;
}

using System.Collections.Immutable;

namespace NeuroFold.Core.Simulation;

/// <summary>The spikes of one neuron in time order.</summary>
/// <param name="Steps">0-based index of each step that crossed the threshold.</param>
/// <param name="TimesMs">Time label of each spike, ms: the label of the state right after the spiking step.</param>
public sealed record SpikeTrain(ImmutableArray<int> Steps, ImmutableArray<double> TimesMs)
{
    /// <summary>Number of spikes.</summary>
    public int Count => Steps.Length;
}

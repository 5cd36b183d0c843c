using NeuroFold.Core.Models;

namespace NeuroFold.Core.Simulation;

/// <summary>What a single-neuron run returns.</summary>
/// <param name="Trace">The recorded rows (initial state included), up to the last finite state.</param>
/// <param name="Spikes">The spikes, in time order.</param>
/// <param name="Status">Completed, or where the state first left the finite range.</param>
/// <param name="Final">The last finite state reached.</param>
public sealed record SimulationResult(Trace Trace, SpikeTrain Spikes, RunStatus Status, IzhikevichState Final);

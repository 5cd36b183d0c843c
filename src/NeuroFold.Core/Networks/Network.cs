namespace NeuroFold.Core.Networks;

/// <summary>A network model: neurons, their connections and their external input.</summary>
/// <param name="Neurons">Parameters and initial state of every neuron.</param>
/// <param name="Connectivity">Synapses (dense or sparse rows), weights and delays.</param>
/// <param name="Input">External (thalamic) input per step and neuron.</param>
public sealed record Network(NetworkNeurons Neurons, Connectivity Connectivity, NetworkInput Input);

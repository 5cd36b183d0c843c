using System.Collections.Immutable;

namespace NeuroFold.Core.Networks;

/// <summary>The state of a plastic network right after a second's weight update and sd decay.</summary>
/// <param name="Second">The second, 1-based.</param>
/// <param name="Weights">Weights, row-major N×M (slot j of neuron i at i·M + j), mV/ms.</param>
/// <param name="Sd">The accumulated weight change after its decay (the value carried into the next second), row-major N×M.</param>
/// <param name="V">Membrane potential per neuron at the end of the second's last step, mV (not reset: may exceed 30).</param>
/// <param name="U">Recovery variable per neuron, mV/ms.</param>
public sealed record PlasticSnapshot(int Second, ImmutableArray<double> Weights, ImmutableArray<double> Sd, ImmutableArray<double> V, ImmutableArray<double> U);

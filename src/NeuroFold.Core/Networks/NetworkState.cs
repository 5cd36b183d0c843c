using System.Collections.Immutable;

namespace NeuroFold.Core.Networks;

/// <summary>Everything a network run needs to continue: membrane state and synaptic input already in flight.</summary>
/// <remarks>Running n steps and then m steps from the returned state gives exactly the result of n + m steps.</remarks>
/// <param name="StepsDone">Steps completed so far; the next step is <c>t = StepsDone + 1</c>.</param>
/// <param name="V">Membrane potential per neuron at the end of step <c>StepsDone</c>, mV (not yet reset: v may exceed 30).</param>
/// <param name="U">Recovery variable per neuron, mV/ms.</param>
/// <param name="Pending">Synaptic input already scheduled: <c>Pending[r·N + i]</c> is the sum for neuron i at step <c>StepsDone + 1 + r</c>, r = 0 … maxDelay − 1.</param>
public sealed record NetworkState(int StepsDone, ImmutableArray<double> V, ImmutableArray<double> U, ImmutableArray<double> Pending)
{
    /// <summary>The state before the first step: the neurons' initial values and nothing in flight.</summary>
    public static NetworkState Initial(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        int n = network.Neurons.Count;
        return new NetworkState(0, network.Neurons.V0, network.Neurons.U0, ImmutableArray.Create(new double[network.Connectivity.MaxDelaySteps * n]));
    }
}

using System.Collections.Immutable;

namespace NeuroFold.Core.Networks;

/// <summary>Everything a network run needs to continue: membrane state and synaptic input already in flight.</summary>
/// <remarks>Running n steps and then m steps from the returned state gives exactly the result of n + m steps.</remarks>
public sealed record NetworkState
{
    internal NetworkState(int stepsDone, ImmutableArray<double> v, ImmutableArray<double> u, ImmutableArray<double> pending)
    {
        StepsDone = stepsDone;
        V = v;
        U = u;
        Pending = pending;
    }

    /// <summary>Steps completed so far; the next step is <c>t = StepsDone + 1</c>.</summary>
    public int StepsDone { get; }

    /// <summary>Membrane potential per neuron at the end of step <c>StepsDone</c>, mV (not yet reset: v may exceed 30).</summary>
    public ImmutableArray<double> V { get; }

    /// <summary>Recovery variable per neuron, mV/ms.</summary>
    public ImmutableArray<double> U { get; }

    /// <summary>Synaptic input already scheduled: <c>Pending[r·N + i]</c> is the sum for neuron i at step <c>StepsDone + 1 + r</c>, r = 0 … maxDelay − 1.</summary>
    public ImmutableArray<double> Pending { get; }

    /// <summary>The state before the first step: the neurons' initial values and nothing in flight.</summary>
    public static NetworkState Initial(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        int n = network.Neurons.Count;
        return new NetworkState(0, network.Neurons.V0, network.Neurons.U0, ImmutableArray.Create(new double[network.Connectivity.MaxDelaySteps * n]));
    }
}

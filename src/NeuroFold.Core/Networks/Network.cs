using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Networks;

/// <summary>A network model: neurons, their connections and their external input, checked to fit together when built.</summary>
/// <remarks>
/// Made only by <see cref="Create"/> (or the recipes <see cref="Izhikevich2003Network"/> and <see cref="SparseNetwork"/>),
/// so a network that exists is consistent: a mismatch is reported when it is built, not when it runs. Units are
/// <c>net.m</c>'s: v in mV, u in mV/ms, time in steps of <see cref="NetworkSimulation.StepMs"/> = 1 ms, weights and inputs
/// in Izhikevich's current units (mV/ms, ≈ mV of depolarisation per 1 ms step), delays in steps.
/// </remarks>
public sealed record Network
{
    internal Network(NetworkNeurons neurons, Connectivity connectivity, NetworkInput input)
    {
        Neurons = neurons;
        Connectivity = connectivity;
        Input = input;
    }

    /// <summary>Parameters and initial state of every neuron.</summary>
    public NetworkNeurons Neurons { get; }

    /// <summary>Synapses (dense or sparse rows), weights and delays.</summary>
    public Connectivity Connectivity { get; }

    /// <summary>External (thalamic) input per step and neuron.</summary>
    public NetworkInput Input { get; }

    /// <summary>A network from its parts, checked to fit together: every problem is reported.</summary>
    /// <remarks>Rules: the connectivity and the input are for as many neurons as <paramref name="neurons"/> has.</remarks>
    public static Validation<Error, Network> Create(NetworkNeurons neurons, Connectivity connectivity, NetworkInput input)
    {
        var errors = new List<Error>();
        if (neurons is null)
        {
            errors.Add(Error.New("neurons is missing"));
        }

        if (connectivity is null)
        {
            errors.Add(Error.New("connectivity is missing"));
        }

        if (input is null)
        {
            errors.Add(Error.New("input is missing"));
        }

        if (neurons is not null && connectivity is not null && connectivity.Neurons != neurons.Count)
        {
            errors.Add(Error.New($"connectivity is for {connectivity.Neurons} neurons, the network has {neurons.Count}"));
        }

        if (neurons is not null && input?.NeuronsCovered is int covered && covered != neurons.Count)
        {
            errors.Add(Error.New($"input is for {covered} neurons, the network has {neurons.Count}"));
        }

        return errors.Count == 0
            ? Success<Error, Network>(new Network(neurons!, connectivity!, input!))
            : Fail<Error, Network>(errors.ToSeq());
    }
}

namespace NeuroFold.Core.Networks;

/// <summary>The streams of <see cref="Random.CounterRandom"/> that network builders and inputs draw from.</summary>
/// <remarks>Each quantity has its own stream, so changing how one is drawn never shifts another.</remarks>
internal static class RandomStreams
{
    /// <summary>Per-neuron heterogeneity (<c>re</c>, <c>ri</c>): index = neuron.</summary>
    public const long NeuronParameters = 1;

    /// <summary>Dense 2003 weights: index = i·N + j for <c>S[i, j]</c>.</summary>
    public const long DenseWeights = 2;

    /// <summary>Thalamic noise: draw m = (t − 1)·N + i uses the words 64·m + k (ziggurat).</summary>
    public const long ThalamicNoise = 3;

    /// <summary>Sparse recipe, presynaptic partner: index = i·K + k.</summary>
    public const long SparsePartners = 4;

    /// <summary>Sparse recipe, weight magnitude: index = i·K + k.</summary>
    public const long SparseWeights = 5;

    /// <summary>Sparse recipe, delay: index = i·K + k.</summary>
    public const long SparseDelays = 6;

    /// <summary>Polychronization recipe, targets: row i's partial Fisher–Yates swap r uses index i·N + r.</summary>
    public const long PolychronizationTargets = 7;

    /// <summary>Polychronization recipe, excitatory delays: index = i·M + j.</summary>
    public const long PolychronizationDelays = 8;

    /// <summary>Polychronization recipe, the thalamic neuron of 0-based step k: index = k.</summary>
    public const long PolychronizationDrive = 9;

    /// <summary>Dopamine-STDP recipe (2004 rule), target of slot j of neuron i: index = i·M + j.</summary>
    public const long DopamineTargets = 10;

    /// <summary>Dopamine-STDP noise input of neuron n at 1-based step k: index = (k − 1)·N + n.</summary>
    public const long DopamineNoise = 11;

    /// <summary>Dopamine-STDP reward delay of a pairing detected at 1-based step k: index = k − 1.</summary>
    public const long DopamineRewardDelay = 12;
}

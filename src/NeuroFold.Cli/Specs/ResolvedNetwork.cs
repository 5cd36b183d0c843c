using NeuroFold.Core.Networks;

namespace NeuroFold.Cli.Specs;

/// <summary>A validated <c>network</c> run: the built network with its input, its length, and what the manifest records.</summary>
/// <param name="Model">Model name (izhikevich2003 or sparse).</param>
/// <param name="Network">The network with its input.</param>
/// <param name="Steps">Number of 1 ms steps.</param>
/// <param name="Seed">Seed of every random number.</param>
/// <param name="K">Sparse: partners per neuron.</param>
/// <param name="MaxDelay">Sparse: longest delay, ms.</param>
/// <param name="G">Sparse: weight scale.</param>
/// <param name="NeuronTable">The neuron table used, with its hash, or null.</param>
/// <param name="Weights">The weight matrix used, with its hash, or null.</param>
/// <param name="InputFile">The external input used, with its hash, or null.</param>
/// <param name="Threads">Worker threads (results do not depend on it).</param>
/// <param name="OutDir">Output folder.</param>
internal sealed record ResolvedNetwork(
    string Model,
    Network Network,
    int Steps,
    long Seed,
    int K,
    int MaxDelay,
    double G,
    RecordedFile? NeuronTable,
    RecordedFile? Weights,
    RecordedFile? InputFile,
    int Threads,
    string OutDir)
{
    /// <summary>How many bytes the run's spikes may take (what the memory budget leaves beside the network); more stops the run, writing nothing.</summary>
    public long SpikeBytes { get; init; } = long.MaxValue;

    /// <summary>Sparse with <c>--plasticity stdp</c>: spnet.m's STDP on the excitatory synapses (<see cref="StdpRule"/>).</summary>
    public bool Stdp { get; init; }

    /// <summary>The STDP rule of <c>--plasticity stdp</c>: spnet.m's numbers (traces 0.1 and 0.95, LTD 1.2, drift 0.01, sd decay 0.9) with the bound g·1000/K, twice the largest initial excitatory weight.</summary>
    public PlasticityRule StdpRule => PlasticityRule.Create(0.1, 0.95, 1.2, 0.01, 0.9, G * 1000.0 / K).Match(Succ: r => r, Fail: _ => throw new InvalidOperationException("the resolver checks g > 0"));

    /// <summary>True for the sparse model.</summary>
    public bool IsSparse => Model == NetworkResolver.Sparse;
}

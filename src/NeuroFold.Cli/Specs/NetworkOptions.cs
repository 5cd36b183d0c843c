namespace NeuroFold.Cli.Specs;

/// <summary>The <c>network</c> options exactly as given (text, unparsed); null means "not given". Flags and spec fields both become this.</summary>
/// <param name="Model">izhikevich2003 or sparse.</param>
/// <param name="TMax">Run length, whole ms (one 1 ms step per ms).</param>
/// <param name="Seed">Seed.</param>
/// <param name="Neurons">Neuron count.</param>
/// <param name="NeuronTable">A CSV <c>neuron,a,b,c,d</c> replacing the generated parameters (as given; its hash when read from a spec).</param>
/// <param name="K">Sparse: partners per neuron.</param>
/// <param name="MaxDelay">Sparse: longest delay, ms.</param>
/// <param name="G">Sparse: weight scale.</param>
/// <param name="Weights">A dense N×N <c>.npy</c> replacing the generated weights.</param>
/// <param name="InputFile">A steps×N <c>.npy</c> of external input replacing the thalamic noise.</param>
/// <param name="Threads">Worker threads.</param>
/// <param name="Out">Output folder.</param>
/// <param name="Targets">Polychronization: int32 N×M <c>.npy</c> of 0-based targets.</param>
/// <param name="Delays">Polychronization: int32 N×M <c>.npy</c> of delays, ms.</param>
/// <param name="Drive">Polychronization: int32 <c>.npy</c> of the thalamic neuron of each 1 ms step.</param>
/// <param name="SnapshotAt">Polychronization: comma-separated seconds after whose weight update the state is written.</param>
/// <param name="Plasticity">Sparse: none (default) or stdp.</param>
internal sealed record NetworkOptions(
    string? Model,
    string? TMax,
    string? Seed,
    string? Neurons,
    RecordedFile? NeuronTable,
    string? K,
    string? MaxDelay,
    string? G,
    RecordedFile? Weights,
    RecordedFile? InputFile,
    string? Threads,
    string? Out,
    RecordedFile? Targets = null,
    RecordedFile? Delays = null,
    RecordedFile? Drive = null,
    string? SnapshotAt = null,
    string? Plasticity = null)
{
    /// <summary>No option given at all.</summary>
    public static NetworkOptions Empty { get; } = new(null, null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>The spec fields, camelCase.</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["model", "tMax", "seed", "neurons", "neuronTable", "k", "maxDelay", "g", "weights", "inputFile", "threads", "out", "targets", "delays", "drive", "snapshotAt", "plasticity"];
}

/// <summary>An input file of a run: its path and, when it comes from a manifest, the SHA-256 it had then.</summary>
/// <param name="Path">The path as given.</param>
/// <param name="Sha256">The recorded hash (lower-case hex), or null when the file was named on the command line.</param>
internal sealed record RecordedFile(string Path, string? Sha256);

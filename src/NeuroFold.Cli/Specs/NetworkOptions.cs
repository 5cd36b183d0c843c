namespace NeuroFold.Cli.Specs;

/// <summary>The <c>network</c> options exactly as given (text, unparsed); null means "not given".</summary>
internal sealed record NetworkOptions(
    string? Model,
    string? TMax,
    string? Seed,
    string? Neurons,
    string? K,
    string? MaxDelay,
    string? G,
    string? Weights,
    string? Input,
    string? Threads,
    string? Out)
{
    /// <summary>No option given at all.</summary>
    public static NetworkOptions Empty { get; } = new(null, null, null, null, null, null, null, null, null, null, null);
}

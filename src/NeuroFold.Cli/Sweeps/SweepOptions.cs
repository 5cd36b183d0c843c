namespace NeuroFold.Cli.Sweeps;

/// <summary>The <c>sweep</c> options exactly as given (text, unparsed); null means "not given". Flags and spec fields both become this.</summary>
/// <remarks><see cref="Shard"/> is <c>I/N</c> (part I of N of the grid) or null for the whole sweep.</remarks>
internal sealed record SweepOptions(
    IReadOnlyList<string> Grid,
    string? Preset,
    string? Scheme,
    string? Dt,
    string? TMax,
    string? V0,
    string? Constant,
    string? Radius,
    string? Length,
    string? Capacitance,
    string? Threads,
    string? Out,
    string? Shard = null)
{
    /// <summary>The spec fields, camelCase, in the order the spec writer writes them.</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["grid", "preset", "scheme", "dt", "tMax", "v0", "constant", "radius", "length", "capacitance", "shard", "threads", "out"];
}

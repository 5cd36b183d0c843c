namespace NeuroFold.Cli.Specs;

/// <summary>The <c>simulate</c> options exactly as given (text, unparsed); null means "not given".</summary>
/// <remarks>
/// <c>simulate</c> flags and <c>run</c> spec fields both become this record and go through
/// <see cref="SimulateResolver"/>, so the two cannot drift apart. Fields added later are init properties with a
/// "not given" default, so existing constructor calls keep compiling.
/// </remarks>
internal sealed record SimulateOptions(
    string? Preset,
    string? A,
    string? B,
    string? C,
    string? D,
    string? Dt,
    string? TMax,
    string? V0,
    string? U0,
    IReadOnlyList<string> Steps,
    string? Constant,
    string? Radius,
    string? Length,
    string? Capacitance,
    string? Scheme,
    string? Out)
{
    /// <summary><c>--record</c>: the trace columns to keep, comma-separated (<c>v</c>, <c>u</c>); null keeps both.</summary>
    public string? Record { get; init; }

    /// <summary><c>--record-every</c>: keep every n-th trace row; null keeps all.</summary>
    public string? RecordEvery { get; init; }

    /// <summary><c>--no-trace</c> (spec <c>"trace": false</c>): write no trace, spikes only; null means not given (trace kept).</summary>
    public bool? Trace { get; init; }

    /// <summary><c>--no-plot</c> (spec <c>"plot": false</c>): skip trace.png and trace.svg; null means not given (plots drawn).</summary>
    public bool? Plot { get; init; }

    /// <summary>No option given at all.</summary>
    public static SimulateOptions Empty { get; } =
        new(null, null, null, null, null, null, null, null, null, [], null, null, null, null, null, null);
}

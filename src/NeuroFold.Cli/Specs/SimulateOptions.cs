namespace NeuroFold.Cli.Specs;

/// <summary>The <c>simulate</c> options exactly as given (text, unparsed); null means "not given".</summary>
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
    /// <summary>No option given at all.</summary>
    public static SimulateOptions Empty { get; } =
        new(null, null, null, null, null, null, null, null, null, [], null, null, null, null, null, null);
}

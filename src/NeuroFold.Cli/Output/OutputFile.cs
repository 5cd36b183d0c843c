namespace NeuroFold.Cli.Output;

/// <summary>One output file as the manifest records it.</summary>
/// <param name="File">Relative path inside the output folder ('/'-separated).</param>
/// <param name="Bytes">Length in bytes.</param>
/// <param name="Sha256">SHA-256 of the contents, lower-case hex.</param>
internal sealed record OutputFile(string File, long Bytes, string Sha256)
{
    /// <summary>Whether the file holds numbers or a picture of them (told by its extension: .png and .svg are figures).</summary>
    public OutputKind Kind => OutputKinds.Of(File);
}

/// <summary>What an output holds, for replay on another platform: the numbers must match everywhere; pictures may be drawn differently.</summary>
internal enum OutputKind
{
    /// <summary>Numbers (CSV, JSON): the same bytes on every platform.</summary>
    Data,

    /// <summary>A picture (PNG, SVG): the same bytes on one platform; another platform's renderer may anti-alias differently.</summary>
    Figure,
}

/// <summary>The classification of outputs by name.</summary>
internal static class OutputKinds
{
    /// <summary>The kind of the output named <paramref name="file"/>.</summary>
    public static OutputKind Of(string file) =>
        file.EndsWith(".png", StringComparison.Ordinal) || file.EndsWith(".svg", StringComparison.Ordinal) ? OutputKind.Figure : OutputKind.Data;

    /// <summary>The manifest's word for a kind.</summary>
    public static string Name(OutputKind kind) => kind == OutputKind.Figure ? "figure" : "data";
}

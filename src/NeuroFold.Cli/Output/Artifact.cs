namespace NeuroFold.Cli.Output;

/// <summary>One output file of a run: its name inside the output folder and how its bytes are written.</summary>
/// <param name="Name">Relative path inside the output folder, '/'-separated (<c>trace.csv</c>, <c>rs/spikes.csv</c>).</param>
/// <param name="Write">Writes the file's bytes to a stream.</param>
internal sealed record Artifact(string Name, Action<Stream> Write)
{
    /// <summary>A text file: UTF-8 without BOM, '\n' line ends on every OS.</summary>
    public static Artifact Text(string name, Action<TextWriter> write) => new(name, AtomicWriter.Text(write));

    /// <summary>A JSON document: indented, '\n' line ends, round-trip numbers, followed by a newline.</summary>
    public static Artifact Json(string name, Action<System.Text.Json.Utf8JsonWriter> write) => new(name, Output.Json.Document(write));
}

namespace NeuroFold.Cli.Output;

/// <summary>One output file of a run: its name inside the output folder and how its bytes are written.</summary>
/// <param name="Name">Relative path inside the output folder, '/'-separated (<c>trace.csv</c>, <c>rs/spikes.csv</c>).</param>
/// <param name="Write">Writes the file's bytes to a stream.</param>
internal sealed record Artifact(string Name, Action<Stream> Write)
{
    /// <summary>A text file: UTF-8 without BOM, '\n' line ends on every OS.</summary>
    public static Artifact Text(string name, Action<TextWriter> write) => new(name, TextContent(write));

    /// <summary>A writer for text content (UTF-8 without BOM, '\n' line ends).</summary>
    public static Action<Stream> TextContent(Action<TextWriter> write) => stream =>
    {
        using var writer = TextWriterOn(stream);
        write(writer);
    };

    /// <summary>A text writer over <paramref name="stream"/> with the conventions of every text output; it leaves the stream open.</summary>
    public static StreamWriter TextWriterOn(Stream stream) => new(stream, Utf8NoBom, 1 << 16, leaveOpen: true) { NewLine = "\n" };

    static readonly System.Text.UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A JSON document: indented, '\n' line ends, round-trip numbers, followed by a newline.</summary>
    public static Artifact Json(string name, Action<System.Text.Json.Utf8JsonWriter> write) => new(name, Output.Json.Document(write));
}

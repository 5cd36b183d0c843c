using System.Text.Encodings.Web;
using System.Text.Json;

namespace NeuroFold.Cli.Output;

/// <summary>The JSON conventions of NeuroFold's files: indented, '\n' line ends, round-trip numbers, plain UTF-8.</summary>
internal static class Json
{
    /// <summary>Writer options every JSON output uses, so the bytes are the same on every machine.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A writer for an <see cref="Artifact"/> that writes one JSON document followed by a newline.</summary>
    public static Action<Stream> Document(Action<Utf8JsonWriter> write) => stream =>
    {
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(writer);
        }

        stream.WriteByte((byte)'\n');
    };

    /// <summary>Writes a number, or null when there is none.</summary>
    public static void NumberOrNull(Utf8JsonWriter w, string name, double? x)
    {
        if (x is double value)
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}

using System.Text;
using System.Text.Json;

namespace NeuroFold.Cli.Output.Transactions;

/// <summary>How far a commit has come: written into the lock file before each step, read back by the next run to finish or undo an interrupted one.</summary>
/// <param name="Phase">The step under way (see <see cref="Phases"/>).</param>
/// <param name="Stage">Name (in the parent folder) of the folder the new set is written into.</param>
/// <param name="Aside">Name of the folder the old set was renamed to, when folders cannot be swapped atomically.</param>
/// <param name="ManifestSha256">SHA-256 of the new <c>run.json</c>: tells, after a crash during the swap, whether the swap happened.</param>
/// <param name="Carried">Files of the user's (relative paths) given a second name in the stage, so they stay in the folder across the swap.</param>
internal sealed record Journal(string Phase, string? Stage, string? Aside, string? ManifestSha256, IReadOnlyList<string> Carried)
{
    /// <summary>The format tag.</summary>
    public const string Format = "neurofold-commit/1";

    /// <summary>The phases, in order.</summary>
    internal static class Phases
    {
        /// <summary>The new set is being written into the stage; the folder is untouched.</summary>
        public const string Writing = "writing";

        /// <summary>The user's files are being linked into the stage; the folder is untouched.</summary>
        public const string Carrying = "carrying";

        /// <summary>The folder and the stage are being swapped (one system call).</summary>
        public const string Exchanging = "exchanging";

        /// <summary>No atomic swap here: the old folder is being renamed aside, then the stage into its place.</summary>
        public const string Aside = "aside";

        /// <summary>The new set is in place; the old set (in the stage's or the aside name) is being drained.</summary>
        public const string Exchanged = "exchanged";

        /// <summary>Nothing is under way.</summary>
        public const string Done = "done";
    }

    /// <summary>The journal of a folder nothing is happening to.</summary>
    public static Journal Idle { get; } = new(Phases.Done, null, null, null, []);

    /// <summary>The journal as stored.</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("phase", Phase);
            w.WriteString("stage", Stage);
            w.WriteString("aside", Aside);
            w.WriteString("manifestSha256", ManifestSha256);
            w.WriteStartArray("carried");
            foreach (string c in Carried)
            {
                w.WriteStringValue(c);
            }

            w.WriteEndArray();
            w.WriteNumber("pid", Environment.ProcessId);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The journal in <paramref name="bytes"/>; null when there is none or it cannot be read (an empty lock file, or one of spaces only, is <see cref="Idle"/>; a journal is padded with spaces to the length of the one it replaced).</summary>
    public static Journal? Parse(ReadOnlySpan<byte> bytes)
    {
        bytes = bytes.Trim((byte)' ');
        if (bytes.IsEmpty)
        {
            return Idle;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(bytes));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var f) || f.GetString() != Format)
            {
                return null;
            }

            string? Text(string name) => root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var carried = root.TryGetProperty("carried", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
            return new Journal(Text("phase") ?? Phases.Done, Text("stage"), Text("aside"), Text("manifestSha256"), carried);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

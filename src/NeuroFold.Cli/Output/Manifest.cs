using System.Reflection;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using NeuroFold.IO;

namespace NeuroFold.Cli.Output;

/// <summary><c>run.json</c>: what a run was (command, fully resolved spec, tool version, platform) and what it wrote (size and SHA-256 of every output).</summary>
/// <param name="Command">The command that made the run (<c>simulate</c>, <c>run</c>, <c>gallery</c>, <c>sweep</c>, <c>network</c>).</param>
/// <param name="ToolVersion">Informational version of the <c>neurofold</c> that made the run.</param>
/// <param name="Spec">The resolved spec, as JSON (every default explicit).</param>
/// <param name="Outputs">Every output file, in the order written.</param>
internal sealed record Manifest(string Command, string ToolVersion, JsonElement Spec, IReadOnlyList<OutputFile> Outputs)
{
    /// <summary>Where the run ran (<see cref="ManifestPlatform.Unknown"/> for the first manifest format).</summary>
    public ManifestPlatform Platform { get; init; } = ManifestPlatform.Unknown;

    /// <summary>The file name of the manifest inside an output folder.</summary>
    public const string FileName = "run.json";

    /// <summary>The format tag written into every manifest.</summary>
    public const string Format = "neurofold-run/2";

    /// <summary>The format of the first manifests (single-neuron runs only, no command field); still read.</summary>
    public const string FormatVersion1 = "neurofold-run/1";

    /// <summary>The informational version of this build of <c>neurofold</c>.</summary>
    public static string CurrentToolVersion { get; } =
        typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Manifest).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Writes the manifest of a run of <paramref name="command"/> that produced <paramref name="outputs"/>.</summary>
    public static void Write(Utf8JsonWriter w, string command, Action<Utf8JsonWriter> spec, IReadOnlyList<OutputFile> outputs)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outputs);
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteString("tool", "neurofold");
        w.WriteString("toolVersion", CurrentToolVersion);
        w.WriteString("command", command);
        ManifestPlatform.Current.Write(w);
        w.WritePropertyName("spec");
        spec(w);
        w.WriteStartArray("outputs");
        foreach (var f in outputs)
        {
            w.WriteStartObject();
            w.WriteString("file", f.File);
            w.WriteNumber("bytes", f.Bytes);
            w.WriteString("sha256", f.Sha256);
            w.WriteString("kind", OutputKinds.Name(f.Kind));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Reads a manifest document; every problem is reported with its JSON path.</summary>
    /// <remarks>The returned <see cref="Spec"/> is a clone, valid after <paramref name="document"/> is disposed.</remarks>
    public static Validation<Error, Manifest> Read(JsonDocument document, string source)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail<Error, Manifest>(Error.New($"{source}: $ must be a run manifest object"));
        }

        var problems = new List<Error>();
        string format = Str(root, "format", problems);
        if (format.Length > 0 && format != Format && format != FormatVersion1)
        {
            problems.Add(Error.New($"$.format must be \"{Format}\" (or the older \"{FormatVersion1}\"), got \"{Excerpt.Of(format)}\""));
        }

        string command = format == FormatVersion1 ? "simulate" : Str(root, "command", problems);
        string version = Str(root, "toolVersion", problems);
        JsonElement spec = default;
        if (!root.TryGetProperty("spec", out var specElement) || specElement.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Error.New("$.spec must be the resolved spec object"));
        }
        else
        {
            spec = specElement.Clone();
        }

        var outputs = new List<OutputFile>();
        if (!root.TryGetProperty("outputs", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add(Error.New("$.outputs must be an array of {\"file\", \"bytes\", \"sha256\"} objects"));
        }
        else
        {
            int i = 0;
            foreach (var item in list.EnumerateArray())
            {
                string at = $"$.outputs[{i++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(Error.New($"{at} must be an object"));
                    continue;
                }

                string file = Str(item, "file", problems, at);
                string sha = Str(item, "sha256", problems, at);
                long bytes = item.TryGetProperty("bytes", out var b) && b.TryGetInt64(out long n) && n >= 0 ? n : -1;
                if (bytes < 0)
                {
                    problems.Add(Error.New($"{at}.bytes must be a whole number >= 0"));
                }

                if (file.Length > 0 && !IsInsideFolder(file))
                {
                    problems.Add(Error.New($"{at}.file must be a relative path inside the output folder ('/'-separated, no '..'), got \"{Excerpt.Of(file)}\""));
                }

                if (sha.Length > 0 && (sha.Length != 64 || !sha.All(Uri.IsHexDigit)))
                {
                    problems.Add(Error.New($"{at}.sha256 must be 64 hex digits, got \"{Excerpt.Of(sha)}\""));
                }

                if (item.TryGetProperty("kind", out var kind) && (kind.ValueKind != JsonValueKind.String || kind.GetString() != OutputKinds.Name(OutputKinds.Of(file))))
                {
                    problems.Add(Error.New($"{at}.kind must be \"{OutputKinds.Name(OutputKinds.Of(file))}\" for \"{Excerpt.Of(file)}\" (figures are .png and .svg, everything else is data)"));
                }

                outputs.Add(new OutputFile(file, bytes, sha.ToLowerInvariant()));
            }
        }

        return problems.Count == 0
            ? Success<Error, Manifest>(new Manifest(command, version, spec, outputs) { Platform = ManifestPlatform.Read(root) })
            : Fail<Error, Manifest>(problems.Select(e => Error.New($"{source}: {e.Message}")).ToSeq().Strict());
    }

    /// <summary>True for a '/'-separated relative path of plain names (no rooted path, no '.', '..', '\' or the manifest itself).</summary>
    static bool IsInsideFolder(string file)
    {
        if (file == FileName || file.Contains('\\', StringComparison.Ordinal) || Path.IsPathRooted(file))
        {
            return false;
        }

        foreach (string part in file.Split('/'))
        {
            if (part.Length == 0 || part is "." or ".." || part != Path.GetFileName(part))
            {
                return false;
            }
        }

        return true;
    }

    static string Str(JsonElement obj, string name, List<Error> problems, string at = "$")
    {
        if (obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            return value.GetString() ?? "";
        }

        problems.Add(Error.New($"{at}.{name} must be a string"));
        return "";
    }
}

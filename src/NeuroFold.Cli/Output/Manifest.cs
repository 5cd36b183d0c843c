using System.Reflection;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Specs;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Output;

/// <summary><c>run.json</c>: what a run was (the fully resolved spec, tool version, scheme) and what it wrote (SHA-256 of every output).</summary>
/// <param name="ToolVersion">Informational version of the <c>neurofold</c> that made the run.</param>
/// <param name="Scheme">Name of the numerical scheme.</param>
/// <param name="Spec">The resolved spec, as JSON (every default explicit).</param>
/// <param name="Outputs">Every output file, in the order written.</param>
internal sealed record Manifest(string ToolVersion, string Scheme, JsonElement Spec, IReadOnlyList<OutputFile> Outputs)
{
    /// <summary>The file name of the manifest inside an output folder.</summary>
    public const string FileName = "run.json";

    /// <summary>The format tag written into every manifest.</summary>
    public const string Format = "neurofold-run/1";

    /// <summary>The informational version of this build of <c>neurofold</c>.</summary>
    public static string CurrentToolVersion { get; } =
        typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Manifest).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Writes the manifest of a run of <paramref name="spec"/> that produced <paramref name="outputs"/>.</summary>
    public static void Write(Utf8JsonWriter w, ResolvedSimulation spec, IReadOnlyList<OutputFile> outputs)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outputs);
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteString("tool", "neurofold");
        w.WriteString("toolVersion", CurrentToolVersion);
        w.WriteString("scheme", spec.Scheme);
        w.WritePropertyName("spec");
        RunSpecWriter.Write(w, spec);
        w.WriteStartArray("outputs");
        foreach (var f in outputs)
        {
            w.WriteStartObject();
            w.WriteString("file", f.File);
            w.WriteNumber("bytes", f.Bytes);
            w.WriteString("sha256", f.Sha256);
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
        if (format.Length > 0 && format != Format)
        {
            problems.Add(Error.New($"$.format must be \"{Format}\", got \"{format}\""));
        }

        string version = Str(root, "toolVersion", problems);
        string scheme = Str(root, "scheme", problems);
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

                if (file.Length > 0 && (file != Path.GetFileName(file) || file is "." or ".." || file == FileName))
                {
                    problems.Add(Error.New($"{at}.file must be a plain file name inside the output folder, got \"{file}\""));
                }

                if (sha.Length > 0 && (sha.Length != 64 || !sha.All(Uri.IsHexDigit)))
                {
                    problems.Add(Error.New($"{at}.sha256 must be 64 hex digits, got \"{sha}\""));
                }

                outputs.Add(new OutputFile(file, bytes, sha.ToLowerInvariant()));
            }
        }

        return problems.Count == 0
            ? Success<Error, Manifest>(new Manifest(version, scheme, spec, outputs))
            : Fail<Error, Manifest>(problems.Select(e => Error.New($"{source}: {e.Message}")).ToSeq().Strict());
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

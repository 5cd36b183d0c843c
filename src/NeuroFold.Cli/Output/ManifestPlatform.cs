using System.Runtime.InteropServices;
using System.Text.Json;

namespace NeuroFold.Cli.Output;

/// <summary>Where a run ran, as its manifest records it: the OS, the architecture, the runtime and the CPU's vector width.</summary>
/// <param name="Os">The OS description (kernel and version).</param>
/// <param name="Architecture">The process architecture (<c>X64</c>, <c>Arm64</c>).</param>
/// <param name="Runtime">The .NET runtime.</param>
/// <param name="VectorWidth">The widest vector the population kernel uses on this CPU.</param>
/// <param name="RuntimeIdentifier">The runtime identifier (<c>linux-x64</c>, <c>linux-arm64</c>, <c>osx-arm64</c>, <c>win-x64</c>): the platform as replay compares it.</param>
internal sealed record ManifestPlatform(string Os, string Architecture, string Runtime, string VectorWidth, string RuntimeIdentifier)
{
    /// <summary>This process's platform.</summary>
    public static ManifestPlatform Current { get; } = new(
        RuntimeInformation.OSDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        RuntimeInformation.FrameworkDescription,
        Core.Populations.PopulationSimulation.Resolve(Core.Populations.VectorWidth.Auto).ToString(),
        RuntimeInformation.RuntimeIdentifier);

    /// <summary>An unknown platform (a manifest of the first format, which recorded none).</summary>
    public static ManifestPlatform Unknown { get; } = new("unknown", "unknown", "unknown", "unknown", "unknown");

    /// <summary>Whether figures drawn there and here may differ: another OS or architecture (a kernel or runtime update does not count).</summary>
    public bool DrawsLike(ManifestPlatform other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Family(this), Family(other), StringComparison.Ordinal);
    }

    /// <summary>The platform in a few words: <c>linux-x64</c>.</summary>
    public override string ToString() => Family(this);

    /// <summary>Writes the <c>platform</c> object.</summary>
    public void Write(Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject("platform");
        w.WriteString("os", Os);
        w.WriteString("architecture", Architecture);
        w.WriteString("runtime", Runtime);
        w.WriteString("vectorWidth", VectorWidth);
        w.WriteString("runtimeIdentifier", RuntimeIdentifier);
        w.WriteEndObject();
    }

    /// <summary>The platform a manifest records (missing fields as "unknown"; before the runtime identifier was recorded, it is made from the OS and architecture).</summary>
    public static ManifestPlatform Read(JsonElement root)
    {
        if (!root.TryGetProperty("platform", out var p) || p.ValueKind != JsonValueKind.Object)
        {
            return Unknown;
        }

        string Text(string name) => p.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() ?? "unknown" : "unknown";
        string os = Text("os");
        string architecture = Text("architecture");
        string rid = Text("runtimeIdentifier");
        if (rid == "unknown" && os != "unknown" && architecture != "unknown")
        {
            string family = os.StartsWith("Linux", StringComparison.Ordinal) ? "linux" : os.StartsWith("Darwin", StringComparison.Ordinal) ? "osx" : os.StartsWith("Microsoft Windows", StringComparison.Ordinal) ? "win" : os.Split(' ')[0].ToLowerInvariant();
            rid = $"{family}-{architecture.ToLowerInvariant()}";
        }

        return new ManifestPlatform(os, architecture, Text("runtime"), Text("vectorWidth"), rid);
    }

    static string Family(ManifestPlatform p) => p.RuntimeIdentifier;
}

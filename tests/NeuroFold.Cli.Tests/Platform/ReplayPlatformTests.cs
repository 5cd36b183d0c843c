using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NeuroFold.Cli.Tests.Platform;

/// <summary>Manifests know where they ran; replay on another platform needs the data to match and reports figure-only differences apart.</summary>
public sealed class ReplayPlatformTests
{
    [Fact]
    public void Every_manifest_records_the_platform_and_the_kind_of_every_output()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, Cli.Run("simulate", "--t-max", "50", "--quiet", "--out", tmp["out"]).Exit);
        using var manifest = JsonDocument.Parse(File.ReadAllText(tmp["out/run.json"]));
        var platform = manifest.RootElement.GetProperty("platform");
        foreach (string field in new[] { "os", "architecture", "runtime", "vectorWidth", "runtimeIdentifier" })
        {
            Assert.False(string.IsNullOrEmpty(platform.GetProperty(field).GetString()), field);
        }

        Assert.Equal(System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, platform.GetProperty("runtimeIdentifier").GetString());
        var kinds = manifest.RootElement.GetProperty("outputs").EnumerateArray().ToDictionary(o => o.GetProperty("file").GetString()!, o => o.GetProperty("kind").GetString());
        Assert.Equal("data", kinds["trace.csv"]);
        Assert.Equal("data", kinds["spikes.csv"]);
        Assert.Equal("data", kinds["summary.json"]);
        Assert.Equal("figure", kinds["trace.png"]);
        Assert.Equal("figure", kinds["trace.svg"]);
    }

    [Fact]
    public void A_figure_drawn_differently_on_another_platform_is_reported_apart_from_the_data_with_exit_code_6()
    {
        using var tmp = new TempFolder();
        string manifest = ForeignRun(tmp, "trace.png", "linux-arm64", "Arm64");
        var r = Cli.Run("replay", manifest);
        Assert.Equal(6, r.Exit);
        Assert.Contains("data identical, figures differ: all 3 data outputs match", r.Out, StringComparison.Ordinal);
        Assert.Contains("1 figure(s) drawn on linux-arm64 differ from this", r.Out, StringComparison.Ordinal);
        Assert.Contains("figure differs: trace.png", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void On_the_same_platform_a_figure_that_does_not_reproduce_is_a_difference()
    {
        using var tmp = new TempFolder();
        string manifest = ForeignRun(tmp, "trace.png", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, null);
        var r = Cli.Run("replay", manifest);
        Assert.Equal(4, r.Exit);
        Assert.Contains("differs: trace.png: the re-run produced different bytes", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void On_another_platform_every_data_output_must_still_match()
    {
        using var tmp = new TempFolder();
        string manifest = ForeignRun(tmp, "summary.json", "linux-arm64", "Arm64");
        var r = Cli.Run("replay", manifest);
        Assert.Equal(4, r.Exit);
        Assert.Contains("differs: summary.json: the re-run produced different bytes", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_whose_kind_disagrees_with_its_file_is_invalid()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, Cli.Run("simulate", "--t-max", "20", "--quiet", "--out", tmp["out"]).Exit);
        var root = JsonNode.Parse(File.ReadAllText(tmp["out/run.json"]))!;
        foreach (var o in root["outputs"]!.AsArray())
        {
            if ((string?)o!["file"] == "trace.csv")
            {
                o["kind"] = "figure";
            }
        }

        File.WriteAllText(tmp["out/run.json"], root.ToJsonString());
        var r = Cli.Run("replay", tmp["out/run.json"]);
        Assert.Equal(2, r.Exit);
        Assert.Contains(".kind must be \"data\" for \"trace.csv\"", r.Err, StringComparison.Ordinal);
    }

    /// <summary>
    /// A run as if made on the platform <paramref name="rid"/>: the manifest names that platform, and <paramref name="file"/> holds other bytes
    /// (as another platform's renderer, or a changed computation, would have written), recorded in the manifest with their hash.
    /// </summary>
    static string ForeignRun(TempFolder tmp, string file, string rid, string? architecture)
    {
        Assert.Equal(0, Cli.Run("simulate", "--t-max", "50", "--quiet", "--out", tmp["out"]).Exit);
        string path = tmp[$"out/{file}"];
        var bytes = File.ReadAllBytes(path);
        bytes[^2] ^= 1;
        File.WriteAllBytes(path, bytes);
        var root = JsonNode.Parse(File.ReadAllText(tmp["out/run.json"]))!;
        root["platform"]!["runtimeIdentifier"] = rid;
        if (architecture is not null)
        {
            root["platform"]!["architecture"] = architecture;
        }

        foreach (var o in root["outputs"]!.AsArray())
        {
            if ((string?)o!["file"] == file)
            {
                o["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
                o["bytes"] = bytes.Length;
            }
        }

        File.WriteAllText(tmp["out/run.json"], root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return tmp["out/run.json"];
    }
}

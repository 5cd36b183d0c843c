using NeuroFold.Cli;
using Xunit;

namespace NeuroFold.Cli.Tests;

/// <summary><c>neurofold gallery</c> end to end, in a temporary folder.</summary>
public sealed class GalleryCommandTests : IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "neurofold-gallery-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Writes_every_protocol_and_the_figure()
    {
        var (code, output, _) = Cli.Run("gallery", "--out", root);

        Assert.Equal(0, code);
        Assert.Equal(28, Directory.GetDirectories(root).Length);
        foreach (string id in new[] { "tonic-spiking", "accommodation", "inhibition-induced-bursting", "rs", "tc-burst", "lts" })
        {
            Assert.True(File.Exists(Path.Combine(root, id, "trace.csv")), id);
            Assert.True(File.Exists(Path.Combine(root, id, "spikes.csv")), id);
        }

        byte[] png = File.ReadAllBytes(Path.Combine(root, "features.png"));
        Assert.True(png.Length > 10_000);
        Assert.Equal(0x89, png[0]);
        string svg = File.ReadAllText(Path.Combine(root, "features.svg"));
        Assert.Equal(21, svg.Split("<svg").Length - 1);
        Assert.Contains("(T) inh. induced brst.", svg, StringComparison.Ordinal);
        Assert.Contains("tonic-spiking: 401 steps of 0.25 ms, 5 spikes", output, StringComparison.Ordinal);
    }

    [Fact]
    public void One_feature_writes_its_own_files_with_the_published_spike_times()
    {
        var (code, _, _) = Cli.Run("gallery", "--out", root, "--feature", "tonic-spiking");

        Assert.Equal(0, code);
        Assert.Single(Directory.GetDirectories(root));
        Assert.False(File.Exists(Path.Combine(root, "features.png")));
        string[] spikes = File.ReadAllLines(Path.Combine(root, "tonic-spiking", "spikes.csv"));
        Assert.Equal("neuron,t_ms", spikes[0]);
        Assert.Equal(["0,13", "0,17"], spikes[1..3]);
        string[] trace = File.ReadAllLines(Path.Combine(root, "tonic-spiking", "trace.csv"));
        Assert.Equal(402, trace.Length);
        Assert.StartsWith("13,30,", trace.Single(l => l.StartsWith("13,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_feature_is_invalid_input_and_writes_nothing()
    {
        var (code, _, err) = Cli.Run("gallery", "--out", root, "--feature", "nope");

        Assert.Equal(2, code);
        Assert.Contains("feature must be one of", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root));
    }
}

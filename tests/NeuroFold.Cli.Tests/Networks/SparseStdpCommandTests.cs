using System.Text.Json;
using Xunit;

namespace NeuroFold.Cli.Tests.Networks;

/// <summary><c>neurofold network --model sparse --plasticity stdp</c> end to end: outputs, threads, replay, bad input.</summary>
public sealed class SparseStdpCommandTests : IDisposable
{
    readonly NetworkCli cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Outputs_are_the_same_bytes_for_one_and_two_threads_and_replay_identically()
    {
        // 10,000 neurons: two blocks of at least 4096, so the membrane update is really split.
        string[] run = ["network", "--model", "sparse", "--neurons", "10000", "--k", "50", "--max-delay", "5", "--plasticity", "stdp", "--seed", "2", "--t-max", "2000", "--quiet"];
        var one = cli.Run([.. run, "--threads", "1", "--out", cli.PathOf("one")]);
        var two = cli.Run([.. run, "--threads", "2", "--out", cli.PathOf("two")]);
        Assert.Equal(0, one.Exit);
        Assert.Equal(0, two.Exit);
        string[] expected = ["raster.png", "raster.svg", "run.json", "spikes.csv", "summary.json", "weights.png", "weights.svg"];
        Assert.Equal(expected, Directory.GetFiles(cli.PathOf("one")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        foreach (string file in expected.Where(f => f != "run.json"))
        {
            Assert.True(File.ReadAllBytes(cli.PathOf($"one/{file}")).AsSpan().SequenceEqual(File.ReadAllBytes(cli.PathOf($"two/{file}"))), file);
        }

        using var summary = JsonDocument.Parse(File.ReadAllText(cli.PathOf("one/summary.json")));
        var root = summary.RootElement;
        Assert.Equal("stdp", root.GetProperty("plasticity").GetString());
        Assert.Equal(20.0, root.GetProperty("rule").GetProperty("maxWeight").GetDouble());
        Assert.Equal(2, root.GetProperty("meanExcitatoryWeightPerSecond").GetArrayLength());
        Assert.Contains("\"plasticity\": \"stdp\"", File.ReadAllText(cli.PathOf("one/run.json")), StringComparison.Ordinal);

        var replay = cli.Run("replay", cli.PathOf("one/run.json"));
        Assert.Equal(0, replay.Exit);
        Assert.Contains("identical", replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Plasticity_none_is_the_static_network()
    {
        string[] run = ["network", "--model", "sparse", "--neurons", "500", "--k", "20", "--t-max", "300", "--quiet"];
        Assert.Equal(0, cli.Run([.. run, "--out", cli.PathOf("plain")]).Exit);
        Assert.Equal(0, cli.Run([.. run, "--plasticity", "none", "--out", cli.PathOf("none")]).Exit);
        foreach (string file in new[] { "spikes.csv", "summary.json", "run.json" })
        {
            Assert.Equal(File.ReadAllText(cli.PathOf($"plain/{file}")), File.ReadAllText(cli.PathOf($"none/{file}")));
        }
    }

    [Fact]
    public void Bad_options_are_all_listed_with_exit_code_2_and_nothing_is_written()
    {
        var r = cli.Run(
            "network", "--model", "sparse", "--neurons", "100", "--plasticity", "stdp", "--max-delay", "40", "--g", "0", "--t-max", "1500", "--out", cli.PathOf("out"));
        Assert.Equal(2, r.Exit);
        Assert.False(Directory.Exists(cli.PathOf("out")));
        foreach (string expected in new[] { "--max-delay up to 29", "--g > 0", "--t-max must be whole seconds" })
        {
            Assert.Contains(expected, r.Err, StringComparison.Ordinal);
        }

        var wrongRule = cli.Run("network", "--model", "sparse", "--plasticity", "hebb", "--out", cli.PathOf("out"));
        Assert.Equal(2, wrongRule.Exit);
        Assert.Contains("--plasticity must be none or stdp, got 'hebb'", wrongRule.Err, StringComparison.Ordinal);
        var dense = cli.Run("network", "--model", "izhikevich2003", "--plasticity", "stdp", "--out", cli.PathOf("out"));
        Assert.Equal(2, dense.Exit);
        Assert.Contains("--plasticity stdp applies only to --model sparse", dense.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cli.PathOf("out")));
    }
}

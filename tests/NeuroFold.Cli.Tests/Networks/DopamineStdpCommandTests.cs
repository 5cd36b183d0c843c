using System.Text.Json;
using Xunit;

namespace NeuroFold.Cli.Tests.Networks;

/// <summary><c>neurofold network --model dopamine-stdp</c> end to end: outputs, threads, replay, bad input.</summary>
public sealed class DopamineStdpCommandTests : IDisposable
{
    readonly NetworkCli cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Outputs_are_the_same_bytes_for_one_and_two_threads_and_replay_identically()
    {
        string[] run = ["network", "--model", "dopamine-stdp", "--seed", "6", "--t-max", "4000", "--quiet"];
        var one = cli.Run([.. run, "--threads", "1", "--out", cli.PathOf("one")]);
        var two = cli.Run([.. run, "--threads", "2", "--out", cli.PathOf("two")]);
        Assert.Equal(0, one.Exit);
        Assert.Equal(0, two.Exit);
        string[] expected = ["raster.png", "raster.svg", "rewarded.png", "rewarded.svg", "run.json", "spikes.csv", "summary.json"];
        Assert.Equal(expected, Directory.GetFiles(cli.PathOf("one")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        foreach (string file in expected.Where(f => f != "run.json"))
        {
            Assert.True(File.ReadAllBytes(cli.PathOf($"one/{file}")).AsSpan().SequenceEqual(File.ReadAllBytes(cli.PathOf($"two/{file}"))), file);
        }

        Assert.StartsWith("neuron,t_ms\n", File.ReadAllText(cli.PathOf("one/spikes.csv")), StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(cli.PathOf("one/summary.json")));
        var root = summary.RootElement;
        Assert.Equal("dopamine-stdp", root.GetProperty("model").GetString());
        Assert.Equal(1, root.GetProperty("rewardsGiven").GetInt32());
        Assert.Equal(4, root.GetProperty("rewardedWeightPerSecond").GetArrayLength());
        Assert.Equal(4, root.GetProperty("dopaminePerSecond").GetArrayLength());
        Assert.True(root.GetProperty("dopaminePerSecond")[3].GetDouble() > 0);

        var replay = cli.Run("replay", cli.PathOf("one/run.json"));
        Assert.Equal(0, replay.Exit);
        Assert.Contains("identical", replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_seconds_equal_the_python_transcription()
    {
        var r = cli.Run("network", "--model", "dopamine-stdp", "--seed", "6", "--t-max", "2000", "--out", cli.PathOf("out"), "--quiet");
        Assert.Equal(0, r.Exit);
        string reference = Path.Combine(AppContext.BaseDirectory, "Reference", "daspnet", "spikes.csv");
        var expected = File.ReadLines(reference).Where((l, k) => k == 0 || int.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture) <= 2000);
        Assert.Equal(expected, File.ReadLines(cli.PathOf("out/spikes.csv")));
    }

    [Fact]
    public void Bad_options_are_all_listed_with_exit_code_2_and_nothing_is_written()
    {
        var r = cli.Run(
            "network", "--model", "dopamine-stdp", "--t-max", "1500", "--seed", "-3", "--snapshot-at", "1", "--targets", cli.PathOf("t.npy"),
            "--neurons", "5", "--threads", "0", "--out", cli.PathOf("out"));
        Assert.Equal(2, r.Exit);
        Assert.False(Directory.Exists(cli.PathOf("out")));
        foreach (string expected in new[] { "--t-max must be whole seconds", "--seed", "--snapshot-at does not apply", "--targets does not apply", "--neurons does not apply", "--threads" })
        {
            Assert.Contains(expected, r.Err, StringComparison.Ordinal);
        }
    }
}

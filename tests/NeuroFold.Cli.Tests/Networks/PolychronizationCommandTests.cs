using NeuroFold.IO;
using Xunit;

namespace NeuroFold.Cli.Tests.Networks;

/// <summary><c>neurofold network --model polychronization</c> end to end: outputs, threads, replay, bad input.</summary>
public sealed class PolychronizationCommandTests : IDisposable
{
    readonly NetworkCli cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Outputs_are_the_same_bytes_for_one_and_two_threads_and_replay_identically()
    {
        string[] run = ["network", "--model", "polychronization", "--seed", "3", "--t-max", "2000", "--snapshot-at", "2,1", "--quiet"];
        var one = cli.Run([.. run, "--threads", "1", "--out", cli.PathOf("one")]);
        var two = cli.Run([.. run, "--threads", "2", "--out", cli.PathOf("two")]);
        Assert.Equal(0, one.Exit);
        Assert.Equal(0, two.Exit);
        string[] expected =
        [
            "raster.png", "raster.svg", "run.json", "sd-0001s.npy", "sd-0002s.npy", "spikes.csv", "state-0001s.npy", "state-0002s.npy",
            "summary.json", "weights-0001s.npy", "weights-0002s.npy", "weights.png", "weights.svg",
        ];
        Assert.Equal(expected, Directory.GetFiles(cli.PathOf("one")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        foreach (string file in expected.Where(f => f != "run.json"))
        {
            Assert.True(File.ReadAllBytes(cli.PathOf($"one/{file}")).AsSpan().SequenceEqual(File.ReadAllBytes(cli.PathOf($"two/{file}"))), file);
        }

        var weights = Npy.ReadFile(cli.PathOf("one/weights-0002s.npy")).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        Assert.Equal("(1000, 100)", weights.ShapeText);
        var state = Npy.ReadFile(cli.PathOf("one/state-0002s.npy")).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        Assert.Equal("(2, 1000)", state.ShapeText);
        Assert.StartsWith("neuron,t_ms\n", File.ReadAllText(cli.PathOf("one/spikes.csv")), StringComparison.Ordinal);
        Assert.Contains("\"excitatorySpikesPerSecond\"", File.ReadAllText(cli.PathOf("one/summary.json")), StringComparison.Ordinal);

        var replay = cli.Run("replay", cli.PathOf("one/run.json"));
        Assert.Equal(0, replay.Exit);
        Assert.Contains("identical", replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Izhikevichs_arrays_give_the_reference_spikes()
    {
        string Data(string f) => Path.Combine(AppContext.BaseDirectory, "Reference", "spnet", f);
        var r = cli.Run(
            "network", "--model", "polychronization", "--targets", Data("targets.npy"), "--delays", Data("delays.npy"), "--weights", Data("weights.npy"),
            "--drive", Data("drive.npy"), "--t-max", "2000", "--out", cli.PathOf("out"), "--quiet");
        Assert.Equal(0, r.Exit);
        var expected = File.ReadLines(Data("expected/spikes.csv")).Where((l, k) => k == 0 || int.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture) <= 2000);
        Assert.Equal(expected, File.ReadLines(cli.PathOf("out/spikes.csv")));
    }

    [Fact]
    public void Bad_options_are_all_listed_with_exit_code_2_and_nothing_is_written()
    {
        var r = cli.Run(
            "network", "--model", "polychronization", "--t-max", "1500", "--snapshot-at", "0,x", "--targets", cli.PathOf("missing.npy"),
            "--neurons", "5", "--threads", "0", "--out", cli.PathOf("out"));
        Assert.Equal(2, r.Exit);
        Assert.False(Directory.Exists(cli.PathOf("out")));
        foreach (string expected in new[] { "--t-max must be whole seconds", "--snapshot-at must list whole seconds", "'0'", "'x'", "give all four or none", "--neurons does not apply", "--threads", "--targets" })
        {
            Assert.Contains(expected, r.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Polychronization_flags_are_refused_by_the_other_models()
    {
        var r = cli.Run("network", "--model", "sparse", "--neurons", "10", "--snapshot-at", "1", "--out", cli.PathOf("out"));
        Assert.Equal(2, r.Exit);
        Assert.Contains("--snapshot-at applies only to --model polychronization", r.Err, StringComparison.Ordinal);
    }
}

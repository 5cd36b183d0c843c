using NeuroFold.IO;

namespace NeuroFold.Cli.Tests.Reliability;

/// <summary>Resources are estimated before any work: a run that would not fit is refused at once with its estimate and the flags that shrink it.</summary>
public sealed class ResourceTests
{
    [Fact]
    public void A_sparse_network_of_a_hundred_million_neurons_with_255_ms_delays_is_refused_before_it_is_built()
    {
        var r = Cli.Run("network", "--model", "sparse", "--neurons", "100000000", "--max-delay", "255", "--out", "never");
        Assert.Equal(2, r.Exit);
        Assert.Contains("the run needs about", r.Err, StringComparison.Ordinal);
        Assert.Contains("synapses", r.Err, StringComparison.Ordinal);
        Assert.Contains("fewer --neurons", r.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists("never"));
    }

    [Fact]
    public void A_population_benchmark_larger_than_the_budget_is_refused()
    {
        var r = Cli.Run("bench", "population", "--neurons", "100000000", "--max-memory", "1G");
        Assert.Equal(2, r.Exit);
        Assert.Contains("of memory (neurons 14.9 GiB", r.Err, StringComparison.Ordinal);
        Assert.Contains("more than --max-memory 1 GiB", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_simulation_is_refused_under_a_small_budget_naming_what_shrinks_it()
    {
        var r = Cli.Run("simulate", "--t-max", "12500000", "--dt", "0.025", "--max-memory", "64M", "--out", "never");
        Assert.Equal(2, r.Exit);
        Assert.Contains("figure rows", r.Err, StringComparison.Ordinal);
        Assert.Contains("--record-every N", r.Err, StringComparison.Ordinal);
        Assert.Contains("--no-trace", r.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists("never"));
    }

    [Fact]
    public void A_grid_larger_than_the_budget_is_refused()
    {
        var r = Cli.Run("sweep", "--grid", "a=0.01:0.1:3000", "--grid", "I=0:20:3000", "--max-memory", "1G", "--out", "never");
        Assert.Equal(2, r.Exit);
        Assert.Contains("grid points", r.Err, StringComparison.Ordinal);
        Assert.Contains("fewer grid points", r.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("lots")]
    [InlineData("1M")]
    public void A_bad_max_memory_is_invalid_input(string value)
    {
        var r = Cli.Run("simulate", "--max-memory", value, "--dt", "0");
        Assert.Equal(2, r.Exit);
        Assert.Contains("--max-memory must be a size of at least 16M", r.Err, StringComparison.Ordinal);
        Assert.Contains("--dt must be", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_whose_spikes_exceed_the_budget_runs_in_segments_with_the_same_bytes_or_stops_writing_nothing()
    {
        using var tmp = new TempFolder();
        string[] run = ["network", "--model", "sparse", "--neurons", "20000", "--t-max", "300", "--quiet"];
        Assert.Equal(0, Cli.Run([.. run, "--out", tmp["whole"]]).Exit);

        // Every neuron firing at every step would be 20000 x 300 x 24 bytes = 144 MB: give the spikes 40 MB beside the network's estimate.
        long network = NeuroFold.Cli.Execution.Estimates.Network(20000, 20000.0 * 100, NeuroFold.Cli.Execution.Estimates.SparseBytesPerSynapse, 21, 0).Total;
        string Budget(long bytes) => bytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var segmented = Cli.Run([.. run, "--max-memory", Budget(network + 40_000_000), "--out", tmp["segments"]]);
        Assert.True(segmented.Exit == 0, segmented.ToString());
        foreach (string f in new[] { "spikes.csv", "summary.json", "raster.png" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(tmp["whole"], f)), File.ReadAllBytes(Path.Combine(tmp["segments"], f)));
        }

        var starved = Cli.Run([.. run, "--max-memory", Budget(network + 1_000_000), "--out", tmp["starved"]]);
        Assert.Equal(2, starved.Exit);
        Assert.Contains("more than the memory budget leaves for them", starved.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(tmp["starved"]));
    }

    [Fact]
    public void A_simulation_whose_spikes_exceed_the_budget_stops_writing_nothing()
    {
        using var tmp = new TempFolder();

        // A huge current makes the cell fire every few steps: 1.6 million steps, about 460000 spikes of 24 bytes, where the
        // budget leaves 4 MiB beside the estimate (64 MiB of runtime and plots, 2 MiB of segment buffers).
        var r = Cli.Run("simulate", "--t-max", "40000", "--constant", "5000", "--no-trace", "--max-memory", "70M", "--quiet", "--out", tmp["out"]);
        Assert.Equal(2, r.Exit);
        Assert.Contains("more than the memory budget leaves for them", r.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(tmp["out"]));
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp.Path));
    }

    [Fact]
    public void A_streamed_trace_has_the_bytes_of_a_trace_held_whole()
    {
        // 200000 steps are four segments of the streaming run; the fold over the whole input at once is the reference.
        using var tmp = new TempFolder();
        Assert.Equal(0, Cli.Run("simulate", "--t-max", "5000", "--constant", "10", "--no-plot", "--quiet", "--out", tmp["out"]).Exit);
        var spec = NeuroFold.Cli.Specs.SimulateResolver.Resolve(
            new NeuroFold.Cli.Specs.SimulateOptions(null, null, null, null, null, null, "5000", null, null, [], "10", null, null, null, null, tmp["x"]),
            NeuroFold.Cli.Specs.FieldNames.Flags).Match(s => s, e => throw new InvalidOperationException(e.Head.Message));
        var whole = spec.Run(spec.Input().AsSpan(), null);
        using var text = new StringWriter();
        NeuroFold.Cli.Output.Csv.WriteTrace(text, whole.Trace, v: true, u: true);
        Assert.Equal(text.ToString(), File.ReadAllText(Path.Combine(tmp["out"], "trace.csv")));
    }

    [Fact]
    public void Values_are_quoted_at_most_about_a_hundred_characters()
    {
        string huge = new('7', 5_000_000);
        var r = Cli.Run("simulate", "--dt", huge + "x", "--preset", huge, "--out", "never");
        Assert.Equal(2, r.Exit);
        Assert.True(r.Err.Length < 2000, $"stderr has {r.Err.Length} characters");
        Assert.Contains($"… ({5_000_001 - Excerpt.MaxCharacters} more characters)", r.Err, StringComparison.Ordinal);
    }
}

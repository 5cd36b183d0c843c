using System.Text.Json;
using Xunit;

namespace NeuroFold.Cli.Tests.Networks;

/// <summary><c>neurofold network</c> and <c>neurofold bench</c> end to end, in a temporary folder.</summary>
public sealed class NetworkCommandTests : IDisposable
{
    static readonly string[] Outputs = ["spikes.csv", "summary.json", "raster.png", "raster.svg", "run.json"];
    readonly NetworkCli cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Same_seed_gives_identical_bytes_in_every_file_for_1_and_2_threads()
    {
        var one = cli.Run("network", "--neurons", "300", "--t-max", "300", "--seed", "5", "--threads", "1", "--out", cli.PathOf("t1"));
        var two = cli.Run("network", "--neurons", "300", "--t-max", "300", "--seed", "5", "--threads", "2", "--out", cli.PathOf("t2"));
        Assert.Equal(0, one.Exit);
        Assert.Equal(0, two.Exit);
        foreach (string file in Outputs)
        {
            Assert.Equal(File.ReadAllBytes(cli.PathOf(Path.Combine("t1", file))), File.ReadAllBytes(cli.PathOf(Path.Combine("t2", file))));
        }

        var other = cli.Run("network", "--neurons", "300", "--t-max", "300", "--seed", "6", "--out", cli.PathOf("t3"));
        Assert.Equal(0, other.Exit);
        Assert.NotEqual(File.ReadAllBytes(cli.PathOf("t1/spikes.csv")), File.ReadAllBytes(cli.PathOf("t3/spikes.csv")));
    }

    [Fact]
    public void Izhikevichs_own_inputs_reproduce_the_netm_spikes_through_the_command_line()
    {
        var r = cli.Run(
            "network", "--weights", NetworkCli.Reference("S.npy"), "--input", NetworkCli.Reference("I.npy"),
            "--neurons", NetworkCli.Reference("neurons.csv"), "--out", cli.PathOf("ref"));
        Assert.True(r.Exit == 0, r.Err);
        Assert.Equal(File.ReadAllText(NetworkCli.Reference("expected_spikes.csv")), File.ReadAllText(cli.PathOf("ref/spikes.csv")));
        using var summary = JsonDocument.Parse(File.ReadAllText(cli.PathOf("ref/summary.json")));
        Assert.Equal(245, summary.RootElement.GetProperty("spikeCount").GetInt32());
        Assert.Equal(200, summary.RootElement.GetProperty("steps").GetInt32());
        Assert.Equal(80, summary.RootElement.GetProperty("excitatory").GetInt32());
    }

    [Fact]
    public void Sparse_model_writes_sorted_spikes_summary_raster_and_manifest_with_hashes()
    {
        var r = cli.Run("network", "--model", "sparse", "--neurons", "2000", "--k", "50", "--max-delay", "5", "--t-max", "200", "--out", cli.PathOf("sp"));
        Assert.True(r.Exit == 0, r.Err);
        var lines = File.ReadAllLines(cli.PathOf("sp/spikes.csv"));
        Assert.Equal("neuron,t_ms", lines[0]);
        Assert.True(lines.Length > 100);
        (int T, int N) previous = (0, -1);
        foreach (string line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var current = (int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(cells[0], System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(current.Item1 > previous.T || (current.Item1 == previous.T && current.Item2 > previous.N), line);
            Assert.InRange(current.Item2, 0, 1999);
            Assert.InRange(current.Item1, 1, 200);
            previous = (current.Item1, current.Item2);
        }

        using var summary = JsonDocument.Parse(File.ReadAllText(cli.PathOf("sp/summary.json")));
        var root = summary.RootElement;
        Assert.Equal(lines.Length - 1, root.GetProperty("spikeCount").GetInt32());
        Assert.Equal(100_000, root.GetProperty("synapses").GetInt64());
        Assert.True(root.GetProperty("rateExcitatoryHz").GetDouble() > 0);
        Assert.True(root.GetProperty("dominantFrequencyHz").GetDouble() > 0);

        using var run = JsonDocument.Parse(File.ReadAllText(cli.PathOf("sp/run.json")));
        Assert.Equal("neurofold-run/2", run.RootElement.GetProperty("format").GetString());
        Assert.Equal("network", run.RootElement.GetProperty("command").GetString());
        var outputs = run.RootElement.GetProperty("outputs").EnumerateArray().ToDictionary(o => o.GetProperty("file").GetString()!, o => o.GetProperty("sha256").GetString());
        foreach (string file in Outputs.Where(f => f != "run.json"))
        {
            string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(cli.PathOf(Path.Combine("sp", file)))));
            Assert.Equal(hash, outputs[file]);
        }

        Assert.Equal(5, run.RootElement.GetProperty("spec").GetProperty("maxDelay").GetInt32());
        var png = File.ReadAllBytes(cli.PathOf("sp/raster.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Contains("<svg", File.ReadAllText(cli.PathOf("sp/raster.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_prints_one_json_line_with_the_documented_fields()
    {
        var r = cli.Run("bench", "izhikevich2003", "--neurons", "200", "--t-max", "100");
        Assert.True(r.Exit == 0, r.Err);
        Assert.Equal("", r.Err);
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        using var json = JsonDocument.Parse(lines[0]);
        foreach (string field in new[] { "workload", "n", "steps", "threads", "run_s", "spikes", "rate_exc_hz", "rate_inh_hz", "syn_events_per_s" })
        {
            Assert.True(json.RootElement.TryGetProperty(field, out _), field);
        }

        Assert.Equal("W3", json.RootElement.GetProperty("workload").GetString());
        Assert.Equal("izhikevich2003", json.RootElement.GetProperty("model").GetString());
        var old = cli.Run("bench", "net2003", "--neurons", "100", "--t-max", "10");
        Assert.True(old.Exit == 0, old.Err);
        Assert.Contains("warning: 'net2003' is deprecated; use 'izhikevich2003'", old.Err, StringComparison.Ordinal);
        Assert.Equal(200, json.RootElement.GetProperty("n").GetInt32());
        var sparse = cli.Run("bench", "sparse", "--neurons", "500", "--k", "20", "--t-max", "50", "--threads", "2");
        Assert.True(sparse.Exit == 0, sparse.Err);
        using var sparseJson = JsonDocument.Parse(sparse.Out.Trim());
        Assert.Equal(2, sparseJson.RootElement.GetProperty("threads").GetInt32());
    }
}

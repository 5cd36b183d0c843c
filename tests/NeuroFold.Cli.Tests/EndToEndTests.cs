using System.Security.Cryptography;
using System.Text.Json;
using Xunit;

namespace NeuroFold.Cli.Tests;

/// <summary>Every command run end to end in a temp folder.</summary>
public sealed class EndToEndTests
{
    static readonly string[] AllOutputs = ["run.json", "spikes.csv", "summary.json", "trace.csv", "trace.png", "trace.svg"];

    static string Sha(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    static string ExampleSpec()
    {
        string dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Functional.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        }

        return Path.Combine(dir, "examples", "regular-spiking.json");
    }

    [Fact]
    public void Simulate_writes_every_output_and_a_manifest_with_their_hashes()
    {
        using var tmp = new TempFolder();
        var r = Cli.Run("simulate", "--t-max", "100", "--out", tmp["out"]);
        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(AllOutputs, tmp.Files().Select(Path.GetFileName).Order(StringComparer.Ordinal));

        using var manifest = JsonDocument.Parse(File.ReadAllText(tmp["out/run.json"]));
        var root = manifest.RootElement;
        Assert.Equal("neurofold-run/2", root.GetProperty("format").GetString());
        Assert.Equal("simulate", root.GetProperty("command").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("platform").GetProperty("architecture").GetString()));
        Assert.Equal("jaxley", root.GetProperty("spec").GetProperty("scheme").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("toolVersion").GetString()));
        var spec = root.GetProperty("spec");
        Assert.Equal(100, spec.GetProperty("tMax").GetDouble());
        Assert.Equal(0.025, spec.GetProperty("dt").GetDouble());
        Assert.Equal(-14, spec.GetProperty("u0").GetDouble()); // b*v0 made explicit
        var outputs = root.GetProperty("outputs").EnumerateArray().ToList();
        Assert.Equal(5, outputs.Count);
        foreach (var o in outputs)
        {
            string file = tmp[Path.Combine("out", o.GetProperty("file").GetString()!)];
            Assert.Equal(Sha(file), o.GetProperty("sha256").GetString());
            Assert.Equal(new FileInfo(file).Length, o.GetProperty("bytes").GetInt64());
        }

        Assert.Empty(Directory.GetFiles(tmp["out"], "*.tmp"));
    }

    [Fact]
    public void Summary_agrees_with_spikes_csv()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, Cli.Run("simulate", "--out", tmp.Path, "--no-plot").Exit);
        var spikes = File.ReadAllLines(tmp["spikes.csv"]).Skip(1)
            .Select(l => double.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(spikes.Count >= 3);
        using var summary = JsonDocument.Parse(File.ReadAllText(tmp["summary.json"]));
        var s = summary.RootElement;
        Assert.Equal(spikes.Count, s.GetProperty("spikeCount").GetInt32());
        Assert.Equal(spikes[0], s.GetProperty("firstSpikeMs").GetDouble());
        Assert.Equal(spikes[^1], s.GetProperty("lastSpikeMs").GetDouble());
        Assert.Equal(spikes.Count / (s.GetProperty("durationMs").GetDouble() / 1000), s.GetProperty("meanRateHz").GetDouble(), 12);
        var isis = spikes.Zip(spikes.Skip(1), (a, b) => b - a).ToList();
        Assert.Equal(isis.Min(), s.GetProperty("isi").GetProperty("minMs").GetDouble());
        Assert.Equal(isis.Max(), s.GetProperty("isi").GetProperty("maxMs").GetDouble());
        Assert.Equal(isis.Average(), s.GetProperty("isi").GetProperty("meanMs").GetDouble(), 9);
    }

    [Fact]
    public void Summary_of_a_silent_run_has_nulls()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, Cli.Run("simulate", "--constant", "0", "--t-max", "50", "--out", tmp.Path, "--no-plot").Exit);
        using var summary = JsonDocument.Parse(File.ReadAllText(tmp["summary.json"]));
        var s = summary.RootElement;
        Assert.Equal(0, s.GetProperty("spikeCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("firstSpikeMs").ValueKind);
        Assert.Equal(JsonValueKind.Null, s.GetProperty("isi").GetProperty("cv").ValueKind);
    }

    [Fact]
    public void Run_spec_and_the_same_simulate_flags_give_the_same_bytes()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, Cli.Run("run", ExampleSpec(), "--out", tmp["run"], "--quiet").Exit);
        var sim = Cli.Run(
            "simulate", "--preset", "rs", "--dt", "0.025", "--t-max", "300", "--v0", "-70", "--step", "20,250,0.012nA",
            "--radius", "1", "--length", "10", "--capacitance", "1", "--scheme", "jaxley", "--record", "v,u", "--record-every", "1",
            "--out", tmp["sim"], "--quiet");
        Assert.True(sim.Exit == 0, sim.ToString());
        Assert.Equal("", sim.Out);
        foreach (string f in AllOutputs)
        {
            Assert.Equal(Sha(tmp[$"run/{f}"]), Sha(tmp[$"sim/{f}"]));
        }
    }

    [Fact]
    public void The_resolved_spec_of_a_manifest_runs_to_the_same_outputs()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, Cli.Run("simulate", "--preset", "ch", "--t-max", "80", "--step", "5,50,0.02nA", "--constant", "1", "--out", tmp["a"], "--quiet").Exit);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(tmp["a/run.json"])))
        {
            tmp.Write("resolved.json", manifest.RootElement.GetProperty("spec").GetRawText());
        }

        var r = Cli.Run("run", tmp["resolved.json"], "--out", tmp["b"], "--quiet");
        Assert.True(r.Exit == 0, r.ToString());
        foreach (string f in AllOutputs)
        {
            Assert.Equal(Sha(tmp[$"a/{f}"]), Sha(tmp[$"b/{f}"]));
        }
    }

    [Fact]
    public void Pictures_are_byte_identical_across_runs()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, Cli.Run("simulate", "--t-max", "60", "--out", tmp["1"], "--quiet").Exit);
        Assert.Equal(0, Cli.Run("simulate", "--t-max", "60", "--out", tmp["2"], "--quiet").Exit);
        Assert.Equal(Sha(tmp["1/trace.png"]), Sha(tmp["2/trace.png"]));
        Assert.Equal(Sha(tmp["1/trace.svg"]), Sha(tmp["2/trace.svg"]));
        byte[] png = File.ReadAllBytes(tmp["1/trace.png"]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        string svg = File.ReadAllText(tmp["1/trace.svg"]);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("time (ms)", svg, StringComparison.Ordinal);
        Assert.Contains("v (mV)", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_says_identical_on_a_fresh_run()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, Cli.Run("run", ExampleSpec(), "--out", tmp["out"], "--quiet").Exit);
        var r = Cli.Run("replay", tmp["out/run.json"]);
        Assert.True(r.Exit == 0, r.ToString());
        Assert.StartsWith("identical", r.Out, StringComparison.Ordinal);
        Assert.Equal(AllOutputs, tmp.Files().Select(Path.GetFileName).Order(StringComparer.Ordinal)); // replay wrote nothing here
    }

    [Fact]
    public void Replay_catches_a_one_byte_change_in_trace_csv()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, Cli.Run("simulate", "--t-max", "50", "--out", tmp.Path, "--quiet").Exit);
        byte[] bytes = File.ReadAllBytes(tmp["trace.csv"]);
        int i = Array.LastIndexOf(bytes, (byte)'5');
        bytes[i] = (byte)'6';
        File.WriteAllBytes(tmp["trace.csv"], bytes);

        var r = Cli.Run("replay", tmp["run.json"]);
        Assert.Equal(4, r.Exit);
        Assert.Contains("trace.csv", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("spikes.csv", r.Err, StringComparison.Ordinal);
        Assert.StartsWith("not identical: 1 difference", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_catches_a_missing_output_and_an_edited_spec()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, Cli.Run("simulate", "--t-max", "50", "--out", tmp.Path, "--quiet", "--no-plot").Exit);
        File.Delete(tmp["summary.json"]);
        string manifest = File.ReadAllText(tmp["run.json"]).Replace("\"tMax\": 50", "\"tMax\": 51", StringComparison.Ordinal);
        File.WriteAllText(tmp["run.json"], manifest);

        var r = Cli.Run("replay", tmp["run.json"]);
        Assert.Equal(4, r.Exit);
        Assert.Contains("summary.json: missing", r.Err, StringComparison.Ordinal);
        Assert.Contains("trace.csv: the re-run produced different bytes", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_of_a_malformed_manifest_is_invalid_input()
    {
        using var tmp = new TempFolder();
        var r = Cli.Run("replay", tmp.Write("run.json", "{\"format\": \"neurofold-run/1\", \"outputs\": 3}"));
        Assert.Equal(2, r.Exit);
        Assert.Contains("$.outputs", r.Err, StringComparison.Ordinal);
        Assert.Contains("$.spec", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_picks_columns_and_record_every_thins_rows()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, Cli.Run("simulate", "--t-max", "10", "--dt", "0.5", "--record", "v", "--record-every", "4", "--out", tmp.Path, "--quiet").Exit);
        string[] lines = File.ReadAllLines(tmp["trace.csv"]);
        Assert.Equal("t_ms,v_mV", lines[0]);
        Assert.Equal(["0", "2", "4", "6", "8", "10"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(lines, l => Assert.Equal(2, l.Split(',').Length));

        Assert.Equal(0, Cli.Run("simulate", "--t-max", "10", "--dt", "0.5", "--record", "u", "--out", tmp["u"], "--quiet").Exit);
        Assert.Equal("t_ms,u", File.ReadLines(tmp["u/trace.csv"]).First());
    }

    [Fact]
    public void No_trace_keeps_spikes_only_and_no_plot_skips_pictures()
    {
        using var tmp = new TempFolder();
        var r = Cli.Run("simulate", "--t-max", "100", "--no-trace", "--out", tmp["a"]);
        Assert.Equal(0, r.Exit);
        Assert.Equal(["a/run.json", "a/spikes.csv", "a/summary.json"], tmp.Files());
        Assert.Equal(0, Cli.Run("simulate", "--t-max", "100", "--no-plot", "--out", tmp["b"], "--quiet").Exit);
        Assert.Equal(["b/run.json", "b/spikes.csv", "b/summary.json", "b/trace.csv"], tmp.Files().Where(f => f.StartsWith('b')));
        Assert.Equal(0, Cli.Run("replay", tmp["a/run.json"]).Exit);
    }

    [Fact]
    public void A_run_that_leaves_the_finite_range_exits_3_naming_step_and_neuron_and_writes_nothing()
    {
        using var tmp = new TempFolder();
        var r = Cli.Run("simulate", "--constant", "1e308", "--capacitance", "0.001", "--t-max", "10", "--out", tmp["out"]);
        Assert.Equal(3, r.Exit);
        Assert.Contains("step 0", r.Err, StringComparison.Ordinal);
        Assert.Contains("neuron 0", r.Err, StringComparison.Ordinal);
        Assert.Empty(tmp.Files());
    }

    [Theory]
    [InlineData("simulate", new[] { "--dt <ms>", "default 0.025", "--t-max <ms>", "default 300", "--radius <um>", "--record-every <N>", "--no-trace", "--quiet" })]
    [InlineData("run", new[] { "<SPEC>", "--out <DIR>", "--quiet" })]
    [InlineData("replay", new[] { "<MANIFEST>", "--quiet", "4 some file differs" })]
    public void Help_lists_options_with_units_and_defaults(string command, string[] expected)
    {
        var r = Cli.Run(command, "--help");
        Assert.Equal(0, r.Exit);
        foreach (string e in expected)
        {
            Assert.Contains(e, r.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Progress_stays_silent_when_stderr_is_not_a_terminal()
    {
        using var tmp = new TempFolder();
        var r = Cli.Run("simulate", "--t-max", "20000", "--no-trace", "--out", tmp.Path);
        Assert.Equal(0, r.Exit);
        Assert.Equal("", r.Err);
    }
}

using System.Text.Json;
using NeuroFold.Cli;
using NeuroFold.Core.Models;
using NeuroFold.Core.Populations;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using Xunit;

namespace NeuroFold.Cli.Tests.Population;

/// <summary><c>neurofold sweep</c> and <c>neurofold bench</c> end to end, in a temporary folder.</summary>
public sealed class SweepAndBenchCommandTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("neurofold-sweep-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    static (int Code, string Out, string Err) Invoke(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = App.Invoke(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void One_axis_sweep_writes_csv_and_png_and_its_rates_match_single_runs()
    {
        string outDir = Path.Combine(dir, "fi");
        var (code, _, err) = Invoke("sweep", "--grid", "I=0:20:5", "--t-max", "200", "--dt", "0.1", "--out", outDir);
        Assert.True(code == 0, err);
        string[] lines = File.ReadAllLines(Path.Combine(outDir, "sweep.csv"));
        Assert.Equal("I,spikes,rate_hz,first_spike_ms,isi_cv", lines[0]);
        Assert.Equal(6, lines.Length);
        byte[] png = File.ReadAllBytes(Path.Combine(outDir, "sweep.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4).ToArray());

        // I = 10: the same neuron through the single-cell fold.
        var grid = TimeGrid.Create(0.1, 200).Match(Succ: g => g, Fail: _ => throw new InvalidOperationException());
        var p = IzhikevichParameters.Default;
        var run = Simulation.Run<JaxleyScheme>(
            p, IzhikevichState.AtNullcline(p, -70.0), grid, Enumerable.Repeat(10.0, grid.Steps).ToArray(), 1.0, Recording.SpikesOnly);
        string[] row = lines[3].Split(',');
        Assert.Equal("10", row[0]);
        Assert.Equal(run.Spikes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), row[1]);
        Assert.Equal(run.Spikes.Count / (grid.Steps * 0.1e-3), double.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Equal(run.Spikes.TimesMs[0], double.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Two_axis_sweep_is_identical_for_any_thread_count()
    {
        string one = Path.Combine(dir, "t1");
        string two = Path.Combine(dir, "t2");
        string[] args = ["sweep", "--grid", "a=0.02:0.1:3", "--grid", "I=5:15:7", "--t-max", "100", "--dt", "0.1"];
        Assert.Equal(0, Invoke([.. args, "--threads", "1", "--out", one]).Code);
        Assert.Equal(0, Invoke([.. args, "--threads", "2", "--out", two]).Code);
        byte[] csv = File.ReadAllBytes(Path.Combine(one, "sweep.csv"));
        Assert.Equal(csv, File.ReadAllBytes(Path.Combine(two, "sweep.csv")));
        string[] lines = File.ReadAllLines(Path.Combine(one, "sweep.csv"));
        Assert.Equal(22, lines.Length);
        Assert.StartsWith("0.06,10,", lines[11], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(two, "sweep.png")));
    }

    [Fact]
    public void Invalid_sweep_lists_every_problem_and_writes_nothing()
    {
        string outDir = Path.Combine(dir, "bad");
        var (code, _, err) = Invoke("sweep", "--grid", "q=1:2:3", "--grid", "I=0:1:x", "--dt", "0", "--preset", "zz", "--out", outDir);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("quantity must be one of", err, StringComparison.Ordinal);
        Assert.Contains("COUNT must be an integer", err, StringComparison.Ordinal);
        Assert.Contains("dt must be finite and > 0", err, StringComparison.Ordinal);
        Assert.Contains("preset must be one of", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Reset_at_or_above_the_peak_is_rejected()
    {
        var (code, _, err) = Invoke("sweep", "--grid", "c=-60:40:3", "--out", Path.Combine(dir, "c"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--grid #1: c must stay below 30", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_population_prints_one_json_line_with_the_listed_fields_and_the_cores_spike_count()
    {
        var (code, output, err) = Invoke("bench", "population", "--neurons", "203", "--t-max", "49.95", "--threads", "2", "--seed", "5");
        Assert.True(code == 0, err);
        Assert.Equal("", err);
        string line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(
            ["workload", "tool", "n", "steps", "dt_ms", "threads", "run_s", "neuron_steps_per_s", "ns_per_step", "spikes", "rate_exc_hz", "rate_inh_hz", "vector_width", "cpu"],
            names);
        Assert.Equal(500, json.RootElement.GetProperty("steps").GetInt32()); // floor(49.95 / 0.1) + 1 with Python's floor division
        Assert.Equal("W2", json.RootElement.GetProperty("workload").GetString());
        Assert.Equal(203, json.RootElement.GetProperty("n").GetInt32());

        var population = Izhikevich2003Population.Create(203, 0.8, 20.0, 5);
        var grid = TimeGrid.FromSteps(0.1, 500).Match(Succ: g => g, Fail: _ => throw new InvalidOperationException());
        var result = PopulationSimulation.Run<JaxleyScheme>(population, grid, 1.0, PopulationOptions.Default);
        Assert.Equal(result.TotalSpikes, json.RootElement.GetProperty("spikes").GetInt64());
        long exc = result.SpikeCounts.Take(162).Sum(x => (long)x);
        Assert.Equal(exc / (162 * 0.05), json.RootElement.GetProperty("rate_exc_hz").GetDouble(), 9);
    }

    [Fact]
    public void Bench_single_reproduces_w1s_spike_count()
    {
        var (code, output, err) = Invoke("bench", "single", "--threads", "2");
        Assert.True(code == 0, err);
        Assert.Equal(1, JsonDocument.Parse(output.Trim()).RootElement.GetProperty("threads").GetInt32()); // one neuron: one thread, whatever --threads says
        Assert.Equal(1_000_000, JsonDocument.Parse(output.Trim()).RootElement.GetProperty("steps").GetInt32()); // W1's 10^6 steps from --t-max 100000
        using var json = JsonDocument.Parse(output.Trim());
        Assert.Equal("W1", json.RootElement.GetProperty("workload").GetString());
        Assert.Equal(4133, json.RootElement.GetProperty("spikes").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("rate_inh_hz").ValueKind);
    }

    [Fact]
    public void Bench_rejects_invalid_sizes()
    {
        var (code, _, err) = Invoke("bench", "population", "--neurons", "0", "--threads", "0");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--neurons must be a whole number in 1..", err, StringComparison.Ordinal);
        Assert.Contains("--threads must be a whole number in 1..", err, StringComparison.Ordinal);
    }
}

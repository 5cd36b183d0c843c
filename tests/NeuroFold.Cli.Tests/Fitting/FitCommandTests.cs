using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NeuroFold.Cli.Tests.Fitting;

/// <summary><c>neurofold fit</c> and <c>neurofold predict</c> end to end on a synthetic recording made by the model itself.</summary>
public class FitCommandTests
{
    const string Truth = """{"model": "izhikevich2003", "scheme": "jaxley", "rule": "None", "a": 0.02, "b": 0.18, "c": -65, "d": 8}""";

    /// <summary>A current of <paramref name="rows"/> samples of 0.1 ms from <paramref name="t0"/>: 0 pA, then steps of 60 and 120 pA (2003 scale 0.02: 1.2 and 2.4 µA/cm²).</summary>
    static string Current(int rows, double t0)
    {
        var b = new StringBuilder("t_ms,current_pA\n");
        for (int k = 0; k < rows; k++)
        {
            double i = k < rows / 5 ? 0 : k < rows / 2 ? 60 : 120;
            b.Append(CultureInfo.InvariantCulture, $"{(t0 + (k * 0.1)).ToString("R", CultureInfo.InvariantCulture)},{i}\n");
        }

        return b.ToString();
    }

    /// <summary>The recording t_ms,current_pA,v_mV of the model with <see cref="Truth"/>'s parameters, made by predict.</summary>
    static string Recording(TempFolder t, int rows)
    {
        t.Write("truth.json", Truth);
        string current = t.Write("I.csv", Current(rows, 0));
        var r = Cli.Run("predict", "--fit", t["truth.json"], "--current", current, "--out", t["truth"], "--quiet");
        Assert.True(r.Exit == 0, r.ToString());
        var currentRows = File.ReadAllLines(current);
        var traceRows = File.ReadAllLines(t["truth/trace.csv"]);
        Assert.Equal(currentRows.Length, traceRows.Length);
        var b = new StringBuilder("t_ms,current_pA,v_mV\n");
        for (int k = 1; k < currentRows.Length; k++)
        {
            b.Append(currentRows[k]).Append(',').Append(traceRows[k].Split(',')[1]).Append('\n');
        }

        return t.Write("data.csv", b.ToString());
    }

    /// <summary>A spiking recording: <paramref name="rows"/> samples of 0.1 ms of a fluctuating current around 300 pA (6 µA/cm²), made by <see cref="Truth"/>'s cell.</summary>
    static string SpikingRecording(TempFolder t, int rows)
    {
        var current = new StringBuilder("t_ms,current_pA\n");
        for (int k = 0; k < rows; k++)
        {
            double i = 300 + (150 * Math.Sin(k * 0.0021)) + (120 * Math.Sin((k * 0.0137) + 1)) + (80 * Math.Sin(k * 0.031));
            current.Append(CultureInfo.InvariantCulture, $"{(k * 0.1).ToString("R", CultureInfo.InvariantCulture)},{i.ToString("R", CultureInfo.InvariantCulture)}\n");
        }

        t.Write("truth.json", Truth);
        string currentFile = t.Write("Ispike.csv", current.ToString());
        var r = Cli.Run("predict", "--fit", t["truth.json"], "--current", currentFile, "--out", t["truthspike"], "--quiet");
        Assert.True(r.Exit == 0, r.ToString());
        var currentRows = File.ReadAllLines(currentFile);
        var traceRows = File.ReadAllLines(t["truthspike/trace.csv"]);
        var b = new StringBuilder("t_ms,current_pA,v_mV\n");
        for (int k = 1; k < currentRows.Length; k++)
        {
            b.Append(currentRows[k]).Append(',').Append(traceRows[k].Split(',')[1]).Append('\n');
        }

        return t.Write("spiking.csv", b.ToString());
    }

    /// <summary>CMA-ES on the spike-timing loss (the default fit) finds a cell whose spikes coincide with the recording's, from a start that misses most of them.</summary>
    [Fact]
    public void Cmaes_fits_the_spike_times_of_a_spiking_recording()
    {
        using var t = new TempFolder();
        string data = SpikingRecording(t, 10_000);
        int dataSpikes = File.ReadAllLines(t["truthspike/spikes.csv"]).Length - 1;
        Assert.InRange(dataSpikes, 8, 60);
        t.Write("start.json", """{"a": 0.06, "d": 3}""");
        var r = Cli.Run("fit", "--data", data, "--model", "izhikevich2003", "--params", t["start.json"], "--free", "a,d", "--starts", "4", "--iterations", "60", "--seed", "3", "--out", t["fit"]);
        Assert.True(r.Exit == 0, r.ToString());
        using var summary = JsonDocument.Parse(File.ReadAllText(t["fit/summary.json"]));
        var stimulus = summary.RootElement.GetProperty("stimuli")[0];
        double gamma = stimulus.GetProperty("gammaA").GetDouble();
        Assert.True(gamma > 0.9, $"Γ = {gamma}: {File.ReadAllText(t["fit/summary.json"])}");
        Assert.Equal("cmaes", summary.RootElement.GetProperty("optimizer").GetString());
        var header = File.ReadLines(t["fit/loss.csv"]).First();
        Assert.Equal("start,iteration,loss,validation_gamma_a", header);
        var rows = File.ReadAllLines(t["fit/loss.csv"]);
        Assert.True(rows.Length <= 1 + (4 * 60), $"{rows.Length} rows"); // CMA-ES may stop early once its step size vanishes
        double first = double.Parse(rows[1].Split(',')[2], CultureInfo.InvariantCulture);
        Assert.True(first > 0.2, $"the first generation's best loss {first}: the start should miss most spikes");
    }

    [Fact]
    public void Fit_recovers_b_of_a_subthreshold_trace_and_predict_reproduces_it()
    {
        using var t = new TempFolder();
        string data = Recording(t, 3000);
        Assert.Single(File.ReadAllLines(t["truth/spikes.csv"])); // the header only: no spike
        var r = Cli.Run("fit", "--data", data, "--model", "izhikevich2003", "--optimizer", "adam", "--free", "b", "--starts", "2", "--iterations", "150", "--out", t["fit"]);
        Assert.True(r.Exit == 0, r.ToString());
        using var fitted = JsonDocument.Parse(File.ReadAllText(t["fit/params.json"]));
        double b = fitted.RootElement.GetProperty("b").GetDouble();
        Assert.True(Math.Abs(b - 0.18) < 2e-3, $"b = {b}, the truth 0.18");
        foreach (string f in new[] { "params.json", "loss.csv", "summary.json", "fit.png", "loss.png", "run.json" })
        {
            Assert.True(File.Exists(t[Path.Combine("fit", f)]), f);
        }

        // the fitted model predicts the recording's voltage
        var p = Cli.Run("predict", "--fit", t["fit"], "--current", t["I.csv"], "--out", t["predicted"]);
        Assert.True(p.Exit == 0, p.ToString());
        var truth = File.ReadAllLines(t["truth/trace.csv"]);
        var predicted = File.ReadAllLines(t["predicted/trace.csv"]);
        Assert.Equal(truth.Length, predicted.Length);
        for (int k = 1; k < truth.Length; k += 97)
        {
            double vt = double.Parse(truth[k].Split(',')[1], CultureInfo.InvariantCulture);
            double vp = double.Parse(predicted[k].Split(',')[1], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(vt - vp) < 0.05, $"row {k}: {vt} vs {vp}");
        }
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("lbfgs")]
    [InlineData("cmaes")]
    public void Fit_gives_the_same_bytes_for_one_and_two_threads_and_replays(string optimizer)
    {
        using var t = new TempFolder();
        string data = optimizer == "cmaes" ? SpikingRecording(t, 4000) : Recording(t, 1500);
        string[] common = ["fit", "--data", data, "--model", "izhikevich2003", "--optimizer", optimizer, "--free", "a,b", "--starts", "3", "--iterations", "8", "--seed", "7", "--quiet",
            .. (optimizer == "lbfgs" ? new[] { "--spikes", "clip", "--clip", "-20" } : [])];
        var one = Cli.Run([.. common, "--threads", "1", "--out", t["one"]]);
        var two = Cli.Run([.. common, "--threads", "2", "--out", t["two"]]);
        Assert.True(one.Exit == 0, one.ToString());
        Assert.True(two.Exit == 0, two.ToString());
        foreach (string f in new[] { "params.json", "loss.csv", "summary.json", "fit.png", "loss.png", "run.json" })
        {
            Assert.Equal(File.ReadAllBytes(t[Path.Combine("one", f)]), File.ReadAllBytes(t[Path.Combine("two", f)]));
        }

        var replay = Cli.Run("replay", t["one/run.json"], "--quiet");
        Assert.True(replay.Exit == 0, replay.ToString());
        Assert.Contains("identical", replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_lists_every_bad_option_and_writes_nothing()
    {
        using var t = new TempFolder();
        var r = Cli.Run("fit", "--model", "hodgkin", "--starts", "0", "--iterations", "x", "--optimizer", "newton", "--seed", "-1", "--out", t["fit"]);
        Assert.Equal(2, r.Exit);
        foreach (string field in new[] { "--data", "--model", "--starts", "--iterations", "--optimizer", "--seed" })
        {
            Assert.Contains(field, r.Err, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(t["fit"]));
        string data = Recording(t, 500);
        var loss = Cli.Run("fit", "--data", data, "--model", "izhikevich2003", "--optimizer", "adam", "--loss", "gamma", "--free", "a,zz", "--stimuli", "99", "--spikes", "cut", "--mask", "1", "--out", t["fit"]);
        Assert.Equal(2, loss.Exit);
        foreach (string field in new[] { "--loss gamma", "--free", "--stimuli", "--spikes", "--mask" })
        {
            Assert.Contains(field, loss.Err, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(t["fit"]));
    }

    [Fact]
    public void Predict_writes_spikes_on_the_current_files_clock_and_replays()
    {
        using var t = new TempFolder();
        t.Write("truth.json", Truth.Replace("\"b\": 0.18", "\"b\": 0.2", StringComparison.Ordinal));
        string current = t.Write("I.csv", Current(4000, 1000).Replace(",120\n", ",400\n", StringComparison.Ordinal));
        var r = Cli.Run("predict", "--fit", t["truth.json"], "--current", current, "--out", t["p"]);
        Assert.True(r.Exit == 0, r.ToString());
        var spikes = File.ReadAllLines(t["p/spikes.csv"]);
        Assert.Equal("neuron,t_ms", spikes[0]);
        Assert.True(spikes.Length > 2, "the 8 µA/cm² step makes the cell spike");
        foreach (string row in spikes.Skip(1))
        {
            double time = double.Parse(row.Split(',')[1], CultureInfo.InvariantCulture);
            Assert.InRange(time, 1000 + 200, 1000 + 400); // during the step, on the file's clock
        }

        Assert.StartsWith("1000,", File.ReadAllLines(t["p/trace.csv"])[1], StringComparison.Ordinal);
        var replay = Cli.Run("replay", t["p/run.json"], "--quiet");
        Assert.True(replay.Exit == 0, replay.ToString());

        var bad = Cli.Run("predict", "--current", t.Write("bad.csv", "t,I\n0,1\n"), "--out", t["q"]);
        Assert.Equal(2, bad.Exit);
        Assert.Contains("--fit", bad.Err, StringComparison.Ordinal);
        Assert.Contains("--current", bad.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(t["q"]));
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("cmaes")]
    public void Sharded_fit_merges_into_the_unsharded_fits_bytes(string optimizer)
    {
        using var t = new TempFolder();
        string data = optimizer == "cmaes" ? SpikingRecording(t, 4000) : Recording(t, 1500);
        string[] common = ["fit", "--data", data, "--model", "izhikevich2003", "--optimizer", optimizer, "--free", "a,b", "--starts", "3", "--iterations", "6", "--seed", "11", "--quiet"];
        var whole = Cli.Run([.. common, "--out", t["whole"]]);
        var p0 = Cli.Run([.. common, "--shard", "0/2", "--out", t["p0"]]);
        var p1 = Cli.Run([.. common, "--shard", "1/2", "--out", t["p1"]]);
        Assert.True(whole.Exit == 0 && p0.Exit == 0 && p1.Exit == 0, whole.ToString() + p0 + p1);
        var missing = Cli.Run("merge", t["p1"], "--out", t["bad"]);
        Assert.Equal(2, missing.Exit);
        Assert.Contains("part 0/2 is missing", missing.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(t["bad"]));
        var merged = Cli.Run("merge", t["p1"], t["p0"], "--out", t["merged"]);
        Assert.True(merged.Exit == 0, merged.ToString());
        foreach (string f in new[] { "params.json", "loss.csv", "summary.json", "fit.png", "loss.png", "run.json" })
        {
            Assert.Equal(File.ReadAllBytes(t[Path.Combine("whole", f)]), File.ReadAllBytes(t[Path.Combine("merged", f)]));
        }

        var replay = Cli.Run("replay", t["p1/run.json"], "--quiet");
        Assert.True(replay.Exit == 0, replay.ToString());
    }

    /// <summary>In a Slurm array task without <c>--shard</c>, the task's variables name the part: the same bytes as <c>--shard</c>; a half-set environment is refused naming the variable.</summary>
    [Fact]
    public void A_Slurm_array_task_fits_its_part_of_the_starts()
    {
        using var t = new TempFolder();
        string data = Recording(t, 1500);
        string[] common = ["fit", "--data", data, "--model", "izhikevich2003", "--optimizer", "adam", "--free", "a,b", "--starts", "3", "--iterations", "4", "--seed", "5", "--quiet"];
        var flag = Cli.Run([.. common, "--shard", "1/2", "--out", t["flag"]]);
        var task = Sharding.ShardCli.Run(Sharding.ShardCli.ArrayTask(1, 2, 0, 1), [.. common, "--out", t["task"]]);
        Assert.True(flag.Exit == 0 && task.Exit == 0, flag.ToString() + task);
        foreach (string f in new[] { "starts.json", "run.json" })
        {
            Assert.Equal(File.ReadAllBytes(t[Path.Combine("flag", f)]), File.ReadAllBytes(t[Path.Combine("task", f)]));
        }

        var half = Sharding.ShardCli.Run(new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "1" }, [.. common, "--out", t["half"]]);
        Assert.Equal(2, half.Exit);
        Assert.Contains("SLURM_ARRAY_TASK_COUNT", half.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(t["half"]));
    }
}

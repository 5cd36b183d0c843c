using System.Globalization;

namespace NeuroFold.Cli.Tests;

/// <summary><c>neurofold simulate</c> end to end, in a temporary folder, its CSV parsed back.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    static List<double[]> ReadCsv(string path, string expectedHeader)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal(expectedHeader, lines[0]);
        return lines.Skip(1).Select(l => l.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray()).ToList();
    }

    [Fact]
    public void The_Jaxley_step_current_command_reproduces_the_Jaxley_reference()
    {
        string dir = cli.PathOf("jx");
        var (exit, stdout, _) = cli.Run("simulate", "--dt", "0.1", "--t-max", "200", "--v0", "-70", "--u0", "0", "--step", "10,180,0.012nA", "--out", dir);
        Assert.Equal(0, exit);
        Assert.Contains("trace.csv", stdout, StringComparison.Ordinal);

        var trace = ReadCsv(Path.Combine(dir, "trace.csv"), "t_ms,v_mV,u");
        var reference = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Reference", "jaxley_step_current.csv")).Skip(1)
            .Select(l => l.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(2001, trace.Count);
        Assert.Equal(reference.Count, trace.Count);
        for (int i = 0; i < trace.Count; i++)
        {
            Assert.True(Math.Abs(trace[i][1] - reference[i][1]) <= 1e-8, $"row {i}");
        }

        var spikes = ReadCsv(Path.Combine(dir, "spikes.csv"), "neuron,t_ms");
        Assert.NotEmpty(spikes);
        Assert.All(spikes, s => Assert.Equal(0, s[0]));
        // every spike time is a trace row where v was reset to c = −65 and the input then added (dt·J/C > 0)
        foreach (var s in spikes)
        {
            int row = (int)Math.Round(s[1] / 0.1);
            Assert.InRange(trace[row][1], -65.0, -62.0);
            Assert.True(trace[row - 1][1] > -65.0);
        }
    }

    [Fact]
    public void With_no_options_it_runs_the_demonstration_and_says_where_the_files_went()
    {
        // The default output folder is relative to the working directory; run with --out only to keep the test hermetic,
        // and check separately that no other option changes the defaults.
        string dir = cli.PathOf("demo");
        var (exit, stdout, stderr) = cli.Run("simulate", "--out", dir);
        Assert.True(exit == 0, stderr);
        Assert.Contains(Path.Combine(dir, "trace.csv"), stdout, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(dir, "spikes.csv"), stdout, StringComparison.Ordinal);
        var trace = ReadCsv(Path.Combine(dir, "trace.csv"), "t_ms,v_mV,u");
        Assert.Equal(12001, trace.Count); // 300 ms at dt = 0.025: 300 // 0.025 = 11999, + 1 steps, + the initial row
        Assert.Equal(-70.0, trace[0][1]);
        Assert.Equal(-14.0, trace[0][2]); // u0 = b·v0
        Assert.InRange(ReadCsv(Path.Combine(dir, "spikes.csv"), "neuron,t_ms").Count, 3, 30);
    }

    [Fact]
    public void Numbers_round_trip_exactly()
    {
        string dir = cli.PathOf("rt");
        Assert.Equal(0, cli.Run("simulate", "--dt", "0.1", "--t-max", "50", "--constant", "12.5", "--out", dir).Exit);
        var core = NeuroFold.Core.Simulation.Simulation.Run(
            NeuroFold.Core.Models.IzhikevichParameters.Default,
            new NeuroFold.Core.Models.IzhikevichState(-70, -14),
            NeuroFold.Core.Stimuli.TimeGrid.Create(0.1, 50).Match(Succ: g => g, Fail: _ => throw new InvalidOperationException()),
            new NeuroFold.Core.Stimuli.ConstantCurrent(12.5),
            NeuroFold.Core.Cells.Compartment.Default);
        var trace = ReadCsv(Path.Combine(dir, "trace.csv"), "t_ms,v_mV,u");
        Assert.Equal(core.Trace.Count, trace.Count);
        for (int i = 0; i < trace.Count; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(core.Trace.VMv[i]), BitConverter.DoubleToInt64Bits(trace[i][1]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(core.Trace.U[i]), BitConverter.DoubleToInt64Bits(trace[i][2]));
        }
    }

    [Fact]
    public void Steps_add_up_and_a_nA_amplitude_goes_through_the_compartment()
    {
        string a = cli.PathOf("a"), b = cli.PathOf("b");
        // 0.012 nA on r = 2 µm, L = 10 µm is 9.549296585513721 µA/cm²; two half steps add to the same current.
        Assert.Equal(0, cli.Run("simulate", "--dt", "0.1", "--t-max", "100", "--radius", "2", "--step", "10,50,0.006nA", "--step", "10,50,0.006nA", "--out", a).Exit);
        Assert.Equal(0, cli.Run("simulate", "--dt", "0.1", "--t-max", "100", "--radius", "2", "--step", "10,50,9.549296585513721uA/cm2", "--out", b).Exit);
        var ta = ReadCsv(Path.Combine(a, "trace.csv"), "t_ms,v_mV,u");
        var tb = ReadCsv(Path.Combine(b, "trace.csv"), "t_ms,v_mV,u");
        for (int i = 0; i < ta.Count; i++)
        {
            Assert.Equal(tb[i][1], ta[i][1], 1e-9);
        }
    }

    [Theory]
    [InlineData(new[] { "--dt", "0" }, "dt")]
    [InlineData(new[] { "--dt", "abc" }, "dt")]
    [InlineData(new[] { "--t-max", "-5" }, "--t-max")]
    [InlineData(new[] { "--a", "NaN" }, "a ")]
    [InlineData(new[] { "--v0", "Infinity" }, "v0")]
    [InlineData(new[] { "--c", "35" }, "c ")]
    [InlineData(new[] { "--preset", "xyz" }, "preset")]
    [InlineData(new[] { "--radius", "-1" }, "radius")]
    [InlineData(new[] { "--step", "1,2" }, "step")]
    [InlineData(new[] { "--step", "1,2,3pA" }, "--step #1 amplitude")]
    [InlineData(new[] { "--constant", "∞" }, "constant")]
    [InlineData(new[] { "--scheme", "rk4" }, "scheme")]
    [InlineData(new[] { "--bogus", "1" }, "--bogus")]
    public void Invalid_options_exit_2_name_the_field_and_write_nothing(string[] bad, string field)
    {
        string dir = cli.PathOf("out");
        var (exit, _, stderr) = cli.Run(["simulate", .. bad, "--out", dir]);
        Assert.Equal(2, exit);
        Assert.Contains(field, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
        Assert.Empty(cli.Files());
    }

    [Fact]
    public void All_problems_are_reported_at_once()
    {
        var (exit, _, stderr) = cli.Run("simulate", "--dt", "-1", "--t-max", "-1", "--radius", "0", "--preset", "nope", "--out", cli.PathOf("o"));
        Assert.Equal(2, exit);
        foreach (var field in new[] { "--dt", "--t-max", "--radius", "--preset" })
        {
            Assert.Contains(field, stderr, StringComparison.Ordinal);
        }

        Assert.Empty(cli.Files());
    }

    [Fact]
    public void An_output_folder_that_is_a_file_is_invalid_input()
    {
        string file = cli.PathOf("taken");
        File.WriteAllText(file, "x");
        var (exit, _, stderr) = cli.Run("simulate", "--out", file);
        Assert.Equal(2, exit);
        Assert.Contains("out", stderr, StringComparison.Ordinal);
        Assert.Equal(["taken"], cli.Files());
    }

    [Fact]
    public void A_run_that_leaves_the_finite_range_exits_3_names_the_step_and_writes_nothing()
    {
        string dir = cli.PathOf("nf");
        var (exit, _, stderr) = cli.Run("simulate", "--capacitance", "1e-300", "--constant", "1e300", "--t-max", "1", "--out", dir);
        Assert.Equal(3, exit);
        Assert.Contains("step 0", stderr, StringComparison.Ordinal);
        Assert.Contains("neuron 0", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Help_lists_the_options_with_units_and_defaults()
    {
        var (exit, stdout, _) = cli.Run("simulate", "--help");
        Assert.Equal(0, exit);
        foreach (var text in new[] { "--dt", "default 0.025", "--t-max", "--step", "nA", "uA/cm2", "--v0", "default -70", "--out" })
        {
            Assert.Contains(text, stdout, StringComparison.Ordinal);
        }
    }
}

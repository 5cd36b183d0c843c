using NeuroFold.Cli;
using Xunit;

namespace NeuroFold.Cli.Tests;

/// <summary><c>neurofold simulate --scheme …</c> and the 2007 presets, end to end in a temporary folder.</summary>
public sealed class SchemeOptionTests : IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "neurofold-schemes-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("jaxley")]
    [InlineData("paper")]
    [InlineData("net2003")]
    [InlineData("euler")]
    public void Every_scheme_runs(string scheme)
    {
        string dir = Path.Combine(root, scheme);
        var (code, output, _) = Cli.Run("simulate", "--scheme", scheme, "--t-max", "100", "--out", dir);

        Assert.Equal(0, code);
        Assert.Contains($"({scheme} scheme)", output, StringComparison.Ordinal);
        Assert.True(File.ReadAllLines(Path.Combine(dir, "spikes.csv")).Length > 1);
    }

    [Fact]
    public void The_paper_scheme_records_30_at_a_spike_and_labels_rows_with_the_steps_input_time()
    {
        string dir = Path.Combine(root, "paper");
        var (code, _, _) = Cli.Run("simulate", "--scheme", "paper", "--dt", "0.25", "--t-max", "100", "--out", dir);

        Assert.Equal(0, code);
        string[] trace = File.ReadAllLines(Path.Combine(dir, "trace.csv"));
        Assert.Equal(402, trace.Length);
        Assert.StartsWith("0,", trace[1], StringComparison.Ordinal);
        string firstSpike = File.ReadAllLines(Path.Combine(dir, "spikes.csv"))[1].Split(',')[1];
        Assert.StartsWith(firstSpike + ",30,", trace.Single(l => l.StartsWith(firstSpike + ",", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_books_rs_cell_runs_at_100_pA()
    {
        string dir = Path.Combine(root, "rs2007");
        var (code, output, _) = Cli.Run("simulate", "--preset", "rs-2007", "--scheme", "euler", "--constant", "100", "--dt", "0.0025", "--t-max", "520", "--v0", "-60", "--u0", "0", "--out", dir);

        Assert.Equal(0, code);
        Assert.Contains("7 spikes", output, StringComparison.Ordinal);
        Assert.Equal("0,48.1875", File.ReadAllLines(Path.Combine(dir, "spikes.csv"))[1]);
    }

    [Fact]
    public void A_2007_preset_defaults_to_the_books_initial_state_and_takes_nA()
    {
        string a = Path.Combine(root, "pa");
        string b = Path.Combine(root, "na");
        Assert.Equal(0, Cli.Run("simulate", "--preset", "rs-2007", "--scheme", "euler", "--constant", "100", "--dt", "0.01", "--t-max", "200", "--out", a).Exit);
        Assert.Equal(0, Cli.Run("simulate", "--preset", "rs-2007", "--scheme", "euler", "--constant", "0.1nA", "--dt", "0.01", "--t-max", "200", "--out", b).Exit);
        Assert.Equal(File.ReadAllText(Path.Combine(a, "spikes.csv")), File.ReadAllText(Path.Combine(b, "spikes.csv")));
        Assert.StartsWith("0,-60,0", File.ReadAllLines(Path.Combine(a, "trace.csv"))[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jaxley")]
    [InlineData("paper")]
    [InlineData("net2003")]
    public void A_2007_preset_with_another_scheme_is_invalid_input(string scheme)
    {
        var (code, _, err) = Cli.Run("simulate", "--preset", "rs-2007", "--scheme", scheme, "--out", root);

        Assert.Equal(2, code);
        Assert.Contains("--scheme must be euler for the 2007 preset", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public void An_unknown_scheme_lists_the_choices()
    {
        var (code, _, err) = Cli.Run("simulate", "--scheme", "rk4", "--out", root);

        Assert.Equal(2, code);
        Assert.Contains("jaxley, paper, net2003, euler", err, StringComparison.Ordinal);
    }
}

using NeuroFold.IO;
using Xunit;

namespace NeuroFold.Cli.Tests.Networks;

/// <summary>Bad files and options for <c>neurofold network</c>: exit code 2, a clear message, nothing written.</summary>
public sealed class NetworkBadInputTests : IDisposable
{
    readonly NetworkCli cli = new();

    public void Dispose() => cli.Dispose();

    string WriteNpy(string name, int[] shape, double[] data)
    {
        string path = cli.PathOf(name);
        File.WriteAllBytes(path, Npy.Serialize(new NpyArray([.. shape], [.. data])));
        return path;
    }

    (int Exit, string Err) RunNetwork(params string[] extra)
    {
        var r = cli.Run(["network", "--out", cli.PathOf("out"), .. extra]);
        Assert.False(Directory.Exists(cli.PathOf("out")), "nothing may be written on invalid input");
        return (r.Exit, r.Err);
    }

    [Fact]
    public void Weights_with_a_NaN_are_rejected_with_its_position()
    {
        var w = new double[9];
        w[5] = double.NaN;
        var r = RunNetwork("--neurons", "3", "--weights", WriteNpy("w.npy", [3, 3], w));
        Assert.Equal(2, r.Exit);
        Assert.Contains("NaN at [1, 2]", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_of_the_wrong_shape_are_rejected()
    {
        var r = RunNetwork("--neurons", "4", "--weights", WriteNpy("w.npy", [3, 4], new double[12]));
        Assert.Equal(2, r.Exit);
        Assert.Contains("must have shape (4, 4)", r.Err, StringComparison.Ordinal);
        Assert.Contains("got (3, 4)", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_with_too_few_steps_or_wrong_columns_is_rejected()
    {
        var r = RunNetwork("--neurons", "4", "--t-max", "10", "--input", WriteNpy("i.npy", [5, 4], new double[20]));
        Assert.Equal(2, r.Exit);
        Assert.Contains("has 5 rows (steps) but the run needs 10", r.Err, StringComparison.Ordinal);
        var cols = RunNetwork("--neurons", "4", "--input", WriteNpy("j.npy", [5, 3], new double[15]));
        Assert.Equal(2, cols.Exit);
        Assert.Contains("must have shape (steps, 4)", cols.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_float32_file_is_rejected_naming_the_dtype()
    {
        var bytes = Npy.Serialize(new NpyArray([2, 2], [1.0, 2.0, 3.0, 4.0]));
        int at = bytes.AsSpan().IndexOf("'<f8'"u8);
        bytes[at + 3] = (byte)'4';
        File.WriteAllBytes(cli.PathOf("f4.npy"), bytes);
        var r = RunNetwork("--neurons", "2", "--weights", cli.PathOf("f4.npy"));
        Assert.Equal(2, r.Exit);
        Assert.Contains("must hold float64 values (dtype '<f8'), got dtype '<f4'", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_is_rejected()
    {
        var bytes = Npy.Serialize(new NpyArray([3, 3], [.. new double[9]]));
        File.WriteAllBytes(cli.PathOf("short.npy"), bytes[..^8]);
        var r = RunNetwork("--neurons", "3", "--weights", cli.PathOf("short.npy"));
        Assert.Equal(2, r.Exit);
        Assert.Contains("is truncated", r.Err, StringComparison.Ordinal);
        File.WriteAllBytes(cli.PathOf("junk.npy"), [1, 2, 3]);
        var junk = RunNetwork("--neurons", "3", "--weights", cli.PathOf("junk.npy"));
        Assert.Contains("is not a NumPy .npy file", junk.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_neuron_table_and_bad_options_are_all_listed()
    {
        File.WriteAllText(cli.PathOf("p.csv"), "neuron,a,b,c,d\n0,0.02,0.2,-65,8\n2,0.02,x,40,8\n");
        var r = RunNetwork("--neurons", cli.PathOf("p.csv"), "--threads", "0", "--model", "nope", "--seed", "-1");
        Assert.Equal(2, r.Exit);
        Assert.Contains("neuron must be 1", r.Err, StringComparison.Ordinal);
        Assert.Contains("b must be a finite number, got 'x'", r.Err, StringComparison.Ordinal);
        Assert.Contains("threads must be", r.Err, StringComparison.Ordinal);
        Assert.Contains("model must be one of", r.Err, StringComparison.Ordinal);
        Assert.Contains("seed must be", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reset_above_the_peak_in_the_table_is_rejected()
    {
        File.WriteAllText(cli.PathOf("p.csv"), "neuron,a,b,c,d\n0,0.02,0.2,35,8\n");
        var r = RunNetwork("--neurons", cli.PathOf("p.csv"));
        Assert.Equal(2, r.Exit);
        Assert.Contains("neuron 0: c must be finite and < 30", r.Err, StringComparison.Ordinal);
    }
}

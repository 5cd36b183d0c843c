using System.Text;
using NeuroFold.IO;

namespace NeuroFold.Cli.Tests.Reliability;

/// <summary>Inputs are bounded before they are read: special files are refused unopened, sizes are checked first, formats are parsed strictly.</summary>
public sealed class InputBoundsTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("replay")]
    [InlineData("network-weights")]
    [InlineData("network-input")]
    [InlineData("network-table")]
    public void A_device_given_as_a_file_is_refused_without_reading_it(string where)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var r = Run(where, "/dev/zero");
        Assert.Equal(2, r.Exit);
        Assert.Contains("'/dev/zero' is a device", r.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("replay")]
    [InlineData("network-input")]
    public async Task A_named_pipe_given_as_a_file_is_refused_without_waiting_on_it(string where)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var tmp = new TempFolder();
        string fifo = tmp["pipe"];
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        var task = Task.Run(() => Run(where, fifo));
        Assert.Same(task, await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(20))));
        var r = await task;
        Assert.Equal(2, r.Exit);
        Assert.Contains("is a named pipe (FIFO)", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_given_as_a_spec_is_refused()
    {
        using var tmp = new TempFolder();
        var r = Cli.Run("run", tmp.Path);
        Assert.Equal(2, r.Exit);
        Assert.Contains("is a folder; give the run spec file itself", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_larger_than_its_cap_is_refused_before_it_is_read()
    {
        using var tmp = new TempFolder();
        string path = tmp["big.json"];
        using (var f = File.Create(path))
        {
            f.SetLength(NeuroFold.Cli.Commands.RunCommand.MaxSpecBytes + 1);
        }

        var r = Cli.Run("run", path);
        Assert.Equal(2, r.Exit);
        Assert.Contains("a run spec may have at most 16 MiB", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_that_is_not_utf8_is_refused()
    {
        using var tmp = new TempFolder();
        string path = tmp["latin1.json"];
        File.WriteAllBytes(path, [.. "{ \"preset\": \"rs\", \"out\": \"caf"u8, 0xE9, .. "\" }"u8]);
        var r = Cli.Run("run", path);
        Assert.Equal(2, r.Exit);
        Assert.Contains("is not valid UTF-8", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_npy_header_that_gives_a_key_twice_is_refused()
    {
        var bytes = Header("{'descr': '<i8', 'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", 16);
        var r = Npy.Parse("twice.npy", bytes);
        Assert.True(r.IsFail);
        Assert.Contains("the key 'descr' is given twice", r.Match(_ => "", e => e.Head.Message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'extra': 1, }", "keys must be exactly")]
    [InlineData("{'descr': '<f8', 'fortran_order': 0, 'shape': (2,), }", "'fortran_order' must be True or False")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2, -1), }", "'shape' must be a tuple of whole numbers >= 0")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2,) ", "expected ',' or '}'")]
    [InlineData("__import__('os')", "unexpected '_'")]
    public void A_npy_header_is_read_as_the_python_literal_numpy_reads(string header, string message)
    {
        var r = Npy.Parse("h.npy", Header(header, 16));
        Assert.True(r.IsFail);
        Assert.Contains(message, r.Match(_ => "", e => e.Head.Message), StringComparison.Ordinal);
    }

    [Fact]
    public void A_npy_whose_size_disagrees_with_its_header_is_refused_before_its_data_are_read()
    {
        using var tmp = new TempFolder();
        string path = tmp["w.npy"];
        var header = Header("{'descr': '<f8', 'fortran_order': False, 'shape': (10000, 10000), }", 0);
        File.WriteAllBytes(path, header);
        var r = Npy.ReadFile("--weights", path, long.MaxValue);
        Assert.True(r.IsFail);
        Assert.Contains("is truncated: shape (10000, 10000) needs 800000000 data bytes, the file has 0", r.Match(_ => "", e => e.Head.Message), StringComparison.Ordinal);
    }

    [Fact]
    public void A_npy_larger_than_the_budget_is_refused_before_its_data_are_read()
    {
        using var tmp = new TempFolder();
        string path = tmp["w.npy"];
        File.WriteAllBytes(path, Npy.Serialize(new NpyArray([1000, 1000], [.. new double[1_000_000]])));
        var r = Npy.ReadFile("--weights", path, 1_000_000);
        Assert.True(r.IsFail);
        Assert.Contains("a .npy array may have at most", r.Match(_ => "", e => e.Head.Message), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_neuron_table_is_counted_and_the_first_twenty_are_listed()
    {
        var text = new StringBuilder("neuron,a,b,c,d\n");
        for (int i = 0; i < 30; i++)
        {
            text.Append(i).Append(",0.02,x,-65,8\n");
        }

        var r = NeuronTable.Parse("p.csv", text.ToString(), -65, null);
        var messages = r.Match(_ => [], e => e.Select(x => x.Message).ToList());
        Assert.Equal(NeuronTable.MaxListedProblems + 1, messages.Count);
        Assert.Equal("p.csv: and 10 more problems (the first 20 are listed)", messages[^1]);
    }

    [Fact]
    public void An_input_file_without_rows_is_invalid()
    {
        using var tmp = new TempFolder();
        string path = tmp["i.npy"];
        File.WriteAllBytes(path, Npy.Serialize(new NpyArray([0, 1000], [])));
        var r = Cli.Run("network", "--input-file", path, "--out", tmp["out"]);
        Assert.Equal(2, r.Exit);
        Assert.Contains("has no rows", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_current_that_overflows_its_conversion_is_invalid_input()
    {
        var r = Cli.Run("simulate", "--constant", "1e308nA", "--out", "never");
        Assert.Equal(2, r.Exit);
        Assert.Contains("it must be finite", r.Err, StringComparison.Ordinal);
    }

    static Cli.Outcome Run(string where, string path) => where switch
    {
        "run" => Cli.Run("run", path),
        "replay" => Cli.Run("replay", path),
        "network-weights" => Cli.Run("network", "--weights", path, "--out", "never"),
        "network-input" => Cli.Run("network", "--input-file", path, "--out", "never"),
        _ => Cli.Run("network", "--neuron-table", path, "--out", "never"),
    };

    /// <summary>A version 1.0 .npy with <paramref name="header"/> (padded, newline-ended) and <paramref name="dataBytes"/> zero bytes of data.</summary>
    static byte[] Header(string header, int dataBytes)
    {
        string padded = header + new string(' ', (64 - ((10 + header.Length + 1) % 64)) % 64) + "\n";
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)(padded.Length & 0xFF), (byte)(padded.Length >> 8) };
        bytes.AddRange(Encoding.ASCII.GetBytes(padded));
        bytes.AddRange(new byte[dataBytes]);
        return [.. bytes];
    }
}

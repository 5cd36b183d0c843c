using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.IO;
using Xunit;

namespace NeuroFold.Cli.Tests.Networks;

/// <summary>The .npy reader and writer: round trips, Fortran order, header layout.</summary>
public class NpyTests
{
    public static class Arrays
    {
        public static Arbitrary<NpyArray> Small() =>
            (from rows in Gen.Choose(1, 12)
             from cols in Gen.Choose(1, 12)
             from data in Gen.ArrayOf(Gen.Choose(-1_000_000, 1_000_000).Select(k => k / 1024.0), rows * cols)
             select new NpyArray([rows, cols], [.. data])).ToArbitrary();
    }

    [Property(Arbitrary = new[] { typeof(Arrays) }, MaxTest = 100)]
    public void Serialize_then_parse_round_trips(NpyArray array)
    {
        var back = Npy.Parse("x.npy", Npy.Serialize(array)).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        Assert.Equal(array.Shape.ToArray(), back.Shape.ToArray());
        Assert.Equal(array.Data.ToArray(), back.Data.ToArray());
    }

    [Fact]
    public void The_data_starts_at_a_multiple_of_64_bytes_like_numpy_writes_it()
    {
        var bytes = Npy.Serialize(new NpyArray([2, 3], [1, 2, 3, 4, 5, 6]));
        int headerLength = bytes[8] | (bytes[9] << 8);
        Assert.Equal(0, (10 + headerLength) % 64);
        Assert.Equal((byte)'\n', bytes[10 + headerLength - 1]);
        Assert.Equal(10 + headerLength + 48, bytes.Length);
    }

    [Fact]
    public void Fortran_order_is_transposed_to_row_major()
    {
        // The committed reference input was written in Fortran order by make_reference.py; spot values from numpy.
        var input = Npy.ReadFile(NetworkCli.Reference("I.npy")).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        Assert.Equal([200, 100], input.Shape.ToArray());
        Assert.Equal(-3.77907371, input.Data[0], 8);
        Assert.Equal(8.81189301, input.Data[1], 8);

        // A hand-made 2 x 3 Fortran array [[1, 2, 3], [4, 5, 6]] is stored column by column: 1 4 2 5 3 6.
        var c = Npy.Serialize(new NpyArray([2, 3], [1, 4, 2, 5, 3, 6]));
        string header = System.Text.Encoding.ASCII.GetString(c, 10, c[8] | (c[9] << 8));
        var f = (byte[])c.Clone();
        System.Text.Encoding.ASCII.GetBytes(header.Replace("False", "True ", StringComparison.Ordinal)).CopyTo(f, 10);
        var parsed = Npy.Parse("f.npy", f).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        Assert.Equal([1.0, 2, 3, 4, 5, 6], parsed.Data.ToArray());
    }

    [Fact]
    public void A_missing_file_is_a_message_not_an_exception()
    {
        var r = Npy.ReadFile("/nonexistent/w.npy");
        Assert.True(r.IsFail);
        Assert.Contains("does not exist", r.Match(_ => "", e => e.Head.Message), StringComparison.Ordinal);
    }
}

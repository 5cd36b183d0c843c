using System.Collections.Immutable;

namespace NeuroFold.IO;

/// <summary>A float64 array read from or written to a NumPy <c>.npy</c> file, always held in C (row-major) order.</summary>
/// <param name="Shape">Length of each dimension.</param>
/// <param name="Data">Elements in C order: the last index varies fastest.</param>
public sealed record NpyArray(ImmutableArray<int> Shape, ImmutableArray<double> Data)
{
    /// <summary>Number of rows of a 2-D array (first dimension).</summary>
    public int Rows => Shape.Length > 0 ? Shape[0] : 1;

    /// <summary>Number of columns of a 2-D array (second dimension).</summary>
    public int Columns => Shape.Length > 1 ? Shape[1] : 1;

    /// <summary>The shape as NumPy prints it, e.g. <c>(200, 100)</c>.</summary>
    public string ShapeText => Shape.Length == 1 ? $"({Shape[0]},)" : $"({string.Join(", ", Shape)})";
}

using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace NeuroFold.IO;

/// <summary>Reads and writes NumPy <c>.npy</c> files (format versions 1.0, 2.0 and 3.0) holding float64 arrays.</summary>
/// <remarks>
/// Format: the bytes <c>\x93NUMPY</c>, a major and minor version byte, the header length (uint16 little-endian for
/// version 1, uint32 for 2 and 3), an ASCII/UTF-8 Python dict literal with <c>descr</c>, <c>fortran_order</c> and
/// <c>shape</c>, padded with spaces and ended by a newline, then the raw data
/// (NumPy Enhancement Proposal 1, <c>numpy/lib/format.py</c>). Only little-endian float64 (<c>'&lt;f8'</c>) is accepted;
/// Fortran-order data is transposed to C order on reading. Writing always produces version 1.0, C order, with the
/// header padded so the data starts at a multiple of 64 bytes, as NumPy does.
/// </remarks>
public static partial class Npy
{
    static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Parses the bytes of a <c>.npy</c> file; <paramref name="name"/> is used in messages.</summary>
    public static Validation<Error, NpyArray> Parse(string name, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 10 || !bytes[..6].SequenceEqual(Magic))
        {
            return Fail(name, "is not a NumPy .npy file (the magic bytes \\x93NUMPY are missing)");
        }

        int major = bytes[6];
        int headerLength;
        int headerStart;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
            headerStart = 10;
        }
        else if (major is 2 or 3)
        {
            if (bytes.Length < 12)
            {
                return Fail(name, "is truncated inside its header");
            }

            uint length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
            if (length > int.MaxValue - 12)
            {
                return Fail(name, "declares an impossible header length");
            }

            headerLength = (int)length;
            headerStart = 12;
        }
        else
        {
            return Fail(name, $"has .npy format version {major}.{bytes[7]}; versions 1.0, 2.0 and 3.0 are supported");
        }

        if (bytes.Length < headerStart + headerLength)
        {
            return Fail(name, "is truncated inside its header");
        }

        string header = Encoding.UTF8.GetString(bytes.Slice(headerStart, headerLength));
        var descr = DescrPattern().Match(header);
        var order = FortranPattern().Match(header);
        var shapeMatch = ShapePattern().Match(header);
        if (!descr.Success || !order.Success || !shapeMatch.Success)
        {
            return Fail(name, $"has a header NeuroFold cannot read: {header.Trim()}");
        }

        string dtype = descr.Groups[1].Value;
        if (dtype is not ("<f8" or "=f8" or "f8"))
        {
            return Fail(name, $"must hold float64 values (dtype '<f8'), got dtype '{dtype}'; convert with numpy: np.save(path, x.astype('<f8'))");
        }

        bool fortran = order.Groups[1].Value == "True";
        var shape = new List<int>();
        foreach (string part in shapeMatch.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int dim))
            {
                return Fail(name, $"has a shape NeuroFold cannot read: ({shapeMatch.Groups[1].Value})");
            }

            shape.Add(dim);
        }

        long count = 1;
        foreach (int dim in shape)
        {
            count *= dim;
            if (count > int.MaxValue / 8)
            {
                return Fail(name, "is too large (more than 268 million elements)");
            }
        }

        var data = bytes[(headerStart + headerLength)..];
        if (data.Length < count * 8)
        {
            return Fail(name, $"is truncated: shape ({string.Join(", ", shape)}) needs {count * 8} data bytes, the file has {data.Length}");
        }

        if (data.Length > count * 8)
        {
            return Fail(name, $"has {data.Length - (count * 8)} bytes after the data of shape ({string.Join(", ", shape)})");
        }

        var values = new double[count];
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = BinaryPrimitives.ReadDoubleLittleEndian(data.Slice(k * 8, 8));
        }

        if (fortran && shape.Count > 1)
        {
            values = FortranToC(values, shape);
        }

        return Success<Error, NpyArray>(new NpyArray([.. shape], ImmutableArray.Create(values)));
    }

    /// <summary>Reads and parses a <c>.npy</c> file; a missing or unreadable file is reported, not thrown.</summary>
    public static Validation<Error, NpyArray> ReadFile(string path)
    {
        try
        {
            return Parse(path, File.ReadAllBytes(path));
        }
        catch (IOException e)
        {
            return Fail(path, $"cannot be read: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(path, $"cannot be read: {e.Message}");
        }
    }

    /// <summary>The bytes of a version 1.0, C-order, little-endian float64 <c>.npy</c> file.</summary>
    public static byte[] Serialize(NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        string shape = array.Shape.Length == 1 ? $"({array.Shape[0]},)" : $"({string.Join(", ", array.Shape)})";
        string dict = $"{{'descr': '<f8', 'fortran_order': False, 'shape': {shape}, }}";
        int unpadded = 10 + dict.Length + 1;
        int pad = (64 - (unpadded % 64)) % 64;
        string header = dict + new string(' ', pad) + "\n";
        var bytes = new byte[10 + header.Length + (array.Data.Length * 8)];
        Magic.CopyTo(bytes, 0);
        bytes[6] = 1;
        bytes[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)header.Length);
        Encoding.ASCII.GetBytes(header, bytes.AsSpan(10));
        int offset = 10 + header.Length;
        for (int k = 0; k < array.Data.Length; k++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(offset + (k * 8)), array.Data[k]);
        }

        return bytes;
    }

    static double[] FortranToC(double[] fortran, List<int> shape)
    {
        // Fortran order: the first index varies fastest. Walk C order and compute the Fortran offset.
        int dims = shape.Count;
        var c = new double[fortran.Length];
        var index = new int[dims];
        var strideF = new long[dims];
        strideF[0] = 1;
        for (int k = 1; k < dims; k++)
        {
            strideF[k] = strideF[k - 1] * shape[k - 1];
        }

        for (int flat = 0; flat < c.Length; flat++)
        {
            long offset = 0;
            for (int k = 0; k < dims; k++)
            {
                offset += index[k] * strideF[k];
            }

            c[flat] = fortran[offset];
            for (int k = dims - 1; k >= 0; k--)
            {
                if (++index[k] < shape[k])
                {
                    break;
                }

                index[k] = 0;
            }
        }

        return c;
    }

    static Validation<Error, NpyArray> Fail(string name, string message) => Fail<Error, NpyArray>(Error.New($"{name} {message}"));

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}

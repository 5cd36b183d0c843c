using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using NeuroFold.IO.Files;
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
public static class Npy
{
    static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>The longest header NeuroFold reads (NumPy's own default limit is 10,000 bytes).</summary>
    public const int MaxHeaderBytes = 1 << 20;

    /// <summary>Parses the bytes of a <c>.npy</c> file; <paramref name="name"/> is used in messages.</summary>
    public static Validation<Error, NpyArray> Parse(string name, ReadOnlySpan<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        return Read(name, stream, bytes.Length, long.MaxValue, int32: false).Map(x => x.Array);
    }

    /// <summary>Reads and parses a <c>.npy</c> file of any size; a missing or unreadable file is reported, not thrown.</summary>
    public static Validation<Error, NpyArray> ReadFile(string path) => ReadFile(path, path, long.MaxValue).Map(x => x.Array);

    /// <summary>Reads a <c>.npy</c> file of at most <paramref name="maxBytes"/> bytes, with the SHA-256 of exactly the bytes read.</summary>
    /// <param name="field">The field that named the file, for messages.</param>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The most bytes the file may have (its header is checked against its size before the data are read).</param>
    /// <remarks>Folders, pipes and devices are refused without being opened (<see cref="InputFile"/>).</remarks>
    public static Validation<Error, (NpyArray Array, string Sha256)> ReadFile(string field, string path, long maxBytes) =>
        ReadFile(field, path, maxBytes, int32: false);

    /// <summary>Reads an int32 (<c>&lt;i4</c>) <c>.npy</c> file of at most <paramref name="maxBytes"/> bytes; its values are returned as doubles (exactly), with the SHA-256 of the bytes read.</summary>
    /// <remarks>Index and delay arrays (Izhikevich's <c>post</c>, <c>delays</c>, the thalamic neuron of each step) are int32; every int32 is a double exactly.</remarks>
    public static Validation<Error, (NpyArray Array, string Sha256)> ReadInt32File(string field, string path, long maxBytes) =>
        ReadFile(field, path, maxBytes, int32: true);

    static Validation<Error, (NpyArray Array, string Sha256)> ReadFile(string field, string path, long maxBytes, bool int32) =>
        InputFile.Open(field, path, maxBytes, ".npy array").Bind(opened =>
        {
            using var stream = opened.Stream;
            try
            {
                return Read($"{field}: '{Excerpt.Of(path)}'", stream, opened.Facts.Size, maxBytes, int32);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail<Error, (NpyArray, string)>(Error.New($"{field}: cannot read '{Excerpt.Of(path)}' ({e.Message})"));
            }
        });

    /// <summary>Reads one <c>.npy</c> of <paramref name="size"/> bytes from <paramref name="stream"/>: header first, checked against the size, then the data.</summary>
    static Validation<Error, (NpyArray Array, string Sha256)> Read(string name, Stream stream, long size, long maxBytes, bool int32)
    {
        int width = int32 ? 4 : 8;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var prefix = new byte[12];
        int got = ReadUpTo(stream, prefix.AsSpan(0, 10), sha);
        if (got < 10 || !prefix.AsSpan(0, 6).SequenceEqual(Magic))
        {
            return Fail(name, "is not a NumPy .npy file (the magic bytes \\x93NUMPY are missing)");
        }

        int major = prefix[6];
        long headerLength;
        int headerStart;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(prefix.AsSpan(8));
            headerStart = 10;
        }
        else if (major is 2 or 3)
        {
            if (ReadUpTo(stream, prefix.AsSpan(10, 2), sha) < 2)
            {
                return Fail(name, "is truncated inside its header");
            }

            headerLength = BinaryPrimitives.ReadUInt32LittleEndian(prefix.AsSpan(8));
            headerStart = 12;
        }
        else
        {
            return Fail(name, $"has .npy format version {major}.{prefix[7]}; versions 1.0, 2.0 and 3.0 are supported");
        }

        if (headerLength > MaxHeaderBytes)
        {
            return Fail(name, $"declares a header of {headerLength} bytes; at most {MaxHeaderBytes} are read");
        }

        if (headerStart + headerLength > size)
        {
            return Fail(name, "is truncated inside its header");
        }

        var headerBytes = new byte[headerLength];
        if (ReadUpTo(stream, headerBytes, sha) < headerLength)
        {
            return Fail(name, "is truncated inside its header");
        }

        string header;
        try
        {
            header = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(headerBytes);
        }
        catch (DecoderFallbackException)
        {
            return Fail(name, "has a header that is not valid UTF-8");
        }

        var parsed = Header(header);
        if (parsed.Error is { } error)
        {
            return Fail(name, $"has a header NeuroFold cannot read ({error}): {Excerpt.Of(header.Trim())}");
        }

        var (dtype, fortran, shape) = (parsed.Dtype!, parsed.Fortran, parsed.Shape!);
        if (int32 && dtype is not ("<i4" or "=i4" or "i4"))
        {
            return Fail(name, $"must hold int32 values (dtype '<i4'), got dtype '{Excerpt.Of(dtype)}'; convert with numpy: np.save(path, x.astype('<i4'))");
        }

        if (!int32 && dtype is not ("<f8" or "=f8" or "f8"))
        {
            return Fail(name, $"must hold float64 values (dtype '<f8'), got dtype '{Excerpt.Of(dtype)}'; convert with numpy: np.save(path, x.astype('<f8'))");
        }

        string shapeText = $"({string.Join(", ", shape)}{(shape.Count == 1 ? "," : "")})";
        long count = 1;
        foreach (long dim in shape)
        {
            count = dim == 0 ? 0 : count;
            if (dim != 0 && count > System.Array.MaxLength / dim)
            {
                return Fail(name, $"is too large: shape {shapeText} has more than {System.Array.MaxLength} elements");
            }

            count *= dim;
        }

        long expected = headerStart + headerLength + (count * width);
        if (size < expected)
        {
            return Fail(name, $"is truncated: shape {shapeText} needs {count * width} data bytes, the file has {size - headerStart - headerLength}");
        }

        if (size > expected)
        {
            return Fail(name, $"has {size - expected} bytes after the data of shape {shapeText}");
        }

        if (expected > maxBytes)
        {
            return Fail(name, $"holds {Files.Bytes.Describe(count * width)} of data; at most {Files.Bytes.Describe(maxBytes)} may be read");
        }

        var values = new double[count];
        var chunk = new byte[1 << 16];
        long done = 0;
        while (done < count)
        {
            int want = (int)Math.Min(chunk.Length / width, count - done) * width;
            if (ReadUpTo(stream, chunk.AsSpan(0, want), sha) < want)
            {
                return Fail(name, "became shorter while it was read");
            }

            for (int k = 0; k < want; k += width)
            {
                values[done++] = int32 ? BinaryPrimitives.ReadInt32LittleEndian(chunk.AsSpan(k, 4)) : BinaryPrimitives.ReadDoubleLittleEndian(chunk.AsSpan(k, 8));
            }
        }

        if (stream.ReadByte() >= 0)
        {
            return Fail(name, "grew while it was read");
        }

        if (fortran && shape.Count > 1)
        {
            values = FortranToC(values, shape);
        }

        var dims = shape.Select(d => (int)d).ToImmutableArray();
        return Success<Error, (NpyArray, string)>((new NpyArray(dims, ImmutableCollectionsMarshal.AsImmutableArray(values)), Convert.ToHexStringLower(sha.GetHashAndReset())));
    }

    /// <summary>The header dict as NumPy's <c>_read_array_header</c> reads it: exactly the keys descr, fortran_order and shape, each once.</summary>
    static (string? Dtype, bool Fortran, List<long>? Shape, string? Error) Header(string header)
    {
        var (value, error) = PythonLiteral.Parse(header);
        if (error is not null)
        {
            return (null, false, null, error);
        }

        if (value is not PythonLiteral.Dict dict)
        {
            return (null, false, null, "it is not a dict");
        }

        var keys = dict.Entries.Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        if (!keys.SequenceEqual(["descr", "fortran_order", "shape"], StringComparer.Ordinal))
        {
            return (null, false, null, $"its keys must be exactly 'descr', 'fortran_order' and 'shape', got {string.Join(", ", keys.Select(k => $"'{Excerpt.Of(k)}'"))}");
        }

        var entries = dict.Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        if (entries["descr"] is not string dtype)
        {
            return (null, false, null, "'descr' must be a dtype string such as '<f8'");
        }

        if (entries["fortran_order"] is not bool fortran)
        {
            return (null, false, null, "'fortran_order' must be True or False");
        }

        if (entries["shape"] is not PythonLiteral.Tuple tuple || tuple.Items.Any(x => x is not long n || n < 0))
        {
            return (null, false, null, "'shape' must be a tuple of whole numbers >= 0");
        }

        var shape = tuple.Items.Select(x => (long)x!).ToList();
        return shape.Any(d => d > int.MaxValue) ? (null, false, null, "a dimension of 'shape' is larger than 2147483647") : (dtype, fortran, shape, null);
    }

    static int ReadUpTo(Stream stream, Span<byte> buffer, IncrementalHash sha)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        sha.AppendData(buffer[..total]);
        return total;
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

    static double[] FortranToC(double[] fortran, List<long> shape)
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

    static Validation<Error, (NpyArray Array, string Sha256)> Fail(string name, string message) => Fail<Error, (NpyArray, string)>(Error.New($"{name} {message}"));
}

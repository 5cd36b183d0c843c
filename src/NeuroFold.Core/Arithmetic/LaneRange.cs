using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace NeuroFold.Core.Arithmetic;

/// <summary>The range check of a vector load or store: <c>offset … offset + count − 1</c> must lie inside the span.</summary>
internal static class LaneRange
{
    /// <summary>Throws unless <c>0 ≤ offset</c> and <c>offset + count ≤ length</c>.</summary>
    /// <remarks>
    /// In 64-bit arithmetic, so a negative offset cannot wrap around into range; a plain comparison the JIT folds when
    /// the offset and length are constants (a one-vector span), with the throw out of line.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check(int offset, int count, int length)
    {
        if ((ulong)(uint)offset + (uint)count > (uint)length)
        {
            Throw(offset, count, length);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Throw(int offset, int count, int length) =>
        throw new ArgumentOutOfRangeException(nameof(offset), offset, $"lanes {offset}..{(long)offset + count - 1} lie outside a span of {length}");
}

using System.Numerics;
using System.Runtime.CompilerServices;

namespace NeuroFold.Core.Numerics;

/// <summary>Integer building blocks of the correctly rounded functions: the high half of a 128×128-bit product and the final rounding.</summary>
/// <remarks>
/// Everything here is integer arithmetic, so it gives the same bits on every platform and no floating-point contraction
/// or rounding mode can reach it. A fixed-point number <c>Qm.n</c> is an unsigned integer <c>N</c> standing for
/// <c>N·2^−n</c>; "a unit" is <c>2^−n</c>.
/// </remarks>
internal static class FixedPoint
{
    const ulong Mantissa = (1UL << 52) - 1;

    /// <summary><c>⌊a·b/2^128⌋</c>: the product of two fixed-point numbers, truncated (error in [0, 1) unit).</summary>
    /// <remarks>Q0.128·Q0.128 → Q0.128, Q1.127·Q0.128 → Q1.127, Q1.127·Q1.127 → Q2.126.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static UInt128 MulHi(UInt128 a, UInt128 b)
    {
        ulong a1 = (ulong)(a >> 64), a0 = (ulong)a, b1 = (ulong)(b >> 64), b0 = (ulong)b;
        ulong h00 = Math.BigMul(a0, b0, out _);
        ulong h01 = Math.BigMul(a0, b1, out ulong l01);
        ulong h10 = Math.BigMul(a1, b0, out ulong l10);
        ulong h11 = Math.BigMul(a1, b1, out ulong l11);

        // a·b = h11·2^192 + (l11 + h01 + h10)·2^128 + (l01 + l10 + h00)·2^64 + l00; the low word l00 cannot carry
        // past 2^128 (it adds less than one to the middle sum divided by 2^64), so it is dropped.
        UInt128 middle = (UInt128)h00 + l01 + l10;
        return ((UInt128)h11 << 64) + l11 + h01 + h10 + (middle >> 64);
    }

    /// <summary><c>⌊a·b/2^64⌋</c>: the product of two 64-bit fixed-point numbers, truncated (error in [0, 1) unit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MulHi(ulong a, ulong b) => Math.BigMul(a, b, out _);

    /// <summary>The double nearest to every real number in the open interval (<paramref name="low"/>, <paramref name="high"/>)·2^<paramref name="exponent"/>, if they all have the same one.</summary>
    /// <remarks>
    /// <para>
    /// The caller guarantees that the exact value lies strictly inside the interval. Round to nearest, ties to even,
    /// with IEEE 754's gradual underflow (the last bit of a subnormal has weight 2^−1074) and overflow (a value whose
    /// rounding with an unbounded exponent is at least 2^1024 becomes ∞). Returns false when the interval contains a
    /// rounding boundary (a midpoint between two doubles), touches or crosses zero, or spans two binades; the caller
    /// then computes the value more precisely (Ziv's strategy).
    /// </para>
    /// <para>
    /// Why it is right: let <c>s</c> be the position of the result's last bit, the same for both ends. The map
    /// <c>v ↦ ⌊v/2^s + 1/2⌋</c> is non-decreasing, so if it agrees at both ends it is constant on the interval; on the
    /// open interval it equals round to nearest, because a tie <c>(2a − 1)·2^(s−1)</c> inside it would make the two ends
    /// map to a − 1 and a.
    /// </para>
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryRound<T>(T low, T high, int exponent, bool negative, out double result)
        where T : IBinaryInteger<T>
    {
        result = 0.0;
        if (low <= T.Zero || high < low)
        {
            return false;
        }

        int shiftLow = Math.Max(BitLength(low) - 53, -1074 - exponent);
        int shift = Math.Max(BitLength(high) - 53, -1074 - exponent);
        if (shiftLow != shift || shift < 1)
        {
            return false;
        }

        T half = T.One << (shift - 1);
        T a = (low + half) >> shift;
        if (a != ((high + half) >> shift))
        {
            return false;
        }

        result = Compose(ulong.CreateTruncating(a), exponent + shift, negative);
        return true;
    }

    /// <summary><c>±a·2^e</c> for an integer <c>a ≤ 2^53</c> that is already rounded to the bits the result can hold.</summary>
    static double Compose(ulong a, int e, bool negative)
    {
        ulong bits;
        if (e == -1074 && a <= 1UL << 52)
        {
            bits = a; // a subnormal (or, for a = 2^52, the smallest normal): the bits are the integer itself
        }
        else
        {
            if (a == 1UL << 53)
            {
                a = 1UL << 52;
                e++;
            }

            int biased = e + 52 + 1023;
            bits = biased >= 2047 ? 0x7FF0000000000000UL : ((ulong)biased << 52) | (a & Mantissa);
        }

        return BitConverter.UInt64BitsToDouble(negative ? bits | (1UL << 63) : bits);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int BitLength<T>(T value)
        where T : IBinaryInteger<T> => int.CreateTruncating(T.Log2(value)) + 1;
}

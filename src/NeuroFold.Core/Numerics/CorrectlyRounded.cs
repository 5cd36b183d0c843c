using System.Numerics;
using System.Runtime.CompilerServices;
using static NeuroFold.Core.Numerics.CorrectlyRoundedTables;
using static NeuroFold.Core.Numerics.FixedPoint;

namespace NeuroFold.Core.Numerics;

/// <summary>exp, ln, sin and cos, correctly rounded: the double nearest to the exact value (ties to even), on every platform.</summary>
/// <remarks>
/// <para>
/// The core's only transcendental functions (docs/NUMERICS.md, section 11). Each is the round-to-nearest-even of the
/// exact real value for every finite double, with IEEE 754's special values, gradual underflow and overflow, so it is
/// one function of its argument, not one per C library: glibc, the Windows CRT and Apple's libm differ in the last
/// bit for some arguments, this does not.
/// </para>
/// <para>
/// Method (Ziv's strategy). A fast path evaluates the function in 128-bit fixed-point integer arithmetic (table-driven
/// argument reduction, a short polynomial, <see cref="FixedPoint.MulHi(UInt128, UInt128)"/>) together with a proven bound on its error,
/// and rounds only if the whole error interval rounds to one double (<see cref="FixedPoint.TryRound{T}"/>). The bounds
/// (about 2^−115 relative, derived beside each function) leave an interval that contains a rounding boundary for about
/// one argument in 2^50 or fewer, so the fast path decides almost always (each function first tries the same evaluation
/// at 64 bits, with a bound of a few units of 2^−62, which decides about 98 arguments in 100 for exp and ln and 95 for
/// sin and cos, at a fraction of the cost); otherwise, and for the rare arguments outside
/// its domain, <see cref="ExactPath"/> recomputes the value with BigInteger at 192, 384, … bits until it decides. Since
/// exp, ln, sin and cos of a nonzero rational are transcendental (Lindemann–Weierstrass), the exact value is never a
/// double or a midpoint (except exp(0) = cos(0) = 1, ln 1 = 0, sin(±0) = ±0, handled first), so the loop ends; the
/// worst cases known for binary64 need fewer than 160 bits.
/// </para>
/// <para>
/// No floating-point operation decides a result bit: the few doubles used (to guess a reduction index) are corrected
/// in integers, so fused multiply-add, x87 precision or a different libm could not change an output.
/// </para>
/// </remarks>
internal static class CorrectlyRounded
{
    const ulong MantissaMask = (1UL << 52) - 1;
    const ulong QuietBit = 1UL << 51;
    const double TwoToMinus54 = 1.0 / 18014398509481984.0;
    const double TwoToMinus26 = 1.0 / 67108864.0;
    const double TwoToMinus27 = 1.0 / 134217728.0;
    const double TwoToThirty = 1073741824.0;
    const double InverseLn2Times256 = 369.3299304675746; // ≈ 256/ln 2; only a guess of k, corrected exactly below
    const double TwoOverPi = 0.6366197723675814; // ≈ 2/π; only a guess of the quadrant, corrected exactly below
    static readonly UInt128 One127 = UInt128.One << 127;
    static readonly Int128 QuarterPi = (Int128)(HalfPi >> 1);

    // The 64-bit first stages' tables: the high words of the 128-bit ones (each truncated: within one unit of 2^−64,
    // or of 2^−63 for Q1.63), derived by integer shifts when the class is first used.
    static readonly ulong[] Exp2High = High(Exp2);
    static readonly ulong[] InverseFactorial64 = High(InverseFactorial);
    static readonly ulong[] Inverse64 = High(Inverse);
    static readonly long[] LogMinusLnC64 = SignedHigh(LogMinusLnC);
    static readonly ulong[] SinOfJHigh = High(SinOfJ);
    static readonly ulong[] CosOfJHigh = High(CosOfJ);

    /// <summary>e^x, correctly rounded.</summary>
    /// <remarks>
    /// exp(NaN) = NaN, exp(+∞) = +∞, exp(−∞) = +0; x ≥ 710 overflows to +∞ (e^710 &gt; 2^1024) and x ≤ −746 gives +0
    /// (e^−746 &lt; 2^−1076, below half the smallest subnormal). For |x| &lt; 2^−54 the result is 1: e^x lies strictly
    /// between the midpoints 1 − 2^−54 and 1 + 2^−53 that surround 1.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Exp(double x)
    {
        if (!(x > -746.0))
        {
            return double.IsNaN(x) ? Quiet(x) : 0.0;
        }

        if (!(x < 710.0))
        {
            return double.IsNaN(x) ? Quiet(x) : double.PositiveInfinity;
        }

        if (Math.Abs(x) < TwoToMinus54)
        {
            return 1.0;
        }

        return x > -726.0 && TryExp(x, out double result) ? result : ExactPath.Exp(x);
    }

    /// <summary>The natural logarithm ln x, correctly rounded.</summary>
    /// <remarks>ln(NaN) = NaN, ln x = NaN for x &lt; 0 (and −∞), ln(±0) = −∞, ln(+∞) = +∞, ln 1 = +0.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Log(double x)
    {
        if (!(x > 0.0) || double.IsPositiveInfinity(x))
        {
            return double.IsNaN(x) ? Quiet(x) : x == 0.0 ? double.NegativeInfinity : x > 0.0 ? x : double.NaN;
        }

        if (x == 1.0)
        {
            return 0.0;
        }

        return TryLog(x, out double result) ? result : ExactPath.Log(x);
    }

    /// <summary>sin x (x in radians), correctly rounded.</summary>
    /// <remarks>
    /// sin(NaN) = NaN, sin(±∞) = NaN, sin(±0) = ±0. For 0 &lt; |x| &lt; 2^−26 the result is x: sin x lies between
    /// x − x³/6 and x, and x³/6 &lt; |x|·2^−54.58 is less than the distance from x to the midpoint below it (at least
    /// |x|·2^−54).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Sin(double x)
    {
        double a = Math.Abs(x);
        if (!(a >= TwoToMinus26))
        {
            return double.IsNaN(x) ? Quiet(x) : x; // ±0, tiny and subnormal arguments: their own sine
        }

        if (double.IsPositiveInfinity(a))
        {
            return double.NaN;
        }

        double s = a < TwoToThirty && TrySinCos(a, cos: false, out double r) ? r : ExactPath.SinCos(a, cos: false);
        return x < 0 ? -s : s;
    }

    /// <summary>cos x (x in radians), correctly rounded.</summary>
    /// <remarks>
    /// cos(NaN) = NaN, cos(±∞) = NaN. For |x| &lt; 2^−27 the result is 1: cos x lies between 1 − x²/2 &gt; 1 − 2^−55
    /// and 1, above the midpoint 1 − 2^−54.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Cos(double x)
    {
        double a = Math.Abs(x);
        if (!(a >= TwoToMinus27))
        {
            return double.IsNaN(x) ? Quiet(x) : 1.0;
        }

        if (double.IsPositiveInfinity(a))
        {
            return double.NaN;
        }

        return a < TwoToThirty && TrySinCos(a, cos: true, out double r) ? r : ExactPath.SinCos(a, cos: true);
    }

    static ulong[] High(UInt128[] table)
    {
        var high = new ulong[table.Length];
        for (int i = 0; i < table.Length; i++)
        {
            high[i] = (ulong)(table[i] >> 64);
        }

        return high;
    }

    static long[] SignedHigh(UInt128[] table)
    {
        var high = new long[table.Length];
        for (int i = 0; i < table.Length; i++)
        {
            high[i] = (long)((Int128)table[i] >> 64); // arithmetic shift: ⌊v/2^64⌋
        }

        return high;
    }

    /// <summary>A NaN argument's result: the same NaN, quiet (its payload kept, the quiet bit set), as IEEE 754 recommends and x64 and arm64 hardware do.</summary>
    static double Quiet(double nan) => BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(nan) | QuietBit);

    /// <summary>The fast path of <see cref="Exp"/> for −726 &lt; x &lt; 710, |x| ≥ 2^−54; false when it cannot decide.</summary>
    /// <remarks>
    /// <para>
    /// Reduction: x = k·(ln 2/256) + r with 0 ≤ r &lt; ln 2/256, computed in integers at scale 2^−134: X = x·2^134 is
    /// exact (x's last bit weighs at least 2^−106) but needs more than 128 bits, so X and k·L (L = ln 2·2^126 rounded,
    /// |L − ln 2·2^126| ≤ 1/2) are formed modulo 2^128; their true difference is below 2^127 in magnitude (k is
    /// within one of the right integer), so the wrapped difference read as a signed number is exact, and k is then
    /// corrected until 0 ≤ R &lt; L. The only error is k·(L − ln 2·2^126): |δr| ≤ |k|·2^−135, with |k| &lt; 2^18.1.
    /// </para>
    /// <para>
    /// e^x = 2^(k≫8)·2^((k&amp;255)/256)·e^r. e^r = 1 + t + t²·A(t), t = r as Q0.128 (truncated, error &lt; 2^−128),
    /// A the Taylor coefficients 1/2! … 1/11! by Horner in Q0.128: every coefficient is rounded (≤ 1/2 unit) and every
    /// product truncated (&lt; 1 unit), and t &lt; 2^−8.5 damps what came before, so A is within 1.51 units and t²·A within
    /// 1.01; the omitted terms sum to below t^12/12!·1.01 &lt; 2^−131. As Q1.127, e^r is within 3.1 units (the halvings
    /// cost one unit each). The table entry (Q1.127, within 1/2 unit) times e^r, truncated to Q2.126, is within
    /// 4.4 units of 2^−126; the reduction adds |k|·2^−135·2 &lt; |k|/254 units. The bound used, |k|/128 + 16 units,
    /// is larger than both together.
    /// </para>
    /// <para>
    /// The 64-bit first stage uses the same reduction with t₆₄ = ⌊t·2^64⌋ (Q0.64), A = 1/2! + … + t⁴/6! by Horner with
    /// coefficients and the table 2^(j/256) truncated to their high words (each within one unit): A within 2.01 units of
    /// 2^−64, t²·A within 1.01, the omitted terms below t⁷/7!·1.01 &lt; 2^−71; e^r as Q1.63 within 3.02 units of 2^−63
    /// (t's truncation and the halvings included); the product with the table, truncated to Q2.62, within 4.53 units of
    /// 2^−62 (the reduction's error is below 2^−116). Bound used: 6 units.
    /// </para>
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static bool TryExp(double x, out double result)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        ulong m = (bits & MantissaMask) | (1UL << 52);
        int e = (int)((bits >> 52) & 0x7FF) - 1075; // |x| = m·2^e, −106 ≤ e ≤ −43
        UInt128 xFixed = (UInt128)m << (e + 134); // x·2^134 modulo 2^128
        if (x < 0)
        {
            xFixed = UInt128.Zero - xFixed;
        }

        long k = (long)Math.Floor(x * InverseLn2Times256);
        Int128 rFixed = (Int128)(xFixed - ((UInt128)(Int128)k * Ln2Over256));
        Int128 step = (Int128)Ln2Over256;
        while (rFixed < Int128.Zero)
        {
            rFixed += step;
            k--;
        }

        while (rFixed >= step)
        {
            rFixed -= step;
            k++;
        }

        UInt128 t = (UInt128)rFixed >> 6; // Q0.128, t < ln 2/256 < 2^−8.5

        // First at 64 bits (see the remarks): decides about 99 arguments in 100.
        ulong t64 = (ulong)(t >> 64);
        ulong a64 = InverseFactorial64[6];
        for (int n = 5; n >= 2; n--)
        {
            a64 = InverseFactorial64[n] + MulHi(a64, t64);
        }

        ulong er64 = (1UL << 63) + (t64 >> 1) + (MulHi(MulHi(a64, t64), t64) >> 1); // Q1.63: 1 + t + t²·A
        ulong y64 = MulHi(Exp2High[(int)(k & 255)], er64); // Q2.62
        if (TryRound(y64 - 6, y64 + 6, (int)(k >> 8) - 62, negative: false, out result))
        {
            return true;
        }

        UInt128 a = InverseFactorial[11];
        for (int n = 10; n >= 2; n--)
        {
            a = InverseFactorial[n] + MulHi(a, t);
        }

        UInt128 er = One127 + (t >> 1) + (MulHi(MulHi(a, t), t) >> 1); // Q1.127: 1 + t + t²·A
        UInt128 y = MulHi(Exp2[(int)(k & 255)], er); // Q2.126
        UInt128 error = (UInt128)((ulong)Math.Abs(k) >> 7) + 16;
        return TryRound(y - error, y + error, (int)(k >> 8) - 126, negative: false, out result);
    }

    /// <summary>The fast path of <see cref="Log"/> for positive finite x ≠ 1; false when it cannot decide.</summary>
    /// <remarks>
    /// <para>
    /// x = f·2^E with f = m·2^−s in [0.707, 1.414) (s = 52, or 53 when m·2^−52 ≥ 724/512), m the 53-bit significand
    /// (subnormals normalised first). With i = ⌊512·f⌋ in [362, 723] and c = C_i·2^−20, C_i = ⌈2^29/i⌉ (so c ≥ 512/i and
    /// c·f ≥ 1), z = c·f − 1 is exact in integers (m·C_i − 2^(s+20), shifted to Q0.128) and 0 ≤ z &lt; 1/362 + 2^−19
    /// &lt; 2^−8.49. ln x = E·ln 2 − ln c + ln(1 + z).
    /// </para>
    /// <para>
    /// ln(1 + z) = z − z²·B(z), B = 1/2 − z/3 + z²/4 − … ± z^12/14 by Horner in Q0.128 (each step stays positive):
    /// coefficients within 1/2 unit, truncations below 1, damped by z, so B is within 1.51 units, z²·B within 1.01, and
    /// the alternating series' remainder is below z^15/15 &lt; 2^−131. The table's −ln c (within 1/2 unit) plus ln(1 + z)
    /// is ln f within 1.52 units of 2^−128. If E = 0 that is the result (bound used: 4 units; the absolute error stays
    /// below 2^−126 even when ln f is tiny, so results near ln 1 keep 70 and more correct bits past the 53rd). Otherwise
    /// E·(ln 2·2^117 rounded) + ln f·2^117 (truncated) is within |E|/2 + 1.01 units of 2^−117 (bound used: |E|/2 + 3),
    /// and |ln x| ≥ 0.346 there.
    /// </para>
    /// <para>
    /// The 64-bit first stage: z₆₄ = ⌊z·2^64⌋, B = 1/2 − z/3 + … − z⁵/7 by Horner (coefficients and −ln c truncated to
    /// their high words, within one unit each), the remainder below z⁸/8 &lt; 2^−70. ln(1 + z) is within 2.05 units of
    /// 2^−64 and ln f within 3.05 (bound used when E = 0: 4 units); otherwise E·ln 2 at 2^−117 plus ln f·2^53 is within
    /// |E|/2 + 3.05·2^53 units of 2^−117 (bound used: |E|/2 + 5·2^53).
    /// </para>
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static bool TryLog(double x, out double result)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        ulong m = bits & MantissaMask;
        int e;
        int biased = (int)(bits >> 52);
        if (biased == 0)
        {
            int shift = BitOperations.LeadingZeroCount(m) - 11;
            m <<= shift;
            e = -1074 - shift;
        }
        else
        {
            m |= 1UL << 52;
            e = biased - 1075;
        }

        int exponent = e + 52; // x = (m·2^−52)·2^exponent
        int s = 52;
        int i = (int)(m >> 43);
        if (i >= 724)
        {
            s = 53;
            exponent++;
            i = (int)(m >> 44);
        }

        UInt128 zExact = ((UInt128)m * (ulong)LogC[i - 362]) - (UInt128.One << (s + 20)); // z·2^(s+20)

        // First at 64 bits (see the remarks).
        ulong z64 = (ulong)(zExact >> (s - 44)); // Q0.64, truncated
        ulong b64 = Inverse64[7];
        for (int n = 6; n >= 2; n--)
        {
            b64 = Inverse64[n] - MulHi(b64, z64);
        }

        long lnF64 = LogMinusLnC64[i - 362] + (long)(z64 - MulHi(MulHi(b64, z64), z64)); // scale 2^−64, signed
        if (exponent == 0)
        {
            ulong magnitude64 = (ulong)Math.Abs(lnF64);
            if (TryRound(magnitude64 - 4, magnitude64 + 4, -64, lnF64 < 0, out result))
            {
                return true;
            }
        }
        else
        {
            Int128 sum64 = ((Int128)exponent * (Int128)Ln2) + ((Int128)lnF64 << 53); // scale 2^−117
            UInt128 size64 = (UInt128)Int128.Abs(sum64);
            UInt128 error64 = (UInt128)(uint)(Math.Abs(exponent) >> 1) + (UInt128)(5UL << 53);
            if (TryRound(size64 - error64, size64 + error64, -117, sum64 < Int128.Zero, out result))
            {
                return true;
            }
        }

        UInt128 z = zExact << (108 - s); // Q0.128
        UInt128 b = Inverse[14];
        for (int n = 13; n >= 2; n--)
        {
            b = Inverse[n] - MulHi(b, z);
        }

        Int128 lnF = (Int128)LogMinusLnC[i - 362] + (Int128)(z - MulHi(MulHi(b, z), z)); // Q·.128, signed
        if (exponent == 0)
        {
            UInt128 magnitude = (UInt128)Int128.Abs(lnF);
            return TryRound(magnitude - 4, magnitude + 4, -128, lnF < Int128.Zero, out result);
        }

        Int128 sum = ((Int128)exponent * (Int128)Ln2) + (lnF >> 11); // scale 2^−117
        UInt128 size = (UInt128)Int128.Abs(sum);
        UInt128 error = (UInt128)(uint)(Math.Abs(exponent) >> 1) + 3;
        return TryRound(size - error, size + error, -117, sum < Int128.Zero, out result);
    }

    /// <summary>The fast path of <see cref="Sin"/> (or <see cref="Cos"/>) for 2^−27 ≤ a &lt; 2^30, a ≥ 0; false when it cannot decide.</summary>
    /// <remarks>
    /// <para>
    /// Reduction: a = q·π/2 + θ with |θ| ≤ π/4, in integers at scale 2^−126: A = a·2^126 and q·P (P = (π/2)·2^126
    /// rounded, within 1/2 unit) are formed modulo 2^128 and their difference, below 2^127 in magnitude, read as signed
    /// (q is a rounded double guess, corrected by one if |θ| &gt; π/4). Its only error is q·(P − (π/2)·2^126): at most
    /// q/2 units of 2^−126, which is also the bound on the error it causes in sin θ and cos θ.
    /// </para>
    /// <para>
    /// |θ| = j/128 + t with j = ⌊128·|θ|⌋ ≤ 100 and 0 ≤ t &lt; 2^−7 exactly (the low bits of |θ|); sin|θ| =
    /// sin(j/128)·cos t + cos(j/128)·sin t and cos|θ| = cos(j/128)·cos t − sin(j/128)·sin t, with tabulated
    /// sin(j/128), cos(j/128) (Q1.127, within 1/2 unit). Neither sum cancels: both terms of the first are
    /// non-negative, and in the second cos(j/128) ≥ 0.7 while sin(j/128)·sin t &lt; 0.006. sin t = t − t·z·Bs(z) and
    /// cos t = 1 − z·Bc(z), z = t² (truncated), Bs = 1/3! − z/5! + … + z⁴/11!, Bc = 1/2! − z/4! + … − z⁵/12! by Horner
    /// in Q0.128; omitted terms are below t^13/13! &lt; 2^−123 and t^14/14! &lt; 2^−134. Counted as for exp: sin t within
    /// 1.03 units of 2^−128, cos t within 1.76 units of 2^−127, sin|θ| within 3.64 and cos|θ| within 3.89 units of
    /// 2^−126 (Q2.126). Bound used: q/2 + 8 units, as an absolute error; for a result near zero (a near a multiple of
    /// π/2) it decides only if enough bits survive, else the exact path takes over.
    /// </para>
    /// <para>
    /// The 64-bit first stage: t₆₄ = ⌊t·2^64⌋, z = t² truncated, Bs = 1/3! − z/5! + z²/7! and Bc = 1/2! − z/4! + z²/6!
    /// (omitted terms below t⁹/9! &lt; 2^−81 and t⁸/8! &lt; 2^−71), coefficients and tables truncated to their high words:
    /// sin t within 2.1 units of 2^−64, cos t within 1.8 units of 2^−63, and sin|θ| or cos|θ| as Q2.62 within 4.2 units of
    /// 2^−62 (the reduction's error, q/2 units of 2^−126, is below 2^−97). Bound used: 8 units.
    /// </para>
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static bool TrySinCos(double a, bool cos, out double result)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(a);
        ulong m = (bits & MantissaMask) | (1UL << 52);
        int e = (int)(bits >> 52) - 1075; // a = m·2^e, −79 ≤ e ≤ −23
        UInt128 aFixed = (UInt128)m << (e + 126); // a·2^126 modulo 2^128
        long q = (long)Math.Round(a * TwoOverPi);
        Int128 theta = (Int128)(aFixed - ((UInt128)q * HalfPi));
        if (theta > QuarterPi)
        {
            theta -= (Int128)HalfPi;
            q++;
        }
        else if (theta < -QuarterPi)
        {
            theta += (Int128)HalfPi;
            q--;
        }

        bool thetaNegative = theta < Int128.Zero;
        UInt128 magnitude = (UInt128)Int128.Abs(theta);
        int j = (int)(magnitude >> 119);
        UInt128 t = (magnitude - ((UInt128)j << 119)) << 2; // Q0.128, t < 2^−7

        // sin a = (σ sin|θ|, cos θ, −σ sin|θ|, −cos θ)[q mod 4], cos a = (cos θ, −σ sin|θ|, −cos θ, σ sin|θ|)[q mod 4].
        int quadrant = (int)(q & 3);
        bool useSine = cos ? (quadrant & 1) == 1 : (quadrant & 1) == 0;
        bool negative = cos
            ? quadrant == 2 || (quadrant == 1 && !thetaNegative) || (quadrant == 3 && thetaNegative)
            : quadrant == 3 || (quadrant == 0 && thetaNegative) || (quadrant == 2 && !thetaNegative);

        // First at 64 bits (see the remarks).
        ulong t64 = (ulong)(t >> 64);
        ulong z64 = MulHi(t64, t64);
        ulong bs64 = InverseFactorial64[7];
        bs64 = InverseFactorial64[5] - MulHi(bs64, z64);
        bs64 = InverseFactorial64[3] - MulHi(bs64, z64);
        ulong sinT64 = t64 - MulHi(MulHi(bs64, z64), t64); // Q0.64
        ulong bc64 = InverseFactorial64[6];
        bc64 = InverseFactorial64[4] - MulHi(bc64, z64);
        bc64 = InverseFactorial64[2] - MulHi(bc64, z64);
        ulong cosT64 = (1UL << 63) - (MulHi(bc64, z64) >> 1); // Q1.63
        ulong value64 = useSine
            ? MulHi(SinOfJHigh[j], cosT64) + (MulHi(CosOfJHigh[j], sinT64) >> 1)
            : MulHi(CosOfJHigh[j], cosT64) - (MulHi(SinOfJHigh[j], sinT64) >> 1); // Q2.62
        if (value64 > 8 && TryRound(value64 - 8, value64 + 8, -62, negative, out result))
        {
            return true;
        }

        UInt128 z = MulHi(t, t);

        UInt128 bs = InverseFactorial[11];
        bs = InverseFactorial[9] - MulHi(bs, z);
        bs = InverseFactorial[7] - MulHi(bs, z);
        bs = InverseFactorial[5] - MulHi(bs, z);
        bs = InverseFactorial[3] - MulHi(bs, z);
        UInt128 sinT = t - MulHi(MulHi(bs, z), t); // Q0.128

        UInt128 bc = InverseFactorial[12];
        bc = InverseFactorial[10] - MulHi(bc, z);
        bc = InverseFactorial[8] - MulHi(bc, z);
        bc = InverseFactorial[6] - MulHi(bc, z);
        bc = InverseFactorial[4] - MulHi(bc, z);
        bc = InverseFactorial[2] - MulHi(bc, z);
        UInt128 cosT = One127 - (MulHi(bc, z) >> 1); // Q1.127

        UInt128 value = useSine
            ? MulHi(SinOfJ[j], cosT) + (MulHi(CosOfJ[j], sinT) >> 1)
            : MulHi(CosOfJ[j], cosT) - (MulHi(SinOfJ[j], sinT) >> 1); // Q2.126
        UInt128 error = (UInt128)(ulong)(q >> 1) + 8;
        if (value <= error)
        {
            result = 0.0;
            return false;
        }

        return TryRound(value - error, value + error, -126, negative, out result);
    }
}

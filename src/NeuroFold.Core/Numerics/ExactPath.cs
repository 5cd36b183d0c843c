using System.Numerics;
using static NeuroFold.Core.Numerics.FixedPoint;

namespace NeuroFold.Core.Numerics;

/// <summary>The exact path of <see cref="CorrectlyRounded"/>: the value enclosed at 192, 384, 768, … bits with BigInteger until it rounds to one double.</summary>
/// <remarks>
/// <para>
/// Correct by construction, not fast (tens of microseconds): used when the fast path cannot decide (about one argument
/// in 2^50 or fewer) and outside the fast paths' domains (exp(x) for x ≤ −726, sin and cos for |x| ≥ 2^30). At
/// precision P every quantity is an integer standing for itself times 2^−P; each step below states the error it adds
/// in units of 2^−P, and the enclosure handed to <see cref="FixedPoint.TryRound{T}"/> is the computed value ± the
/// sum of those bounds ± 1. The exact value is never a midpoint (see <see cref="CorrectlyRounded"/>), so some
/// precision decides; the known worst cases of binary64 need fewer than 160 bits, so 192 decides in practice.
/// </para>
/// <para>
/// ln 2 and π come from series with rigorous error bounds (π by Machin's formula 16·atan(1/5) − 4·atan(1/239),
/// ln 2 = 2·atanh(1/3)), computed once to 4096 bits the first time they are needed (a type initializer: thread-safe
/// and the same value in every process), and afresh beyond that. With 4096 bits of π the reduction of the largest
/// double modulo π/2 keeps more than 3000 correct bits: this is Payne–Hanek's reduction done with plain big integers.
/// </para>
/// </remarks>
internal static class ExactPath
{
    const int FirstPrecision = 192;
    const int LastPrecision = 12288;
    const int CachedBits = 4096;

    /// <summary>e^x for −746 &lt; x &lt; 710, |x| ≥ 2^−54.</summary>
    internal static double Exp(double x)
    {
        for (int p = FirstPrecision; p <= LastPrecision; p *= 2)
        {
            if (TryExp(x, p, out double result))
            {
                return result;
            }
        }

        throw Undecided(nameof(Exp), x);
    }

    /// <summary>ln x for positive finite x ≠ 1.</summary>
    internal static double Log(double x)
    {
        for (int p = FirstPrecision; p <= LastPrecision; p *= 2)
        {
            if (TryLog(x, p, out double result))
            {
                return result;
            }
        }

        throw Undecided(nameof(Log), x);
    }

    /// <summary>sin a or cos a for finite a ≥ 2^−27.</summary>
    internal static double SinCos(double a, bool cos)
    {
        for (int p = FirstPrecision; p <= LastPrecision; p *= 2)
        {
            if (TrySinCos(a, cos, p, out double result))
            {
                return result;
            }
        }

        throw Undecided(cos ? "Cos" : "Sin", a);
    }

    /// <summary>ln 2·2^w, within 2 units.</summary>
    internal static BigInteger Ln2(int w) => w <= CachedBits ? Cached.Ln2 >> (CachedBits - w) : ComputeLn2(w);

    /// <summary>π·2^w, within 2 units.</summary>
    internal static BigInteger Pi(int w) => w <= CachedBits ? Cached.Pi >> (CachedBits - w) : ComputePi(w);

    /// <summary>e^x at precision p.</summary>
    /// <remarks>
    /// X = x·2^p is exact (x's last bit weighs at least 2^−106). k = round(x/ln 2) from L = ln 2·2^(p+12) (within 2);
    /// R = (X·2^12 − k·L)/2^12 truncated is r = x − k·ln 2 within 2|k|/2^12 + 1 ≤ 1.6 units (|k| ≤ 1077), |r| ≤ 0.35.
    /// Taylor: t₀ = 2^p, tₙ = trunc(trunc(tₙ₋₁·R/2^p)/n); the error of tₙ obeys eₙ ≤ (0.35·eₙ₋₁ + 1.6·|tₙ₋₁| + 1)/n + 1,
    /// which stays below 2.8 units; the loop stops at the first tₙ = 0, whose true value is then below 2.8 units and the
    /// rest of the series below 1.6 more. N terms: error ≤ 2.8·N + 4.4; bound used 3·N + 5.
    /// </remarks>
    static bool TryExp(double x, int p, out double result)
    {
        var (m, e) = Decompose(Math.Abs(x));
        BigInteger xFixed = m << (e + p);
        if (x < 0)
        {
            xFixed = -xFixed;
        }

        BigInteger ln2 = Ln2(p + 12);
        BigInteger shifted = xFixed << 12;
        BigInteger k = FloorDivide((2 * shifted) + ln2, 2 * ln2);
        BigInteger r = Truncate(shifted - (k * ln2), 12);

        BigInteger one = BigInteger.One << p;
        BigInteger sum = one;
        BigInteger term = one;
        int n = 0;
        while (!term.IsZero)
        {
            n++;
            term = BigInteger.Divide(Truncate(term * r, p), n);
            sum += term;
        }

        BigInteger error = (3 * n) + 6;
        return TryRound(sum - error, sum + error, (int)k - p, negative: false, out result);
    }

    /// <summary>ln x at precision p.</summary>
    /// <remarks>
    /// x = f·2^E with f = m/D in [0.75, 1.5) (D = 2^52 or 2^53). ln f = 2·atanh(s), s = (m − D)/(m + D) in [−1/7, 1/5]:
    /// S = trunc(2^p·(m − D)/(m + D)) within 1 unit, S² within 1.5; tₖ = trunc(tₖ₋₁·S²/2^p) within 1.36 and each term
    /// tₖ/(2k + 1) within 1.46; the first tₖ = 0 leaves a remainder below 1. So ln f is within 2·(1.46·N + 2) units, and
    /// E·(ln 2 within 2) adds 2|E|. Bound used: 3·N + 2|E| + 5.
    /// </remarks>
    static bool TryLog(double x, int p, out double result)
    {
        var (m, e) = Decompose(x);
        int shift = 52 - (int)m.GetBitLength() + 1;
        m <<= shift; // m in [2^52, 2^53)
        e -= shift;
        BigInteger d = BigInteger.One << 52;
        int exponent = e + 52;
        if (m >= 3 * (BigInteger.One << 51))
        {
            d <<= 1;
            exponent++;
        }

        BigInteger s = BigInteger.Divide((m - d) << p, m + d);
        BigInteger s2 = Truncate(s * s, p);
        BigInteger sum = s;
        BigInteger power = s;
        int n = 0;
        while (true)
        {
            power = Truncate(power * s2, p);
            if (power.IsZero)
            {
                break;
            }

            n++;
            sum += BigInteger.Divide(power, (2 * n) + 1);
        }

        BigInteger value = (exponent * Ln2(p)) + (2 * sum);
        BigInteger error = (3 * n) + (2 * Math.Abs(exponent)) + 6;
        BigInteger size = BigInteger.Abs(value);
        return TryRound(size - error, size + error, -p, value.Sign < 0, out result);
    }

    /// <summary>sin a or cos a at precision p, a ≥ 2^−27.</summary>
    /// <remarks>
    /// a = m·2^e; g = max(0, e + 53) + 8 guard bits cover the bits of q. With w = p + g, H = π·2^(w−1) (that is
    /// (π/2)·2^w, within 2 units), A = a·2^w exact, q = round(A/H) and Θ = A − q·H, which is θ = a − q·π/2 within
    /// 2q units of 2^−w, below 1/50 unit of 2^−p; Θ truncated to precision p is θ within 1.02 units, |θ| ≤ π/4 + 2^−p.
    /// θ² within 2.7 units. sin θ = Σ (−1)^k θ^(2k+1)/(2k+1)! and cos θ = Σ (−1)^k θ^(2k)/(2k)! by the recurrence
    /// tₖ = trunc(trunc(tₖ₋₁·θ²/2^p)/((2k)(2k+1))) (resp. (2k − 1)(2k)): errors below 1.7 (sine) and 2.9 (cosine) units
    /// per term, plus 1 for the remainder after the first zero term. Bound used: 4·N + 8.
    /// </remarks>
    static bool TrySinCos(double a, bool cos, int p, out double result)
    {
        var (m, e) = Decompose(a);
        int guard = Math.Max(0, e + 53) + 8;
        int w = p + guard;
        BigInteger halfPi = Pi(w - 1);
        BigInteger aFixed = m << (e + w);
        BigInteger q = FloorDivide((2 * aFixed) + halfPi, 2 * halfPi);
        BigInteger theta = Truncate(aFixed - (q * halfPi), guard);
        BigInteger theta2 = Truncate(theta * theta, p);

        int quadrant = (int)(q & 3);
        bool useSine = cos ? (quadrant & 1) == 1 : (quadrant & 1) == 0;
        BigInteger sum = useSine ? theta : BigInteger.One << p;
        BigInteger term = sum;
        int n = 0;
        while (!term.IsZero)
        {
            n++;
            long divisor = useSine ? (2L * n) * ((2L * n) + 1) : ((2L * n) - 1) * (2L * n);
            term = BigInteger.Divide(Truncate(term * theta2, p), divisor);
            sum = (n & 1) == 1 ? sum - term : sum + term;
        }

        // sin a = (sin θ, cos θ, −sin θ, −cos θ)[q mod 4], cos a = (cos θ, −sin θ, −cos θ, sin θ)[q mod 4].
        bool flip = cos ? quadrant == 1 || quadrant == 2 : quadrant >= 2;
        BigInteger value = flip ? -sum : sum;
        BigInteger error = (4 * n) + 9;
        BigInteger size = BigInteger.Abs(value);
        return TryRound(size - error, size + error, -p, value.Sign < 0, out result);
    }

    /// <summary>A positive finite double as m·2^e with the integer m &lt; 2^53 (subnormals keep their short m).</summary>
    static (BigInteger Mantissa, int Exponent) Decompose(double a)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(a);
        int biased = (int)((bits >> 52) & 0x7FF);
        ulong m = bits & ((1UL << 52) - 1);
        return biased == 0 ? (new BigInteger(m), -1074) : (new BigInteger(m | (1UL << 52)), biased - 1075);
    }

    /// <summary>⌊a/b⌋ for b &gt; 0.</summary>
    static BigInteger FloorDivide(BigInteger a, BigInteger b)
    {
        BigInteger quotient = BigInteger.DivRem(a, b, out BigInteger remainder);
        return remainder.Sign < 0 ? quotient - 1 : quotient;
    }

    /// <summary>v/2^bits rounded toward zero (error below one unit either way, and repeated products reach zero).</summary>
    static BigInteger Truncate(BigInteger v, int bits) => v.Sign >= 0 ? v >> bits : -((-v) >> bits);

    /// <summary>π·2^w within 2 units: 16·atan(1/5) − 4·atan(1/239) with 32 guard bits.</summary>
    /// <remarks>Each atan(1/n) term is within 1.35 units (the power within 1.05, its quotient one more), so with
    /// N ≤ w/4 terms the sum is within 16·(1.35·N + 2) + 4·(1.35·N + 2) &lt; 2^31 units of 2^−(w+32) for w ≤ 10^7; the
    /// final shift adds below one unit.</remarks>
    static BigInteger ComputePi(int w)
    {
        int wide = w + 32;
        return ((16 * AtanInverse(5, wide)) - (4 * AtanInverse(239, wide))) >> 32;
    }

    /// <summary>ln 2·2^w within 2 units: 2·atanh(1/3) with 32 guard bits (error bound as for <see cref="ComputePi"/>).</summary>
    static BigInteger ComputeLn2(int w)
    {
        int wide = w + 32;
        BigInteger power = (BigInteger.One << wide) / 3;
        BigInteger sum = power;
        for (int k = 1; !power.IsZero; k++)
        {
            power /= 9;
            sum += power / ((2 * k) + 1);
        }

        return (2 * sum) >> 32;
    }

    /// <summary>atan(1/n)·2^w by its alternating series, truncated term by term.</summary>
    static BigInteger AtanInverse(int n, int w)
    {
        BigInteger power = (BigInteger.One << w) / n;
        BigInteger sum = power;
        int square = n * n;
        for (int k = 1; !power.IsZero; k++)
        {
            power /= square;
            BigInteger term = power / ((2 * k) + 1);
            sum = (k & 1) == 1 ? sum - term : sum + term;
        }

        return sum;
    }

    static InvalidOperationException Undecided(string function, double x) =>
        new($"{function}({x:R}) did not round at {LastPrecision} bits; no double argument needs more than 160 bits, so this is a bug");

    /// <summary>ln 2 and π to <see cref="CachedBits"/> bits, computed once, on first use, by the type initializer.</summary>
    static class Cached
    {
        internal static readonly BigInteger Ln2 = ComputeLn2(CachedBits);
        internal static readonly BigInteger Pi = ComputePi(CachedBits);
    }
}

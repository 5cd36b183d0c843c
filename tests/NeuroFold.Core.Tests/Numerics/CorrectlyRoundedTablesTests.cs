using System.Numerics;
using NeuroFold.Core.Numerics;
using Xunit;
using static NeuroFold.Core.Numerics.CorrectlyRoundedTables;

namespace NeuroFold.Core.Tests.Numerics;

/// <summary>
/// Every entry of the fast paths' tables is its exact value rounded to the nearest integer at its scale: recomputed
/// here at 100 bits more than the entry keeps, by series of their own (π by Euler's atan(1/2) + atan(1/3), ln 2 by
/// Σ 1/(k·2^k)), not the generator's mpmath nor the core's exact path.
/// </summary>
public sealed class CorrectlyRoundedTablesTests
{
    const int Guard = 100;

    [Fact]
    public void Exp2_entries_are_2_to_the_j_over_256_rounded()
    {
        for (int j = 0; j < 256; j++)
        {
            // 2^(j/256) = e^(j·ln 2/256)
            int w = 127 + Guard + 16;
            BigInteger x = (Ln2Fixed(w) * j) >> 8;
            Assert.Equal(Nearest(ExpFixed(x, w), w - 127), ToBig(Exp2[j]));
        }
    }

    [Fact]
    public void Log_entries_are_minus_ln_c_rounded()
    {
        Assert.Equal(362, LogC.Length);
        for (int i = 362; i < 724; i++)
        {
            int c = LogC[i - 362];
            Assert.Equal((int)((((long)1 << 29) + i - 1) / i), c); // ⌈2^29/i⌉
            int w = 128 + Guard + 16;
            BigInteger lnC = LnFixed(c, w) - (20 * Ln2Fixed(w)); // ln(c·2^-20)
            Assert.Equal(Nearest(-lnC, w - 128), ToSigned(LogMinusLnC[i - 362]));
        }
    }

    [Fact]
    public void Sine_and_cosine_entries_are_those_of_j_over_128_rounded()
    {
        for (int j = 0; j < SinOfJ.Length; j++)
        {
            int w = 127 + Guard;
            BigInteger x = (BigInteger.One << w) * j / 128;
            var (sin, cos) = SinCosFixed(x, w);
            Assert.Equal(Nearest(sin, w - 127), ToBig(SinOfJ[j]));
            Assert.Equal(Nearest(cos, w - 127), ToBig(CosOfJ[j]));
        }

        Assert.Equal(SinOfJ.Length, CosOfJ.Length);
    }

    [Fact]
    public void Constants_are_rounded()
    {
        int w = 128 + Guard;
        for (int n = 2; n < InverseFactorial.Length; n++)
        {
            BigInteger factorial = Enumerable.Range(1, n).Aggregate(BigInteger.One, (p, k) => p * k);
            Assert.Equal(Nearest((BigInteger.One << w) / factorial, Guard), ToBig(InverseFactorial[n]));
        }

        for (int n = 2; n < Inverse.Length; n++)
        {
            Assert.Equal(Nearest((BigInteger.One << w) / n, Guard), ToBig(Inverse[n]));
        }

        Assert.Equal(Nearest(Ln2Fixed(126 + Guard), Guard), ToBig(Ln2Over256));
        Assert.Equal(Nearest(Ln2Fixed(117 + Guard), Guard), ToBig(CorrectlyRoundedTables.Ln2));
        Assert.Equal(Nearest(PiFixed(125 + Guard), Guard), ToBig(HalfPi));
    }

    /// <summary>The exact path's π and ln 2 (Machin, atanh) agree with these series.</summary>
    [Fact]
    public void The_exact_paths_constants_agree()
    {
        foreach (int w in new[] { 200, 1000, 4096, 5000 })
        {
            Assert.True(BigInteger.Abs(ExactPath.Pi(w) - PiFixed(w)) <= 4, $"π at {w} bits");
            Assert.True(BigInteger.Abs(ExactPath.Ln2(w) - Ln2Fixed(w)) <= 4, $"ln 2 at {w} bits");
        }
    }

    static BigInteger ToBig(UInt128 v) => BigInteger.Parse(v.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    static BigInteger ToSigned(UInt128 v) => BigInteger.Parse(((Int128)v).ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>v/2^bits rounded to the nearest integer (v carries <paramref name="bits"/> guard bits, so a tie is out of reach).</summary>
    static BigInteger Nearest(BigInteger v, int bits) => (v + (BigInteger.One << (bits - 1))) >> bits;

    /// <summary>ln 2·2^w (within a few units): Σ_{k≥1} 1/(k·2^k).</summary>
    static BigInteger Ln2Fixed(int w)
    {
        BigInteger one = BigInteger.One << (w + 16);
        BigInteger sum = BigInteger.Zero;
        for (int k = 1; ; k++)
        {
            BigInteger term = (one >> k) / k;
            if (term.IsZero)
            {
                break;
            }

            sum += term;
        }

        return sum >> 16;
    }

    /// <summary>π·2^w (within a few units): 4·(atan(1/2) + atan(1/3)).</summary>
    static BigInteger PiFixed(int w) => (4 * (AtanInverse(2, w + 16) + AtanInverse(3, w + 16))) >> 16;

    static BigInteger AtanInverse(int n, int w)
    {
        BigInteger power = (BigInteger.One << w) / n;
        BigInteger sum = BigInteger.Zero;
        for (int k = 0; !power.IsZero; k++)
        {
            BigInteger term = power / ((2 * k) + 1);
            sum += (k & 1) == 0 ? term : -term;
            power /= n * n;
        }

        return sum;
    }

    /// <summary>e^(x·2^−w)·2^w for 0 ≤ x·2^−w &lt; 1, by Taylor's series.</summary>
    static BigInteger ExpFixed(BigInteger x, int w)
    {
        BigInteger one = BigInteger.One << w;
        BigInteger sum = one;
        BigInteger term = one;
        for (int n = 1; !term.IsZero; n++)
        {
            term = (term * x >> w) / n;
            sum += term;
        }

        return sum;
    }

    /// <summary>ln(c)·2^w for an integer c ≥ 1: c = 2^e·f with f in [1, 2), ln f = 2·atanh((f − 1)/(f + 1)).</summary>
    static BigInteger LnFixed(long c, int w)
    {
        int e = (int)BigInteger.Log(c, 2);
        while ((1L << e) > c)
        {
            e--;
        }

        while ((1L << (e + 1)) <= c)
        {
            e++;
        }

        // s = (c − 2^e)/(c + 2^e)
        BigInteger s = ((BigInteger)(c - (1L << e)) << w) / (c + (1L << e));
        BigInteger s2 = s * s >> w;
        BigInteger sum = BigInteger.Zero;
        BigInteger power = s;
        for (int k = 0; !power.IsZero; k++)
        {
            sum += power / ((2 * k) + 1);
            power = power * s2 >> w;
        }

        return (e * Ln2Fixed(w)) + (2 * sum);
    }

    /// <summary>(sin, cos) of x·2^−w for 0 ≤ x·2^−w &lt; 1, by Taylor's series.</summary>
    static (BigInteger Sin, BigInteger Cos) SinCosFixed(BigInteger x, int w)
    {
        BigInteger one = BigInteger.One << w;
        BigInteger sin = BigInteger.Zero;
        BigInteger cos = BigInteger.Zero;
        BigInteger term = one; // x^n/n!
        for (int n = 0; !term.IsZero; n++)
        {
            switch (n & 3)
            {
                case 0: cos += term; break;
                case 1: sin += term; break;
                case 2: cos -= term; break;
                default: sin -= term; break;
            }

            term = (term * x >> w) / (n + 1);
        }

        return (sin, cos);
    }
}

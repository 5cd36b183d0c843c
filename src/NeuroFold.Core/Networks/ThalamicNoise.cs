using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NeuroFold.Core.Numerics;
using NeuroFold.Core.Random;

namespace NeuroFold.Core.Networks;

/// <summary>The Gaussian thalamic input of <see cref="NetworkInput.Thalamic"/>: a counter-based ziggurat, one draw per neuron and step.</summary>
/// <remarks>
/// <para>
/// Draw number <c>m = (t − 1)·N + i</c> (step t, neuron i) is a standard normal computed by the ziggurat method of
/// Marsaglia &amp; Tsang (2000) in Doornik's ZIGNOR form (128 layers, <c>R = 3.442619855899</c>,
/// <c>V = 9.91256303526217·10⁻³</c>; Doornik 2005, "An improved ziggurat method to generate normal random samples")
/// from the 64-bit words <c>w_k = CounterRandom.Bits(seed, 3, 64·m + k)</c>, k = 0, 1, 2, …: an attempt takes
/// <c>u = 2·(w ≫ 11)·2⁻⁵³ − 1</c> and layer <c>w &amp; 127</c> from one word; the wedge test and the tail take further
/// uniforms <c>(w ≫ 11)·2⁻⁵³</c> from the next words. About 98.8 % of draws use one word. After 64 words (probability
/// far below 10⁻⁵⁰) the last attempt's <c>u·x_layer</c> is returned, so every draw is a pure function of (seed, m).
/// </para>
/// <para>
/// A draw never depends on which thread computes it or how neurons are split. The ziggurat tables are computed once
/// with the correctly rounded exp and ln of <see cref="CorrectlyRounded"/> and the IEEE-exact <see cref="Math.Sqrt"/>, so
/// they are the same bits on every platform.
/// </para>
/// </remarks>
internal static class ThalamicNoise
{
    const int Layers = 128;
    const double R = 3.442619855899;
    const double V = 9.91256303526217e-3;
    const int WordsPerDraw = 64;

    internal static readonly double[] X = BuildX();
    internal static readonly double[] Ratio = BuildRatio(X);

    /// <summary>Standard normal draw number <paramref name="m"/> of the stream with key <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Normal(ulong key, ulong m)
    {
        ulong first = m * WordsPerDraw;
        ulong w = CounterRandom.BitsAt(key, first);
        double u = (2.0 * ((long)(w >> 11) * (1.0 / (1UL << 53)))) - 1.0;
        int layer = (int)(w & (Layers - 1));
        return Math.Abs(u) < Ratio[layer] ? u * X[layer] : Slow(key, first, u, layer);
    }

    /// <summary>Writes <c>e[i − from] = σᵢ·Normal(key, offset + i)</c> for neurons <paramref name="from"/> … <paramref name="to"/> − 1; <paramref name="offset"/> = (t − 1)·N.</summary>
    /// <remarks>
    /// With AVX-512 the one-word fast path runs eight draws at a time (<see cref="FillVector512"/>); the draws it
    /// rejects, and the neurons left over, go through the scalar code, so every element is the scalar one to the bit.
    /// </remarks>
    public static void Fill(double[] e, double[] sigma, ulong key, ulong offset, int from, int to)
    {
        int i = from;
        if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
        {
            i = FillVector512(e, sigma, key, offset, from, to);
        }

        FillScalar(e, sigma, key, offset, from, i, to);
    }

    /// <summary>The scalar form of <see cref="Fill"/> for neurons <paramref name="start"/> … <paramref name="to"/> − 1 (writing <c>e[i − from]</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void FillScalar(double[] e, double[] sigma, ulong key, ulong offset, int from, int start, int to)
    {
        var xs = X;
        var ratio = Ratio;
        for (int i = start; i < to; i++)
        {
            // Normal(key, m), inlined by hand with the tables in locals.
            ulong first = (offset + (ulong)i) * WordsPerDraw;
            ulong w = CounterRandom.BitsAt(key, first);
            double u = (2.0 * ((long)(w >> 11) * (1.0 / (1UL << 53)))) - 1.0;
            int layer = (int)(w & (Layers - 1));
            double z = Math.Abs(u) < ratio[layer] ? u * xs[layer] : Slow(key, first, u, layer);
            e[i - from] = sigma[i] * z;
        }
    }

    /// <summary>
    /// <see cref="Fill"/> eight neurons at a time from <paramref name="from"/> while eight remain; returns the first
    /// neuron not written. Needs AVX-512 F (the caller checks).
    /// </summary>
    /// <remarks>
    /// Lane l of a vector step computes neuron i + l's first word <c>Mix(key + 64·(offset + i + l))</c> with the same
    /// 64-bit operations as <see cref="CounterRandom.BitsAt"/>, the same u (exact operations either way), and looks up
    /// the layer's <c>Ratio</c> and <c>X</c> in registers (<c>vpermt2pd</c> on 16-entry quarters, then blends by the
    /// layer's bits 4–6). Accepted lanes store <c>σ·(u·X)</c>, the scalar's two roundings; a rejected lane (about
    /// 1.2 %) is overwritten by the scalar <see cref="Normal"/> of the same draw number.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int FillVector512(double[] e, double[] sigma, ulong key, ulong offset, int from, int to)
    {
        // Rejected lanes are marked per vector and redone after the batch, so the vector loop makes no calls.
        Span<byte> rejected = stackalloc byte[Batch / Vector512<double>.Count];
        int i = from;
        while (to - i >= Vector512<double>.Count)
        {
            int vectors = Math.Min(Batch, to - i) / Vector512<double>.Count;
            bool any = FillBatch512(e.AsSpan(i - from, vectors * Vector512<double>.Count), sigma.AsSpan(i, vectors * Vector512<double>.Count), key, offset + (ulong)i, rejected[..vectors]);
            if (any)
            {
                for (int k = 0; k < vectors; k++)
                {
                    for (uint bits = rejected[k]; bits != 0; bits &= bits - 1)
                    {
                        int at = i + (k * Vector512<double>.Count) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                        e[at - from] = sigma[at] * Normal(key, offset + (ulong)at);
                    }
                }
            }

            i += vectors * Vector512<double>.Count;
        }

        return i;
    }

    const int Batch = 1024;

    /// <summary>One batch of <see cref="FillVector512"/>: draws <paramref name="m0"/> + 0 … of whole vectors into <paramref name="e"/>; marks rejected lanes in <paramref name="rejected"/>; true if any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool FillBatch512(Span<double> e, ReadOnlySpan<double> sigma, ulong key, ulong m0, Span<byte> rejected)
    {
        ReadOnlySpan<double> xs = X;
        ReadOnlySpan<double> ratio = Ratio;
        var step = Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7) * WordsPerDraw;
        var bit4 = Vector512.Create(16L);
        var bit5 = Vector512.Create(32L);
        var bit6 = Vector512.Create(64L);
        var next = Vector512.Create(unchecked(key + (m0 * WordsPerDraw))) + step;
        var stride = Vector512.Create((ulong)Vector512<double>.Count * WordsPerDraw);
        uint any = 0;
        for (int k = 0; k < rejected.Length; k++)
        {
            var z = next;
            next += stride;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            var u = (2.0 * (Vector512.ConvertToDouble((z >> 11).AsInt64()) * (1.0 / (1UL << 53)))) - Vector512<double>.One;
            var layer = z.AsInt64();
            var m4 = Vector512.Equals(layer & bit4, bit4).AsDouble();
            var m5 = Vector512.Equals(layer & bit5, bit5).AsDouble();
            var m6 = Vector512.Equals(layer & bit6, bit6).AsDouble();
            var r = Lookup(ratio, layer, m4, m5, m6);
            var x = Lookup(xs, layer, m4, m5, m6);
            int at = k * Vector512<double>.Count;
            var result = Vector512.Create(sigma.Slice(at, Vector512<double>.Count)) * (u * x);
            result.CopyTo(e.Slice(at, Vector512<double>.Count));
            uint bits = (uint)Vector512.GreaterThanOrEqual(Vector512.Abs(u), r).ExtractMostSignificantBits();
            rejected[k] = (byte)bits;
            any |= bits;
        }

        return any != 0;
    }

    /// <summary><c>table[index &amp; 127]</c> lane by lane; <paramref name="m4"/> … <paramref name="m6"/> are the lanes whose index has bit 4, 5, 6 set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<double> Lookup(ReadOnlySpan<double> table, Vector512<long> index, Vector512<double> m4, Vector512<double> m5, Vector512<double> m6)
    {
        var q0 = Avx512F.PermuteVar8x64x2(Vector512.Create(table[..8]), index, Vector512.Create(table.Slice(8, 8)));
        var q1 = Avx512F.PermuteVar8x64x2(Vector512.Create(table.Slice(16, 8)), index, Vector512.Create(table.Slice(24, 8)));
        var q2 = Avx512F.PermuteVar8x64x2(Vector512.Create(table.Slice(32, 8)), index, Vector512.Create(table.Slice(40, 8)));
        var q3 = Avx512F.PermuteVar8x64x2(Vector512.Create(table.Slice(48, 8)), index, Vector512.Create(table.Slice(56, 8)));
        var q4 = Avx512F.PermuteVar8x64x2(Vector512.Create(table.Slice(64, 8)), index, Vector512.Create(table.Slice(72, 8)));
        var q5 = Avx512F.PermuteVar8x64x2(Vector512.Create(table.Slice(80, 8)), index, Vector512.Create(table.Slice(88, 8)));
        var q6 = Avx512F.PermuteVar8x64x2(Vector512.Create(table.Slice(96, 8)), index, Vector512.Create(table.Slice(104, 8)));
        var q7 = Avx512F.PermuteVar8x64x2(Vector512.Create(table.Slice(112, 8)), index, Vector512.Create(table.Slice(120, 8)));
        var h0 = Vector512.ConditionalSelect(m4, q1, q0);
        var h1 = Vector512.ConditionalSelect(m4, q3, q2);
        var h2 = Vector512.ConditionalSelect(m4, q5, q4);
        var h3 = Vector512.ConditionalSelect(m4, q7, q6);
        var g0 = Vector512.ConditionalSelect(m5, h1, h0);
        var g1 = Vector512.ConditionalSelect(m5, h3, h2);
        return Vector512.ConditionalSelect(m6, g1, g0);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static double Slow(ulong key, ulong first, double u, int layer)
    {
        int k = 1;
        while (true)
        {
            if (layer == 0)
            {
                // Tail beyond R (Marsaglia 1964).
                bool negative = u < 0;
                while (k + 1 < WordsPerDraw)
                {
                    double x = CorrectlyRounded.Log(1.0 - CounterRandom.UniformAt(key, first + (ulong)k)) / R;
                    double y = CorrectlyRounded.Log(1.0 - CounterRandom.UniformAt(key, first + (ulong)k + 1));
                    k += 2;
                    if (-2.0 * y >= x * x)
                    {
                        return negative ? x - R : R - x;
                    }
                }

                return u * X[layer];
            }

            double xu = u * X[layer];
            if (k >= WordsPerDraw)
            {
                return xu;
            }

            if (WedgeAccepts(-0.5 * ((X[layer] * X[layer]) - (xu * xu)), -0.5 * ((X[layer + 1] * X[layer + 1]) - (xu * xu)), CounterRandom.UniformAt(key, first + (ulong)k)))
            {
                return xu;
            }

            k++;
            if (k >= WordsPerDraw)
            {
                return xu;
            }

            ulong w = CounterRandom.BitsAt(key, first + (ulong)k);
            k++;
            u = (2.0 * ((long)(w >> 11) * (1.0 / (1UL << 53)))) - 1.0;
            layer = (int)(w & (Layers - 1));
            if (Math.Abs(u) < Ratio[layer])
            {
                return u * X[layer];
            }
        }
    }

    /// <summary>The wedge test <c>f₁ + U·(f₀ − f₁) &lt; 1</c> with <c>fᵢ = exp(aᵢ)</c> correctly rounded, decided cheaply where that is safe.</summary>
    /// <remarks>
    /// The test is first evaluated with <see cref="ApproxExp"/> (relative error below 2⁻⁴⁰ on |x| ≤ 8, against
    /// <see cref="CorrectlyRounded.Exp"/>'s 2⁻⁵³). Here a₀ ≤ 0 ≤ a₁ ≤ 0.74, so both values are below 2.1 and the
    /// approximate sum differs from the one computed with the correctly rounded values by less than 10⁻¹¹ (the
    /// exponentials' errors, 4.2·10⁻¹² at most between them, plus a few ulps of the three roundings). Where the
    /// approximate sum lies more than <see cref="WedgeMargin"/> = 2⁻³⁰ from 1, the correctly rounded sum lies on the
    /// same side of 1, so the answer is the same; otherwise (about one wedge test in 10⁹, and for any argument outside
    /// the approximation's range, which makes it NaN) both exponentials are computed correctly rounded as before. Only
    /// this boolean uses the approximation, never a returned value, so every draw keeps its bits.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool WedgeAccepts(double a0, double a1, double uniform)
    {
        double e1 = ApproxExp(a1);
        double s = e1 + (uniform * (ApproxExp(a0) - e1));
        if (s < 1.0 - WedgeMargin)
        {
            return true;
        }

        if (s > 1.0 + WedgeMargin)
        {
            return false;
        }

        return WedgeAcceptsExact(a0, a1, uniform);
    }

    /// <summary>The wedge test with correctly rounded exponentials, as the ziggurat defines it.</summary>
    internal static bool WedgeAcceptsExact(double a0, double a1, double uniform)
    {
        double f0 = CorrectlyRounded.Exp(a0);
        double f1 = CorrectlyRounded.Exp(a1);
        return f1 + (uniform * (f0 - f1)) < 1.0;
    }

    internal const double WedgeMargin = 1.0 / (1L << 30);

    /// <summary>e^x to a relative error below 2⁻⁴⁰ for |x| ≤ 8, NaN outside; plain IEEE operations only (the same on every platform).</summary>
    /// <remarks>
    /// x = k·ln 2 + r with k = round(x/ln 2) and Cody–Waite's two-part ln 2 (k·ln2Hi exact), |r| ≤ 0.347; e^r by its
    /// Taylor polynomial of degree 13 (truncation below 10⁻¹⁷ relative) by Estrin's scheme (rounding below
    /// 2·10⁻¹⁵ relative); the product with 2^k (built from its exponent bits) is exact.
    /// </remarks>
    internal static double ApproxExp(double x)
    {
        if (!(Math.Abs(x) <= 8.0))
        {
            return double.NaN;
        }

        double k = Math.Round(x * 1.4426950408889634);
        double r = (x - (k * 6.93147180369123816490e-01)) - (k * 1.90821492927058770002e-10);
        // Estrin's scheme (a short dependency chain): c₀ … c₁₃ = 1/i!.
        double r2 = r * r;
        double r4 = r2 * r2;
        double q0 = 1.0 + r;
        double q1 = 0.5 + (r * (1.0 / 6.0));
        double q2 = (1.0 / 24.0) + (r * (1.0 / 120.0));
        double q3 = (1.0 / 720.0) + (r * (1.0 / 5040.0));
        double q4 = (1.0 / 40320.0) + (r * (1.0 / 362880.0));
        double q5 = (1.0 / 3628800.0) + (r * (1.0 / 39916800.0));
        double q6 = (1.0 / 479001600.0) + (r * (1.0 / 6227020800.0));
        double s0 = q0 + (q1 * r2);
        double s1 = q2 + (q3 * r2);
        double s2 = q4 + (q5 * r2);
        double t0 = s0 + (s1 * r4);
        double t1 = s2 + (q6 * r4);
        double p = t0 + (t1 * (r4 * r4));
        return p * BitConverter.Int64BitsToDouble((long)(k + 1023.0) << 52);
    }

    static double[] BuildX()
    {
        var x = new double[Layers + 1];
        double f = CorrectlyRounded.Exp(-0.5 * R * R);
        x[0] = V / f;
        x[1] = R;
        x[Layers] = 0.0;
        for (int i = 2; i < Layers; i++)
        {
            x[i] = Math.Sqrt(-2.0 * CorrectlyRounded.Log((V / x[i - 1]) + f));
            f = CorrectlyRounded.Exp(-0.5 * x[i] * x[i]);
        }

        return x;
    }

    static double[] BuildRatio(double[] x)
    {
        var ratio = new double[Layers];
        for (int i = 0; i < Layers; i++)
        {
            ratio[i] = x[i + 1] / x[i];
        }

        return ratio;
    }
}

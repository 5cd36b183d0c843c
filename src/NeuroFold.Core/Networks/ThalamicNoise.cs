using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NeuroFold.Core.Arithmetic;
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
/// uniforms <c>(w ≫ 11)·2⁻⁵³</c> from the next words. About 97.3 % of draws use one word. After 64 words (probability
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
    /// With AVX-512 the draws run eight at a time (<see cref="FillVector512"/>): the one-word path, then the draws it
    /// rejects eight at a time through their wedge test and second attempt; whatever those leave, and the neurons left
    /// over, go through the scalar code, so every element is the scalar one to the bit.
    /// </remarks>
    public static void Fill(double[] e, double[] sigma, ulong key, ulong offset, int from, int to)
    {
        int i = from;
        if (Vector512.IsHardwareAccelerated && Avx512F.VL.IsSupported && Avx2.IsSupported)
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
    /// neuron not written. Needs AVX-512 F and VL and AVX2 (the caller checks).
    /// </summary>
    /// <remarks>
    /// Batches of up to <see cref="Batch"/> neurons. <see cref="FillBatch512"/> computes lane l's first word
    /// <c>Mix(key + 64·(offset + i + l))</c> with the same 64-bit operations as <see cref="CounterRandom.BitsAt"/>, the
    /// same u (exact operations either way), reads the layer's <c>Ratio</c> and <c>X</c> with gathers and stores
    /// <c>σ·(u·X)</c>, the scalar's two roundings, and lists the neurons whose one-word test fails (about 2.7 % of
    /// draws) with a compressing store; <see cref="Redo512"/> then overwrites those.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int FillVector512(double[] e, double[] sigma, ulong key, ulong offset, int from, int to)
    {
        // Rejected lanes are listed by the vector loop itself (a compressing store, no branch) and redone after the
        // batch, so the vector loop makes no calls.
        Span<int> redo = stackalloc int[Batch];
        int i = from;
        while (to - i >= Vector512<double>.Count)
        {
            int vectors = Math.Min(Batch, to - i) / Vector512<double>.Count;
            int count = FillBatch512(e.AsSpan(i - from, vectors * Vector512<double>.Count), sigma.AsSpan(i, vectors * Vector512<double>.Count), key, offset + (ulong)i, i, redo);
            if (count > 0)
            {
                Redo512(e, sigma, key, offset, from, redo[..count]);
            }

            i += vectors * Vector512<double>.Count;
        }

        return i;
    }

    const int Batch = 1024;

    /// <summary>
    /// The draws of neurons <paramref name="neurons"/> that left the one-word path, eight at a time: the wedge test of
    /// their first attempt and, where it rejects, their second attempt's one-word test, as <see cref="Slow"/> makes them;
    /// every lane this does not finish (the tail layer, an undecided wedge, a second rejection) goes through the scalar
    /// <see cref="Normal"/>.
    /// </summary>
    /// <remarks>
    /// The lanes run <see cref="Slow"/>'s operations on the same words (first + 1 for the wedge's uniform, first + 2
    /// for the second attempt) and decide the wedge as <see cref="WedgeAccepts"/> does, with the same approximate exp
    /// lane by lane, so a finished lane is the scalar draw to the bit (and the decision is the correctly rounded one
    /// wherever it is taken, whatever the approximation's last bits).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static unsafe void Redo512(double[] e, double[] sigma, ulong key, ulong offset, int from, ReadOnlySpan<int> neurons)
    {
        fixed (double* xs = X)
        fixed (double* ratio = Ratio)
        {
            var mask = Vector512.Create((ulong)(Layers - 1));
            Span<int> chunk = stackalloc int[Vector512<double>.Count];
            for (int c = 0; c < neurons.Length; c += Vector512<double>.Count)
            {
                int valid = Math.Min(Vector512<double>.Count, neurons.Length - c);
                chunk.Fill(neurons[c]);
                neurons.Slice(c, valid).CopyTo(chunk);
                var m = Vector512.Create(offset) + Vector512.WidenLower(Vector256.Create((ReadOnlySpan<int>)chunk).ToVector512()).AsUInt64();
                var first = (m * WordsPerDraw) + Vector512.Create(key);

                // the first attempt again: its u and layer
                var w = Mix512(first);
                var u = UnitSigned(w);
                var layer = (w & mask).AsInt64();
                var xl = Gather(xs, layer);
                var xl1 = Gather(xs, layer + Vector512<long>.One);
                var xu = u * xl;
                var a0 = -0.5 * ((xl * xl) - (xu * xu));
                var a1 = -0.5 * ((xl1 * xl1) - (xu * xu));
                var uniform = Vector512.ConvertToDouble((Mix512(first + Vector512<ulong>.One) >> 11).AsInt64()) * (1.0 / (1UL << 53));
                var (e0, ok0) = ApproxExp512(a0);
                var (e1, ok1) = ApproxExp512(a1);
                var sum = e1 + (uniform * (e0 - e1));
                var wedge = ~Vector512.Equals(layer, Vector512<long>.Zero).AsDouble() & ok0 & ok1;
                var accept = wedge & Vector512.LessThan(sum, Vector512.Create(1.0 - WedgeMargin));
                var reject = wedge & Vector512.GreaterThan(sum, Vector512.Create(1.0 + WedgeMargin));

                // where the wedge rejects: the second attempt's one-word test on word first + 2
                var w2 = Mix512(first + Vector512.Create(2UL));
                var u2 = UnitSigned(w2);
                var layer2 = (w2 & mask).AsInt64();
                var accept2 = reject & Vector512.LessThan(Vector512.Abs(u2), Gather(ratio, layer2));
                var z = Vector512.ConditionalSelect(accept, xu, u2 * Gather(xs, layer2));
                uint done = (uint)(accept | accept2).ExtractMostSignificantBits() & ((1u << valid) - 1);
                for (int l = 0; l < valid; l++)
                {
                    int at = chunk[l];
                    e[at - from] = sigma[at] * ((done >> l & 1) != 0 ? z.GetElement(l) : Normal(key, offset + (ulong)at));
                }
            }

        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<ulong> Mix512(Vector512<ulong> z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary><c>2·(w ≫ 11)·2⁻⁵³ − 1</c> lane by lane, the scalar's operations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<double> UnitSigned(Vector512<ulong> w) =>
        (2.0 * (Vector512.ConvertToDouble((w >> 11).AsInt64()) * (1.0 / (1UL << 53)))) - Vector512<double>.One;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static unsafe Vector512<double> Gather(double* table, Vector512<long> index) =>
        Vector512.Create(Avx2.GatherVector256(table, index.GetLower(), 8), Avx2.GatherVector256(table, index.GetUpper(), 8));

    /// <summary><see cref="ApproxExp"/> lane by lane (the same operations), and the lanes inside its range |x| ≤ 8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static (Vector512<double> Value, Vector512<double> InRange) ApproxExp512(Vector512<double> x)
    {
        var inRange = Vector512.LessThanOrEqual(Vector512.Abs(x), Vector512.Create(8.0));
        var xs = Vector512.ConditionalSelect(inRange, x, Vector512<double>.Zero);
        var k = Avx512F.RoundScale(xs * 1.4426950408889634, 0);
        var p = ExpOfReduced(new Lane512(xs), new Lane512(k)).Value;
        var scale = (Vector512.ConvertToInt64(k + Vector512.Create(1023.0)) << 52).AsDouble();
        return (p * scale, inRange);
    }

    /// <summary>One batch of <see cref="FillVector512"/>: draws <paramref name="m0"/> + 0 … of whole vectors into <paramref name="e"/>; lists the neurons (<paramref name="first"/> + lane) whose one-word test fails in <paramref name="redo"/>, ascending, and returns their count.</summary>
    /// <remarks>Needs AVX-512 VL (the compressing store of eight 32-bit indices); <paramref name="redo"/> holds at least e.Length entries.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe int FillBatch512(Span<double> e, ReadOnlySpan<double> sigma, ulong key, ulong m0, int first, Span<int> redo)
    {
        int vectors = e.Length / Vector512<double>.Count;
        if (redo.Length < e.Length || sigma.Length < e.Length)
        {
            throw new ArgumentException("the redo list and σ must hold the batch", nameof(redo));
        }

        var lanes = Vector256.Create(first) + Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
        var lanesStep = Vector256.Create(Vector512<double>.Count);
        int count = 0;
        var step = Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7) * WordsPerDraw;
        var next = Vector512.Create(unchecked(key + (m0 * WordsPerDraw))) + step;
        var stride = Vector512.Create((ulong)Vector512<double>.Count * WordsPerDraw);
        var mask = Vector512.Create((ulong)(Layers - 1));
        fixed (double* xs = X)
        fixed (double* ratio = Ratio)
        fixed (int* list = redo)
        {
            for (int k = 0; k < vectors; k++)
            {
                var z = next;
                next += stride;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                z ^= z >> 31;
                var u = (2.0 * (Vector512.ConvertToDouble((z >> 11).AsInt64()) * (1.0 / (1UL << 53)))) - Vector512<double>.One;
                var layer = (z & mask).AsInt64();
                var lo = layer.GetLower();
                var hi = layer.GetUpper();
                var r = Vector512.Create(Avx2.GatherVector256(ratio, lo, 8), Avx2.GatherVector256(ratio, hi, 8));
                var x = Vector512.Create(Avx2.GatherVector256(xs, lo, 8), Avx2.GatherVector256(xs, hi, 8));
                int at = k * Vector512<double>.Count;
                var result = Vector512.Create(sigma.Slice(at, Vector512<double>.Count)) * (u * x);
                result.CopyTo(e.Slice(at, Vector512<double>.Count));
                var rejected = Vector512.GreaterThanOrEqual(Vector512.Abs(u), r).AsInt64();
                Avx512F.VL.CompressStore(list + count, Avx512F.ConvertToVector256Int32(rejected), lanes);
                count += System.Numerics.BitOperations.PopCount(rejected.ExtractMostSignificantBits());
                lanes += lanesStep;
            }
        }

        return count;
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
        double p = ExpOfReduced(new ScalarLane(x), new ScalarLane(k)).Value;
        return p * BitConverter.Int64BitsToDouble((long)(k + 1023.0) << 52);
    }

    /// <summary><c>e^r</c> for <c>r = (x − k·ln2Hi) − k·ln2Lo</c>: the part of <see cref="ApproxExp"/> that is the same in every lane type.</summary>
    /// <remarks>Cody–Waite's two-part ln 2, then the Taylor polynomial of degree 13 (c_i = 1/i!) by Estrin's scheme (a short dependency chain).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static T ExpOfReduced<T>(T x, T k)
        where T : struct, IArithmetic<T>
    {
        var r = (x - (k * T.Constant(6.93147180369123816490e-01))) - (k * T.Constant(1.90821492927058770002e-10));
        var r2 = r * r;
        var r4 = r2 * r2;
        var q0 = T.Constant(1.0) + r;
        var q1 = T.Constant(0.5) + (r * T.Constant(1.0 / 6.0));
        var q2 = T.Constant(1.0 / 24.0) + (r * T.Constant(1.0 / 120.0));
        var q3 = T.Constant(1.0 / 720.0) + (r * T.Constant(1.0 / 5040.0));
        var q4 = T.Constant(1.0 / 40320.0) + (r * T.Constant(1.0 / 362880.0));
        var q5 = T.Constant(1.0 / 3628800.0) + (r * T.Constant(1.0 / 39916800.0));
        var q6 = T.Constant(1.0 / 479001600.0) + (r * T.Constant(1.0 / 6227020800.0));
        var s0 = q0 + (q1 * r2);
        var s1 = q2 + (q3 * r2);
        var s2 = q4 + (q5 * r2);
        var t0 = s0 + (s1 * r4);
        var t1 = s2 + (q6 * r4);
        return t0 + (t1 * (r4 * r4));
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

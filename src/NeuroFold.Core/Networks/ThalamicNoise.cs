using System.Runtime.CompilerServices;
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

    static readonly double[] X = BuildX();
    static readonly double[] Ratio = BuildRatio(X);

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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fill(double[] e, double[] sigma, ulong key, ulong offset, int from, int to)
    {
        var xs = X;
        var ratio = Ratio;
        for (int i = from; i < to; i++)
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

            double f0 = CorrectlyRounded.Exp(-0.5 * ((X[layer] * X[layer]) - (xu * xu)));
            double f1 = CorrectlyRounded.Exp(-0.5 * ((X[layer + 1] * X[layer + 1]) - (xu * xu)));
            if (f1 + (CounterRandom.UniformAt(key, first + (ulong)k) * (f0 - f1)) < 1.0)
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

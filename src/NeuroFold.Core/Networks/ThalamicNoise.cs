using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NeuroFold.Core.Random;

namespace NeuroFold.Core.Networks;

/// <summary>The Gaussian thalamic input of <see cref="NetworkInput.Thalamic"/>, computed four neurons at a time.</summary>
/// <remarks>
/// <para>
/// Neuron i at step t gets <c>σᵢ · (sqrt(−2·ln(1 − u₁)) · cos(2π·u₂))</c> with
/// <c>u₁ = CounterRandom.Uniform(seed, 3, 2m)</c>, <c>u₂ = CounterRandom.Uniform(seed, 3, 2m + 1)</c>, <c>m = (t − 1)·N + i</c>:
/// the Box–Muller transform of <see cref="CounterRandom.Normal"/>, with the logarithm, square root and cosine
/// evaluated by <see cref="Vector256"/>'s element-wise functions for <b>every</b> neuron (a block's last, partial
/// vector is padded), so no value depends on how neurons are split between threads. The vector functions may
/// differ from the scalar <see cref="Math.Log(double)"/> and <see cref="Math.Cos"/> in the last bit, so these numbers
/// are not bit-equal to <see cref="CounterRandom.Normal"/>; they are the same draws of the same distribution.
/// </para>
/// <para>
/// The uniforms are <see cref="CounterRandom.Uniform"/>'s, computed with the (seed, stream) key hoisted out of the loop
/// (<see cref="Key"/>, <see cref="UniformAt"/>); a test checks them against <see cref="CounterRandom.Uniform"/>.
/// </para>
/// </remarks>
internal static class ThalamicNoise
{
    const int Lanes = 4;
    const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The SplitMix64 state key of (seed, stream), as in <see cref="CounterRandom.Bits"/>.</summary>
    public static ulong Key(ulong seed, ulong stream) => Mix(Mix(unchecked(seed + Gamma)) ^ unchecked(stream + (2 * Gamma)));

    /// <summary><see cref="CounterRandom.Uniform"/> for a precomputed <see cref="Key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double UniformAt(ulong key, ulong index) => (Mix(unchecked(key + ((index + 1) * Gamma))) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Scratch length for a block of <paramref name="length"/> neurons (whole vectors).</summary>
    public static int ScratchLength(int length) => (length + Lanes - 1) / Lanes * Lanes;

    /// <summary>Writes <c>e[i − from]</c> for neurons <paramref name="from"/> … <paramref name="to"/> − 1; <paramref name="offset"/> = (t − 1)·N.</summary>
    /// <remarks><paramref name="e"/>, <paramref name="u1"/> and <paramref name="u2"/> hold at least <see cref="ScratchLength"/> values.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fill(double[] e, double[] u1, double[] u2, double[] sigma, ulong key, ulong offset, int from, int to)
    {
        int length = to - from;
        int padded = ScratchLength(length);
        ulong first = 2 * (offset + (ulong)from);
        for (int k = 0; k < padded; k++)
        {
            ulong m2 = first + (2 * (ulong)k);
            u1[k] = UniformAt(key, m2);
            u2[k] = UniformAt(key, m2 + 1);
        }

        var minusTwo = Vector256.Create(-2.0);
        var one = Vector256.Create(1.0);
        var twoPi = Vector256.Create(2.0 * Math.PI);
        for (int k = 0; k < padded; k += Lanes)
        {
            var r = Vector256.Sqrt(minusTwo * Vector256.Log(one - Vector256.Create(new ReadOnlySpan<double>(u1, k, Lanes))));
            var c = Vector256.Cos(twoPi * Vector256.Create(new ReadOnlySpan<double>(u2, k, Lanes)));
            (r * c).CopyTo(e.AsSpan(k));
        }

        for (int k = 0; k < length; k++)
        {
            e[k] = sigma[from + k] * e[k];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}

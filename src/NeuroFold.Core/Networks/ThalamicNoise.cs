using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NeuroFold.Core.Random;

namespace NeuroFold.Core.Networks;

/// <summary>The Gaussian thalamic input of <see cref="NetworkInput.Thalamic"/>: both Box–Muller normals of each pair, four pairs at a time.</summary>
/// <remarks>
/// <para>
/// Number the draws <c>m = (t − 1)·N + i</c> (step t, neuron i) and pair them, <c>q = ⌊m/2⌋</c>, with
/// <c>u₁ = CounterRandom.Uniform(seed, 3, 2q)</c>, <c>u₂ = CounterRandom.Uniform(seed, 3, 2q + 1)</c>,
/// <c>ρ = sqrt(−2·ln(1 − u₁))</c>: draw m is <c>ρ·cos(2π·u₂)</c> for even m (this is <see cref="CounterRandom.Normal"/>
/// of index q) and <c>ρ·sin(2π·u₂)</c> for odd m (the transform's second, independent normal). Neuron i gets σᵢ times it.
/// </para>
/// <para>
/// The logarithm, square root, sine and cosine are <see cref="Vector256"/>'s element-wise functions, used for
/// <b>every</b> pair (partial vectors are padded), so no value depends on how neurons are split between threads.
/// They may differ from the scalar <see cref="Math.Log(double)"/> and <see cref="Math.Cos"/> in the last bit, so even
/// draws equal <see cref="CounterRandom.Normal"/> to rounding, not bit for bit.
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

    /// <summary>Scratch length for a block of <paramref name="length"/> neurons: whole vectors of Box–Muller pairs.</summary>
    public static int ScratchLength(int length) => ((length / 2) + 2 + Lanes - 1) / Lanes * Lanes;

    /// <summary>Writes <c>e[i − from]</c> for neurons <paramref name="from"/> … <paramref name="to"/> − 1; <paramref name="offset"/> = (t − 1)·N.</summary>
    /// <remarks><paramref name="scratch"/> holds at least <see cref="ScratchLength"/> values per array for this block.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fill(double[] e, Scratch scratch, double[] sigma, ulong key, ulong offset, int from, int to)
    {
        ulong m0 = offset + (ulong)from;
        ulong m1 = offset + (ulong)to;
        ulong q0 = m0 >> 1;
        int pairs = (int)(((m1 + 1) >> 1) - q0);
        int padded = (pairs + Lanes - 1) / Lanes * Lanes;
        var u1 = scratch.U1;
        var u2 = scratch.U2;
        for (int k = 0; k < padded; k++)
        {
            ulong q2 = 2 * (q0 + (ulong)k);
            u1[k] = UniformAt(key, q2);
            u2[k] = UniformAt(key, q2 + 1);
        }

        var minusTwo = Vector256.Create(-2.0);
        var one = Vector256.Create(1.0);
        var twoPi = Vector256.Create(2.0 * Math.PI);
        for (int k = 0; k < padded; k += Lanes)
        {
            var r = Vector256.Sqrt(minusTwo * Vector256.Log(one - Vector256.Create(new ReadOnlySpan<double>(u1, k, Lanes))));
            var (sin, cos) = Vector256.SinCos(twoPi * Vector256.Create(new ReadOnlySpan<double>(u2, k, Lanes)));
            (r * cos).CopyTo(scratch.Even.AsSpan(k));
            (r * sin).CopyTo(scratch.Odd.AsSpan(k));
        }

        var even = scratch.Even;
        var odd = scratch.Odd;
        for (int i = from; i < to; i++)
        {
            ulong m = offset + (ulong)i;
            int k = (int)((m >> 1) - q0);
            e[i - from] = sigma[i] * ((m & 1) == 0 ? even[k] : odd[k]);
        }
    }

    /// <summary>Per-block work arrays of <see cref="Fill"/>.</summary>
    public sealed class Scratch(int length)
    {
        public double[] U1 { get; } = new double[length];

        public double[] U2 { get; } = new double[length];

        public double[] Even { get; } = new double[length];

        public double[] Odd { get; } = new double[length];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}

using System.Runtime.CompilerServices;

namespace NeuroFold.Core.Random;

/// <summary>A counter-based random generator: every number is a pure function of (seed, stream, index).</summary>
/// <remarks>
/// <para>
/// Nothing is carried from one draw to the next, so the value a neuron receives at a step does not depend on which
/// thread computes it, in which order, or how the work is split: runs are identical for any thread count.
/// </para>
/// <para>
/// Exact mixing (all arithmetic on unsigned 64-bit integers, wrapping): with the SplitMix64 increment
/// <c>γ = 0x9E3779B97F4A7C15</c> and the SplitMix64 finaliser
/// <c>mix(z) = z₃</c>, <c>z₁ = (z ⊕ (z ≫ 30))·0xBF58476D1CE4E5B9</c>, <c>z₂ = (z₁ ⊕ (z₁ ≫ 27))·0x94D049BB133111EB</c>,
/// <c>z₃ = z₂ ⊕ (z₂ ≫ 31)</c>:
/// <c>k₁ = mix(seed + γ)</c>, <c>k₂ = mix(k₁ ⊕ (stream + 2γ))</c>, <c>Bits = mix(k₂ + (index + 1)·γ)</c>.
/// So <c>Bits(seed, stream, ·)</c> is the output sequence of a SplitMix64 generator whose state starts at the key
/// <c>k₂</c> (Steele, Lea &amp; Flood 2014, "Fast splittable pseudorandom number generators"; Vigna's <c>splitmix64.c</c>).
/// </para>
/// </remarks>
public static class CounterRandom
{
    const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>64 random bits for (seed, stream, index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(ulong seed, ulong stream, ulong index)
    {
        ulong k1 = Mix(unchecked(seed + Gamma));
        ulong k2 = Mix(k1 ^ unchecked(stream + (2 * Gamma)));
        return Mix(unchecked(k2 + ((index + 1) * Gamma)));
    }

    /// <summary>A uniform number in [0, 1) with 53 random bits: <c>(Bits ≫ 11)·2⁻⁵³</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong seed, ulong stream, ulong index) => (long)(Bits(seed, stream, index) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal number (mean 0, variance 1) by the Box–Muller transform.</summary>
    /// <remarks>
    /// With <c>u₁ = Uniform(seed, stream, 2·index)</c> and <c>u₂ = Uniform(seed, stream, 2·index + 1)</c>:
    /// <c>sqrt(−2·ln(1 − u₁)) · cos(2π·u₂)</c> (<c>1 − u₁</c> lies in (0, 1], so the logarithm is finite).
    /// Box, G. E. P. &amp; Muller, M. E. (1958), Ann. Math. Statist. 29(2).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Normal(ulong seed, ulong stream, ulong index)
    {
        double u1 = Uniform(seed, stream, 2 * index);
        double u2 = Uniform(seed, stream, (2 * index) + 1);
        return Math.Sqrt(-2.0 * Math.Log(1.0 - u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}

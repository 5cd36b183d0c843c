using System.Runtime.CompilerServices;
using NeuroFold.Core.Numerics;

namespace NeuroFold.Core.Random;

/// <summary>A counter-based random number generator: every draw is a pure function of (seed, stream, index).</summary>
/// <remarks>
/// There is no generator state: the value for a neuron, synapse or step is computed from its own key, so it does not
/// depend on how work is split over threads, blocks or vector lanes, nor on what was drawn before.
/// The key is hashed with SplitMix64's finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014; the mixing constants of Vigna's <c>splitmix64.c</c>) applied three times, once per key part,
/// each round adding the next part to the previous hash multiplied by the golden-ratio increment.
/// <see cref="Uniform(long, long, long)"/> keeps the top 53 bits, so it returns multiples of 2⁻⁵³ in [0, 1).
/// <see cref="Normal"/> is the Box–Muller transform of two uniforms at indices 2·index and 2·index + 1.
/// Streams are the caller's namespaces (for example 0 for a parameter, 1 for the input), so that changing how many
/// values one quantity draws never shifts another.
/// </remarks>
public static class CounterRandom
{
    const ulong Golden = 0x9E3779B97F4A7C15UL;
    const double TwoToMinus53 = 1.0 / 9007199254740992.0;

    /// <summary>64 well-mixed bits for the key (seed, stream, index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(long seed, long stream, long index) => BitsAt(Key(seed, stream), unchecked((ulong)index));

    /// <summary>A uniform double in [0, 1) with 53 random bits, for the key (seed, stream, index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(long seed, long stream, long index) => UniformAt(Key(seed, stream), unchecked((ulong)index));

    /// <summary>The part of <see cref="Bits"/> that depends on (seed, stream) only: <c>Mix(Mix(seed + γ)·γ + stream)·γ</c>.</summary>
    /// <remarks>For loops that draw many indices of one stream: <c>Bits(seed, stream, i) == BitsAt(Key(seed, stream), i)</c>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Key(long seed, long stream) =>
        unchecked(Mix((Mix(unchecked((ulong)seed) + Golden) * Golden) + (ulong)stream) * Golden);

    /// <summary><see cref="Bits"/> for a precomputed <see cref="Key"/>: <c>Mix(key + index)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong BitsAt(ulong key, ulong index) => Mix(unchecked(key + index));

    /// <summary><see cref="Uniform(long, long, long)"/> for a precomputed <see cref="Key"/>.</summary>
    /// <remarks>The top 53 bits are converted as a signed integer (one instruction on x64); below 2⁵³ that is exact.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double UniformAt(ulong key, ulong index) => (long)(BitsAt(key, index) >> 11) * TwoToMinus53;

    /// <summary>A uniform double in [<paramref name="low"/>, <paramref name="high"/>): <c>low + (high − low)·U</c>.</summary>
    public static double Uniform(long seed, long stream, long index, double low, double high) =>
        low + ((high - low) * Uniform(seed, stream, index));

    /// <summary>A standard normal deviate (mean 0, variance 1) for the key (seed, stream, index).</summary>
    /// <remarks>
    /// Box–Muller: <c>√(−2·ln(1 − U₁))·cos(2π·U₂)</c> with <c>U₁ = Uniform(seed, stream, 2·index)</c> and
    /// <c>U₂ = Uniform(seed, stream, 2·index + 1)</c>; <c>1 − U₁</c> lies in (0, 1], so the logarithm is finite.
    /// The same bits on every platform: ln and cos are correctly rounded (<c>Numerics/CorrectlyRounded</c>), √ is IEEE-exact.
    /// </remarks>
    public static double Normal(long seed, long stream, long index)
    {
        long i = unchecked(2 * index);
        double u1 = Uniform(seed, stream, i);
        double u2 = Uniform(seed, stream, unchecked(i + 1));
        return Math.Sqrt(-2.0 * CorrectlyRounded.Log(1.0 - u1)) * CorrectlyRounded.Cos(2.0 * Math.PI * u2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NeuroFold.Core.Numerics;

namespace NeuroFold.Core.Arithmetic;

/// <summary>Two lanes: <see cref="Vector128{T}"/> of doubles, one IEEE operation for two neurons.</summary>
/// <remarks>
/// Masks are vectors whose lanes are all ones (true) or all zeros (false), as the hardware compares produce them.
/// <see cref="Min"/> is <see cref="Vector128.Min{T}(Vector128{T}, Vector128{T})"/>, which follows <see cref="Math.Min(double, double)"/>
/// lane by lane; <see cref="Exp"/> calls the correctly rounded <c>CorrectlyRounded.Exp</c> per lane, so constants equal the scalar fold's.
/// </remarks>
/// <param name="value">The lanes.</param>
public readonly struct Lane128(Vector128<double> value) : ILane<Lane128, Vector128<double>>, IEquatable<Lane128>
{
    /// <summary>The lanes.</summary>
    public Vector128<double> Value { get; } = value;

    /// <inheritdoc />
    public static int Count => Vector128<double>.Count;

    /// <inheritdoc />
    public static Vector128<double> None => Vector128<double>.Zero;

    /// <inheritdoc />
    public static Vector128<double> All => Vector128<double>.AllBitsSet;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 Constant(double value) => new(Vector128.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 Load(ReadOnlySpan<double> source, int offset)
    {
        LaneRange.Check(offset, Count, source.Length);
        return new(Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)offset));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lane128 value, Span<double> destination, int offset)
    {
        LaneRange.Check(offset, Count, destination.Length);
        value.Value.StoreUnsafe(ref MemoryMarshal.GetReference(destination), (nuint)offset);
    }

    /// <inheritdoc />
    public static double Element(Lane128 value, int lane) => value.Value.GetElement(lane);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 operator +(Lane128 left, Lane128 right) => new(left.Value + right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 operator -(Lane128 left, Lane128 right) => new(left.Value - right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 operator *(Lane128 left, Lane128 right) => new(left.Value * right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 operator /(Lane128 left, Lane128 right) => new(left.Value / right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 operator -(Lane128 value) => new(-value.Value);

    /// <summary>Bit-for-bit equality of every lane.</summary>
    public static bool operator ==(Lane128 left, Lane128 right) => left.Equals(right);

    /// <summary>Some lane differs in its bits.</summary>
    public static bool operator !=(Lane128 left, Lane128 right) => !left.Equals(right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 Min(Lane128 left, Lane128 right) => new(Vector128.Min(left.Value, right.Value));

    /// <inheritdoc />
    public static Lane128 Exp(Lane128 x)
    {
        Span<double> lanes = stackalloc double[Vector128<double>.Count];
        x.Value.StoreUnsafe(ref MemoryMarshal.GetReference(lanes));
        for (int i = 0; i < lanes.Length; i++)
        {
            lanes[i] = CorrectlyRounded.Exp(lanes[i]);
        }

        return new(Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(lanes)));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> GreaterThanOrEqual(Lane128 left, Lane128 right) => Vector128.GreaterThanOrEqual(left.Value, right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> GreaterThan(Lane128 left, Lane128 right) => Vector128.GreaterThan(left.Value, right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> LessThan(Lane128 left, Lane128 right) => Vector128.LessThan(left.Value, right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyGreaterThanOrEqual(Lane128 left, Lane128 right) => Vector128.GreaterThanOrEqualAny(left.Value, right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyGreaterThan(Lane128 left, Lane128 right) => Vector128.GreaterThanAny(left.Value, right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> IsNotFinite(Lane128 x) =>
        ~Vector128.LessThan(Vector128.Abs(x.Value), Vector128.Create(double.PositiveInfinity)); // |x| < ∞ fails exactly for NaN and ±∞

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> And(Vector128<double> left, Vector128<double> right) => left & right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Or(Vector128<double> left, Vector128<double> right) => left | right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Vector128<double> mask) => mask.ExtractMostSignificantBits() != 0;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(Vector128<double> mask) => mask.ExtractMostSignificantBits();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane128 Select(Vector128<double> mask, Lane128 ifTrue, Lane128 ifFalse) => new(Vector128.ConditionalSelect(mask, ifTrue.Value, ifFalse.Value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Select(Vector128<double> mask, Vector128<double> ifTrue, Vector128<double> ifFalse) => Vector128.ConditionalSelect(mask, ifTrue, ifFalse);

    /// <summary>Bit-for-bit equality of every lane.</summary>
    public bool Equals(Lane128 other) => Value.AsUInt64() == other.Value.AsUInt64();

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Lane128 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

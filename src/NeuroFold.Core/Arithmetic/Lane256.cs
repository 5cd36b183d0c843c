using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NeuroFold.Core.Numerics;

namespace NeuroFold.Core.Arithmetic;

/// <summary>Four lanes: <see cref="Vector256{T}"/> of doubles, one IEEE operation for four neurons.</summary>
/// <remarks>
/// Masks are vectors whose lanes are all ones (true) or all zeros (false), as the hardware compares produce them.
/// <see cref="Min"/> is <see cref="Vector256.Min{T}(Vector256{T}, Vector256{T})"/>, which follows <see cref="Math.Min(double, double)"/>
/// lane by lane; <see cref="Exp"/> calls the correctly rounded <c>CorrectlyRounded.Exp</c> per lane, so constants equal the scalar fold's.
/// </remarks>
/// <param name="value">The lanes.</param>
public readonly struct Lane256(Vector256<double> value) : ILane<Lane256, Vector256<double>>, IEquatable<Lane256>
{
    /// <summary>The lanes.</summary>
    public Vector256<double> Value { get; } = value;

    /// <inheritdoc />
    public static int Count => Vector256<double>.Count;

    /// <inheritdoc />
    public static Vector256<double> None => Vector256<double>.Zero;

    /// <inheritdoc />
    public static Vector256<double> All => Vector256<double>.AllBitsSet;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Constant(double value) => new(Vector256.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Load(ReadOnlySpan<double> source, int offset)
    {
        LaneRange.Check(offset, Count, source.Length);
        return new(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)offset));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lane256 value, Span<double> destination, int offset)
    {
        LaneRange.Check(offset, Count, destination.Length);
        value.Value.StoreUnsafe(ref MemoryMarshal.GetReference(destination), (nuint)offset);
    }

    /// <inheritdoc />
    public static double Element(Lane256 value, int lane) => value.Value.GetElement(lane);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator +(Lane256 left, Lane256 right) => new(left.Value + right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator -(Lane256 left, Lane256 right) => new(left.Value - right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator *(Lane256 left, Lane256 right) => new(left.Value * right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator /(Lane256 left, Lane256 right) => new(left.Value / right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 operator -(Lane256 value) => new(-value.Value);

    /// <summary>Bit-for-bit equality of every lane.</summary>
    public static bool operator ==(Lane256 left, Lane256 right) => left.Equals(right);

    /// <summary>Some lane differs in its bits.</summary>
    public static bool operator !=(Lane256 left, Lane256 right) => !left.Equals(right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Min(Lane256 left, Lane256 right) => new(Vector256.Min(left.Value, right.Value));

    /// <inheritdoc />
    public static Lane256 Exp(Lane256 x)
    {
        Span<double> lanes = stackalloc double[Vector256<double>.Count];
        x.Value.StoreUnsafe(ref MemoryMarshal.GetReference(lanes));
        for (int i = 0; i < lanes.Length; i++)
        {
            lanes[i] = CorrectlyRounded.Exp(lanes[i]);
        }

        return new(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(lanes)));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> GreaterThanOrEqual(Lane256 left, Lane256 right) => Vector256.GreaterThanOrEqual(left.Value, right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> GreaterThan(Lane256 left, Lane256 right) => Vector256.GreaterThan(left.Value, right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LessThan(Lane256 left, Lane256 right) => Vector256.LessThan(left.Value, right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyGreaterThanOrEqual(Lane256 left, Lane256 right) => Vector256.GreaterThanOrEqualAny(left.Value, right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyGreaterThan(Lane256 left, Lane256 right) => Vector256.GreaterThanAny(left.Value, right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> IsNotFinite(Lane256 x) =>
        ~Vector256.LessThan(Vector256.Abs(x.Value), Vector256.Create(double.PositiveInfinity)); // |x| < ∞ fails exactly for NaN and ±∞

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> And(Vector256<double> left, Vector256<double> right) => left & right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Or(Vector256<double> left, Vector256<double> right) => left | right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Vector256<double> mask) => mask.ExtractMostSignificantBits() != 0;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(Vector256<double> mask) => mask.ExtractMostSignificantBits();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane256 Select(Vector256<double> mask, Lane256 ifTrue, Lane256 ifFalse) => new(Vector256.ConditionalSelect(mask, ifTrue.Value, ifFalse.Value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Select(Vector256<double> mask, Vector256<double> ifTrue, Vector256<double> ifFalse) => Vector256.ConditionalSelect(mask, ifTrue, ifFalse);

    /// <summary>Bit-for-bit equality of every lane.</summary>
    public bool Equals(Lane256 other) => Value.AsUInt64() == other.Value.AsUInt64();

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Lane256 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

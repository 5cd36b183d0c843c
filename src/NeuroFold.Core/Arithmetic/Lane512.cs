using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NeuroFold.Core.Numerics;

namespace NeuroFold.Core.Arithmetic;

/// <summary>Eight lanes: <see cref="Vector512{T}"/> of doubles, one IEEE operation for eight neurons.</summary>
/// <remarks>
/// Masks are vectors whose lanes are all ones (true) or all zeros (false), as the hardware compares produce them.
/// <see cref="Min"/> is <see cref="Vector512.Min{T}(Vector512{T}, Vector512{T})"/>, which follows <see cref="Math.Min(double, double)"/>
/// lane by lane; <see cref="Exp"/> calls the correctly rounded <c>CorrectlyRounded.Exp</c> per lane, so constants equal the scalar fold's.
/// </remarks>
/// <param name="value">The lanes.</param>
public readonly struct Lane512(Vector512<double> value) : ILane<Lane512, Vector512<double>>, IEquatable<Lane512>
{
    /// <summary>The lanes.</summary>
    public Vector512<double> Value { get; } = value;

    /// <inheritdoc />
    public static int Count => Vector512<double>.Count;

    /// <inheritdoc />
    public static Vector512<double> None => Vector512<double>.Zero;

    /// <inheritdoc />
    public static Vector512<double> All => Vector512<double>.AllBitsSet;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Constant(double value) => new(Vector512.Create(value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Load(ReadOnlySpan<double> source, int offset)
    {
        LaneRange.Check(offset, Count, source.Length);
        return new(Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(source), (nuint)offset));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lane512 value, Span<double> destination, int offset)
    {
        LaneRange.Check(offset, Count, destination.Length);
        value.Value.StoreUnsafe(ref MemoryMarshal.GetReference(destination), (nuint)offset);
    }

    /// <inheritdoc />
    public static double Element(Lane512 value, int lane) => value.Value.GetElement(lane);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator +(Lane512 left, Lane512 right) => new(left.Value + right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator -(Lane512 left, Lane512 right) => new(left.Value - right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator *(Lane512 left, Lane512 right) => new(left.Value * right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator /(Lane512 left, Lane512 right) => new(left.Value / right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 operator -(Lane512 value) => new(-value.Value);

    /// <summary>Bit-for-bit equality of every lane.</summary>
    public static bool operator ==(Lane512 left, Lane512 right) => left.Equals(right);

    /// <summary>Some lane differs in its bits.</summary>
    public static bool operator !=(Lane512 left, Lane512 right) => !left.Equals(right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Min(Lane512 left, Lane512 right) => new(Vector512.Min(left.Value, right.Value));

    /// <inheritdoc />
    public static Lane512 Exp(Lane512 x)
    {
        Span<double> lanes = stackalloc double[Vector512<double>.Count];
        x.Value.StoreUnsafe(ref MemoryMarshal.GetReference(lanes));
        for (int i = 0; i < lanes.Length; i++)
        {
            lanes[i] = CorrectlyRounded.Exp(lanes[i]);
        }

        return new(Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(lanes)));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> GreaterThanOrEqual(Lane512 left, Lane512 right) => Vector512.GreaterThanOrEqual(left.Value, right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> GreaterThan(Lane512 left, Lane512 right) => Vector512.GreaterThan(left.Value, right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> LessThan(Lane512 left, Lane512 right) => Vector512.LessThan(left.Value, right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyGreaterThanOrEqual(Lane512 left, Lane512 right) => Vector512.GreaterThanOrEqualAny(left.Value, right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyGreaterThan(Lane512 left, Lane512 right) => Vector512.GreaterThanAny(left.Value, right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> IsNotFinite(Lane512 x) =>
        ~Vector512.LessThan(Vector512.Abs(x.Value), Vector512.Create(double.PositiveInfinity)); // |x| < ∞ fails exactly for NaN and ±∞

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> And(Vector512<double> left, Vector512<double> right) => left & right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Or(Vector512<double> left, Vector512<double> right) => left | right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Vector512<double> mask) => mask.ExtractMostSignificantBits() != 0;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(Vector512<double> mask) => mask.ExtractMostSignificantBits();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane512 Select(Vector512<double> mask, Lane512 ifTrue, Lane512 ifFalse) => new(Vector512.ConditionalSelect(mask, ifTrue.Value, ifFalse.Value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Select(Vector512<double> mask, Vector512<double> ifTrue, Vector512<double> ifFalse) => Vector512.ConditionalSelect(mask, ifTrue, ifFalse);

    /// <summary>Bit-for-bit equality of every lane.</summary>
    public bool Equals(Lane512 other) => Value.AsUInt64() == other.Value.AsUInt64();

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Lane512 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

using System.Runtime.CompilerServices;
using NeuroFold.Core.Numerics;

namespace NeuroFold.Core.Arithmetic;

/// <summary>One lane: a plain <see cref="double"/>, the arithmetic of the reference (scalar) fold.</summary>
/// <remarks>Masks are <see cref="bool"/>; <see cref="Select(bool, ScalarLane, ScalarLane)"/> is the conditional operator.</remarks>
/// <param name="value">The number.</param>
public readonly struct ScalarLane(double value) : ILane<ScalarLane, bool>, IEquatable<ScalarLane>
{
    /// <summary>The number.</summary>
    public double Value { get; } = value;

    /// <inheritdoc />
    public static int Count => 1;

    /// <inheritdoc />
    public static bool None => false;

    /// <inheritdoc />
    public static bool All => true;

    /// <summary>Wraps a double.</summary>
    public static implicit operator ScalarLane(double value) => new(value);

    /// <summary>Unwraps the double.</summary>
    public static implicit operator double(ScalarLane lane) => lane.Value;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Constant(double value) => new(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Load(ReadOnlySpan<double> source, int offset) => new(source[offset]);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ScalarLane value, Span<double> destination, int offset) => destination[offset] = value.Value;

    /// <inheritdoc />
    public static double Element(ScalarLane value, int lane) =>
        lane == 0 ? value.Value : throw new ArgumentOutOfRangeException(nameof(lane), lane, "a scalar has lane 0 only");

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator +(ScalarLane left, ScalarLane right) => new(left.Value + right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator -(ScalarLane left, ScalarLane right) => new(left.Value - right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator *(ScalarLane left, ScalarLane right) => new(left.Value * right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator /(ScalarLane left, ScalarLane right) => new(left.Value / right.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane operator -(ScalarLane value) => new(-value.Value);

    /// <summary>Bit-for-bit equality.</summary>
    public static bool operator ==(ScalarLane left, ScalarLane right) => left.Equals(right);

    /// <summary>The bits differ.</summary>
    public static bool operator !=(ScalarLane left, ScalarLane right) => !left.Equals(right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Min(ScalarLane left, ScalarLane right) => new(Math.Min(left.Value, right.Value));

    /// <inheritdoc />
    public static ScalarLane Exp(ScalarLane x) => new(CorrectlyRounded.Exp(x.Value));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterThanOrEqual(ScalarLane left, ScalarLane right) => left.Value >= right.Value;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterThan(ScalarLane left, ScalarLane right) => left.Value > right.Value;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessThan(ScalarLane left, ScalarLane right) => left.Value < right.Value;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyGreaterThanOrEqual(ScalarLane left, ScalarLane right) => left.Value >= right.Value;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyGreaterThan(ScalarLane left, ScalarLane right) => left.Value > right.Value;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNotFinite(ScalarLane x) => !double.IsFinite(x.Value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool And(bool left, bool right) => left & right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Or(bool left, bool right) => left | right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(bool mask) => mask;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(bool mask) => mask ? 1UL : 0UL;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLane Select(bool mask, ScalarLane ifTrue, ScalarLane ifFalse) => mask ? ifTrue : ifFalse;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Select(bool mask, bool ifTrue, bool ifFalse) => mask ? ifTrue : ifFalse;

    /// <summary>Bit-for-bit equality (NaN equals NaN of the same payload, +0 differs from −0).</summary>
    public bool Equals(ScalarLane other) => BitConverter.DoubleToInt64Bits(Value) == BitConverter.DoubleToInt64Bits(other.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ScalarLane other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NeuroFold.Core.Gradients;
using NeuroFold.Core.Numerics;

namespace NeuroFold.Core.Arithmetic;

/// <summary>A forward-mode dual number: one value and <see cref="MaxTangents"/> tangents (one per free quantity), one lane.</summary>
/// <remarks>
/// <para>
/// <c>x = x₀ + Σᵢ xᵢ·εᵢ</c> with <c>εᵢεⱼ = 0</c>: the value is computed by exactly the IEEE operation of
/// <see cref="ScalarLane"/> (so a step run on dual numbers gives the scalar fold's values bit for bit), the tangents by
/// the chain rule (<c>(xy)ᵢ = xᵢy₀ + x₀yᵢ</c>, <c>(x/y)ᵢ = (xᵢ − (x/y)₀·yᵢ)/y₀</c>, <c>(eˣ)ᵢ = e^{x₀}·xᵢ</c>; Min and
/// the selects take the tangents of the operand they pick). Tangent i of a quantity after a run is therefore the exact
/// derivative of the discrete map with respect to the quantity seeded as variable i (<see cref="Variable"/>).
/// </para>
/// <para>
/// Comparisons look at values only, so every branch of a step goes the way it goes for plain numbers. The spike's
/// reset (<see cref="SelectSpike"/>) adds <c>H'(x)·xᵢ·(ifSpiked − otherwise)</c> with the surrogate slope
/// <typeparamref name="TSurrogate"/>; with <see cref="NoSurrogate"/> it adds nothing (the exact map). docs/GRADIENTS.md.
/// </para>
/// </remarks>
/// <typeparam name="TSurrogate">The derivative given to the Heaviside step of a spike.</typeparam>
public readonly struct Dual<TSurrogate> : ILane<Dual<TSurrogate>, bool>
    where TSurrogate : struct, ISurrogate
{
    /// <summary>The number of tangents every dual number carries.</summary>
    public const int MaxTangents = 16;

    readonly Vector256<double> t0;
    readonly Vector256<double> t1;
    readonly Vector256<double> t2;
    readonly Vector256<double> t3;

    Dual(double value, Vector256<double> t0, Vector256<double> t1, Vector256<double> t2, Vector256<double> t3)
    {
        Value = value;
        this.t0 = t0;
        this.t1 = t1;
        this.t2 = t2;
        this.t3 = t3;
    }

    /// <summary>The value.</summary>
    public double Value { get; }

    /// <inheritdoc />
    public static int Count => 1;

    /// <inheritdoc />
    public static bool None => false;

    /// <inheritdoc />
    public static bool All => true;

    /// <inheritdoc />
    /// <remarks>True when the surrogate is active: the reset then runs at every step to give the threshold its derivative.</remarks>
    public static bool SeesThreshold => TSurrogate.Active;

    /// <summary>Tangent <paramref name="index"/> (0 … <see cref="MaxTangents"/> − 1): the derivative with respect to variable <paramref name="index"/>.</summary>
    public double Tangent(int index)
    {
        if ((uint)index >= MaxTangents)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"a dual number has tangents 0..{MaxTangents - 1}");
        }

        var block = (index >> 2) switch { 0 => t0, 1 => t1, 2 => t2, _ => t3 };
        return block.GetElement(index & 3);
    }

    /// <summary>Writes the <see cref="MaxTangents"/> tangents into <paramref name="destination"/> (at least that long): all of them at once, for a caller that reads many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CopyTangents(Span<double> destination)
    {
        if (destination.Length < MaxTangents)
        {
            throw new ArgumentException($"{destination.Length} places for {MaxTangents} tangents", nameof(destination));
        }

        t0.CopyTo(destination);
        t1.CopyTo(destination[4..]);
        t2.CopyTo(destination[8..]);
        t3.CopyTo(destination[12..]);
    }

    /// <summary>The variable with value <paramref name="value"/> and tangent 1 at <paramref name="index"/> (0 elsewhere): what derivatives are taken with respect to.</summary>
    public static Dual<TSurrogate> Variable(double value, int index)
    {
        if ((uint)index >= MaxTangents)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"a dual number has tangents 0..{MaxTangents - 1}");
        }

        var one = Vector256.Create(1.0, 0.0, 0.0, 0.0);
        int shift = index & 3;
        var unit = shift switch
        {
            0 => one,
            1 => Vector256.Create(0.0, 1.0, 0.0, 0.0),
            2 => Vector256.Create(0.0, 0.0, 1.0, 0.0),
            _ => Vector256.Create(0.0, 0.0, 0.0, 1.0),
        };
        var z = Vector256<double>.Zero;
        return (index >> 2) switch
        {
            0 => new(value, unit, z, z, z),
            1 => new(value, z, unit, z, z),
            2 => new(value, z, z, unit, z),
            _ => new(value, z, z, z, unit),
        };
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<TSurrogate> Constant(double value)
    {
        var z = Vector256<double>.Zero;
        return new(value, z, z, z, z);
    }

    /// <inheritdoc />
    /// <remarks>A constant: the tangents are 0.</remarks>
    public static Dual<TSurrogate> Load(ReadOnlySpan<double> source, int offset) => Constant(source[offset]);

    /// <inheritdoc />
    /// <remarks>The value.</remarks>
    public static void Store(Dual<TSurrogate> value, Span<double> destination, int offset) => destination[offset] = value.Value;

    /// <inheritdoc />
    public static double Element(Dual<TSurrogate> value, int lane) =>
        lane == 0 ? value.Value : throw new ArgumentOutOfRangeException(nameof(lane), lane, "a dual number has lane 0 only");

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<TSurrogate> operator +(Dual<TSurrogate> left, Dual<TSurrogate> right) =>
        new(left.Value + right.Value, left.t0 + right.t0, left.t1 + right.t1, left.t2 + right.t2, left.t3 + right.t3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<TSurrogate> operator -(Dual<TSurrogate> left, Dual<TSurrogate> right) =>
        new(left.Value - right.Value, left.t0 - right.t0, left.t1 - right.t1, left.t2 - right.t2, left.t3 - right.t3);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<TSurrogate> operator *(Dual<TSurrogate> left, Dual<TSurrogate> right)
    {
        var l = Vector256.Create(left.Value);
        var r = Vector256.Create(right.Value);
        return new(
            left.Value * right.Value,
            (left.t0 * r) + (l * right.t0),
            (left.t1 * r) + (l * right.t1),
            (left.t2 * r) + (l * right.t2),
            (left.t3 * r) + (l * right.t3));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<TSurrogate> operator /(Dual<TSurrogate> left, Dual<TSurrogate> right)
    {
        double q = left.Value / right.Value;
        var qv = Vector256.Create(q);
        var r = Vector256.Create(right.Value);
        return new(q, (left.t0 - (qv * right.t0)) / r, (left.t1 - (qv * right.t1)) / r, (left.t2 - (qv * right.t2)) / r, (left.t3 - (qv * right.t3)) / r);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<TSurrogate> operator -(Dual<TSurrogate> value) => new(-value.Value, -value.t0, -value.t1, -value.t2, -value.t3);

    /// <inheritdoc />
    /// <remarks>The value is <see cref="Math.Min(double, double)"/>'s; the tangents are those of the operand whose value it is (the left one at a tie).</remarks>
    public static Dual<TSurrogate> Min(Dual<TSurrogate> left, Dual<TSurrogate> right)
    {
        double m = Math.Min(left.Value, right.Value);
        var pick = BitConverter.DoubleToInt64Bits(m) == BitConverter.DoubleToInt64Bits(left.Value) ? left : right;
        return new(m, pick.t0, pick.t1, pick.t2, pick.t3);
    }

    /// <inheritdoc />
    public static Dual<TSurrogate> Exp(Dual<TSurrogate> x)
    {
        double e = CorrectlyRounded.Exp(x.Value);
        var ev = Vector256.Create(e);
        return new(e, ev * x.t0, ev * x.t1, ev * x.t2, ev * x.t3);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterThanOrEqual(Dual<TSurrogate> left, Dual<TSurrogate> right) => left.Value >= right.Value;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterThan(Dual<TSurrogate> left, Dual<TSurrogate> right) => left.Value > right.Value;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessThan(Dual<TSurrogate> left, Dual<TSurrogate> right) => left.Value < right.Value;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyGreaterThanOrEqual(Dual<TSurrogate> left, Dual<TSurrogate> right) => left.Value >= right.Value;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyGreaterThan(Dual<TSurrogate> left, Dual<TSurrogate> right) => left.Value > right.Value;

    /// <inheritdoc />
    /// <remarks>Of the value.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNotFinite(Dual<TSurrogate> x) => !double.IsFinite(x.Value);

    /// <inheritdoc />
    public static bool And(bool left, bool right) => left & right;

    /// <inheritdoc />
    public static bool Or(bool left, bool right) => left | right;

    /// <inheritdoc />
    public static bool Any(bool mask) => mask;

    /// <inheritdoc />
    public static ulong Bits(bool mask) => mask ? 1UL : 0UL;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<TSurrogate> Select(bool mask, Dual<TSurrogate> ifTrue, Dual<TSurrogate> ifFalse) => mask ? ifTrue : ifFalse;

    /// <inheritdoc />
    public static bool Select(bool mask, bool ifTrue, bool ifFalse) => mask ? ifTrue : ifFalse;

    /// <inheritdoc />
    /// <remarks>
    /// The value of the select; the tangents of <c>otherwise + H(x)·(ifSpiked − otherwise)</c>:
    /// those of the picked operand plus <c>H'(x₀)·(ifSpiked₀ − otherwise₀)·xᵢ</c>, <c>H'</c> = <typeparamref name="TSurrogate"/>'s slope.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual<TSurrogate> SelectSpike(bool spiked, Dual<TSurrogate> overshoot, Dual<TSurrogate> ifSpiked, Dual<TSurrogate> otherwise)
    {
        var picked = spiked ? ifSpiked : otherwise;
        if (!TSurrogate.Active)
        {
            return picked;
        }

        double w = TSurrogate.Slope(overshoot.Value) * (ifSpiked.Value - otherwise.Value);
        var wv = Vector256.Create(w);
        return new(
            picked.Value,
            picked.t0 + (wv * overshoot.t0),
            picked.t1 + (wv * overshoot.t1),
            picked.t2 + (wv * overshoot.t2),
            picked.t3 + (wv * overshoot.t3));
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

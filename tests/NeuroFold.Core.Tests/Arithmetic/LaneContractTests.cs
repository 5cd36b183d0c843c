using System.Runtime.Intrinsics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Numerics;
using NeuroFold.Core.Tests.Support;
using Xunit;

namespace NeuroFold.Core.Tests.Arithmetic;

/// <summary>
/// The lane contract (<see cref="IArithmetic{TSelf}"/>): every operation of <see cref="Lane128"/>, <see cref="Lane256"/>
/// and <see cref="Lane512"/> is, lane by lane and bit for bit, the <see cref="ScalarLane"/> operation, which is the
/// <see cref="double"/> operation (<see cref="Math.Min(double, double)"/>, <see cref="Math.Exp"/>) — for every double,
/// NaNs of any payload and sign, ±∞, ±0, subnormals and extreme magnitudes included. This is what makes a vector
/// kernel give the scalar fold's bits.
/// </summary>
public sealed class LaneContractTests
{
    const int MaxLanes = 8;

    /// <summary>The doubles where IEEE operations have their corner cases.</summary>
    static readonly double[] Specials =
    [
        double.NaN,
        -double.NaN,
        BitConverter.Int64BitsToDouble(0x7FF0000000000001), // signalling NaN
        BitConverter.Int64BitsToDouble(0x7FF8000000000123), // quiet NaN with a payload
        BitConverter.Int64BitsToDouble(unchecked((long)0xFFF4000000000000)), // negative signalling NaN
        double.PositiveInfinity,
        double.NegativeInfinity,
        0.0,
        -0.0,
        double.Epsilon,
        -double.Epsilon,
        2.2250738585072014E-308, // smallest normal
        -2.2250738585072014E-308,
        1e-310, // subnormal
        double.MaxValue,
        -double.MaxValue,
        1.0,
        -1.0,
        30.0,
        -65.0,
        709.782712893384, // ≈ ln(MaxValue): Exp's edge
        -745.1332191019412, // Exp underflows to 0 below this
    ];

    static Gen<double> Special => Gen.Elements(Specials);

    /// <summary>Any finite or infinite double from its bits: sign, biased exponent 0 … 2047 and a 52-bit mantissa.</summary>
    static Gen<double> FromBits =>
        from sign in Gen.Elements(0L, long.MinValue)
        from exponent in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(2047)), (8, Gen.Choose(1, 2046)))
        from high in Gen.Choose(0, (1 << 20) - 1)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        select BitConverter.Int64BitsToDouble(sign | ((long)exponent << 52) | ((long)high << 32) | (uint)low);

    /// <summary>Doubles of a neuron's ordinary range, where results are ordinary numbers.</summary>
    static Gen<double> Ordinary => Gen.Choose(-2_000_000, 2_000_000).Select(i => i / 10_000.0);

    /// <summary>A mix of all three, so vectors mix special and ordinary lanes.</summary>
    static Gen<double> AnyDouble => Gen.Frequency((3, Special), (4, FromBits), (3, Ordinary));

    static Arbitrary<double[][]> Operands => AnyDouble.ArrayOf(MaxLanes).ArrayOf(3).ToArbitrary();

    [Property(MaxTest = 1500)]
    public Property Every_width_agrees_with_the_scalar_lane_bit_for_bit() =>
        Prop.ForAll(Operands, operands =>
        {
            Check<Lane128, Vector128<double>>(operands[0], operands[1], operands[2]);
            Check<Lane256, Vector256<double>>(operands[0], operands[1], operands[2]);
            Check<Lane512, Vector512<double>>(operands[0], operands[1], operands[2]);
        });

    /// <summary>Every pair of special values, broadcast to whole vectors and mixed lane by lane.</summary>
    [Fact]
    public void Every_pair_of_special_values_agrees_at_every_width()
    {
        foreach (double x in Specials)
        {
            foreach (double y in Specials)
            {
                var xs = Enumerable.Repeat(x, MaxLanes).ToArray();
                var ys = Enumerable.Repeat(y, MaxLanes).ToArray();
                Check<Lane128, Vector128<double>>(xs, ys, ys);
                Check<Lane256, Vector256<double>>(xs, ys, xs);
                Check<Lane512, Vector512<double>>(xs, ys, ys);
            }
        }

        for (int shift = 0; shift < Specials.Length; shift++)
        {
            var xs = Enumerable.Range(0, MaxLanes).Select(i => Specials[(i + shift) % Specials.Length]).ToArray();
            var ys = Enumerable.Range(0, MaxLanes).Select(i => Specials[((i * 5) + (shift * 3)) % Specials.Length]).ToArray();
            Check<Lane128, Vector128<double>>(xs, ys, xs);
            Check<Lane256, Vector256<double>>(xs, ys, xs);
            Check<Lane512, Vector512<double>>(xs, ys, xs);
        }
    }

    /// <summary>The scalar lane is the double: each of its operations is the operator or <see cref="Math"/> function it names.</summary>
    [Fact]
    public void The_scalar_lane_is_plain_double_arithmetic()
    {
        foreach (double x in Specials)
        {
            foreach (double y in Specials)
            {
                ScalarLane a = x;
                ScalarLane b = y;
                Same(x + y, a + b, "+", (x, y));
                Same(x - y, a - b, "-", (x, y));
                Same(x * y, a * b, "*", (x, y));
                Same(x / y, a / b, "/", (x, y));
                Same(-x, -a, "negation");
                Same(Math.Min(x, y), ScalarLane.Min(a, b), "Min");
                Same(CorrectlyRounded.Exp(x), ScalarLane.Exp(a), "Exp");
                Assert.Equal(x >= y, ScalarLane.GreaterThanOrEqual(a, b));
                Assert.Equal(x > y, ScalarLane.GreaterThan(a, b));
                Assert.Equal(x < y, ScalarLane.LessThan(a, b));
                Assert.Equal(x >= y, ScalarLane.AnyGreaterThanOrEqual(a, b));
                Assert.Equal(x > y, ScalarLane.AnyGreaterThan(a, b));
                Assert.Equal(!double.IsFinite(x), ScalarLane.IsNotFinite(a));
                Same(x > y ? x : y, ScalarLane.Select(x > y, a, b), "Select");
            }
        }

        Assert.Equal(1, ScalarLane.Count);
        Assert.Equal(0UL, ScalarLane.Bits(ScalarLane.None));
        Assert.Equal(1UL, ScalarLane.Bits(ScalarLane.All));
    }

    [Fact]
    public void Lane_counts_are_the_vector_counts()
    {
        Assert.Equal(2, Lane128.Count);
        Assert.Equal(4, Lane256.Count);
        Assert.Equal(8, Lane512.Count);
    }

    static void Same(double expected, double actual, string what, (double, double)? operands = null)
    {
        if (!Bits.Same(expected, actual) && !(operands is { } xy && EitherNaN(xy, actual)))
        {
            Assert.Fail($"{what}: {Bits.Of(actual):X16}, double gives {Bits.Of(expected):X16}");
        }
    }

    /// <summary>Every operation of <typeparamref name="TLane"/> on the first <c>Count</c> values of x, y, z against the scalar lane.</summary>
    static void Check<TLane, TMask>(double[] x, double[] y, double[] z)
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
    {
        int n = TLane.Count;
        string name = typeof(TLane).Name;
        var a = TLane.Load(x, 0);
        var b = TLane.Load(y, 0);
        var c = TLane.Load(z, 0);

        // operands: the two operands of lane i, for the NaN-payload rule of EitherNaN.
        void Lanes(string what, TLane actual, Func<int, ScalarLane> expected, Func<int, (double, double)>? operands = null, bool nanIsNaN = false)
        {
            for (int i = 0; i < n; i++)
            {
                double e = expected(i);
                double got = TLane.Element(actual, i);
                bool tolerated = (operands is not null && EitherNaN(operands(i), got))
                    || (nanIsNaN && double.IsNaN(e) && double.IsNaN(got));
                if (!Bits.Same(e, got) && !tolerated)
                {
                    Assert.Fail($"{name} {what}, lane {i} of x={Show(x, n)} y={Show(y, n)} z={Show(z, n)}: {Bits.Of(got):X16}, scalar {Bits.Of(e):X16}");
                }
            }
        }

        void Mask(string what, TMask actual, Func<int, bool> expected)
        {
            ulong bits = 0;
            for (int i = 0; i < n; i++)
            {
                bits |= ScalarLane.Bits(expected(i)) << i;
            }

            if (TLane.Bits(actual) != bits)
            {
                Assert.Fail($"{name} {what} of x={Show(x, n)} y={Show(y, n)}: bits {TLane.Bits(actual):X}, scalar {bits:X}");
            }

            Assert.Equal(bits != 0, TLane.Any(actual));
        }

        ScalarLane X(int i) => x[i];
        ScalarLane Y(int i) => y[i];
        ScalarLane Z(int i) => z[i];

        // Loading, storing and broadcasting move bits unchanged (an offset load too).
        Lanes("Load", a, X);
        var stored = new double[n + 3];
        TLane.Store(b, stored, 3);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(Bits.Of(y[i]), Bits.Of(stored[3 + i]));
        }

        Lanes("Load at an offset", TLane.Load(stored, 3), Y);
        Lanes("Constant", TLane.Constant(x[0]), _ => x[0]);

        // Arithmetic.
        Lanes("+", a + b, i => X(i) + Y(i), i => (x[i], y[i]));
        Lanes("-", a - b, i => X(i) - Y(i), i => (x[i], y[i]));
        Lanes("*", a * b, i => X(i) * Y(i), i => (x[i], y[i]));
        Lanes("/", a / b, i => X(i) / Y(i), i => (x[i], y[i]));
        Lanes("negation", -a, i => -X(i));
        Lanes("Min", TLane.Min(a, b), i => ScalarLane.Min(X(i), Y(i)));
        Lanes("Min (swapped)", TLane.Min(b, a), i => ScalarLane.Min(Y(i), X(i)));
        Lanes("Exp", TLane.Exp(a), i => ScalarLane.Exp(X(i)));
        // A compound expression: same order, no fused multiply-add. Its NaN results may combine two NaNs made on the way
        // (∞/∞ makes one), so there any NaN matches a NaN.
        Lanes("a step's expression", (a * (b - c)) + (c / a), i => (X(i) * (Y(i) - Z(i))) + (Z(i) / X(i)), nanIsNaN: true);

        // Comparisons and masks.
        var ge = TLane.GreaterThanOrEqual(a, b);
        var gt = TLane.GreaterThan(a, b);
        var lt = TLane.LessThan(a, b);
        var bad = TLane.IsNotFinite(a);
        Mask(">=", ge, i => ScalarLane.GreaterThanOrEqual(X(i), Y(i)));
        Mask(">", gt, i => ScalarLane.GreaterThan(X(i), Y(i)));
        Mask("<", lt, i => ScalarLane.LessThan(X(i), Y(i)));
        Mask("IsNotFinite", bad, i => ScalarLane.IsNotFinite(X(i)));
        Mask("IsNotFinite of c", TLane.IsNotFinite(c), i => ScalarLane.IsNotFinite(Z(i)));
        Mask("And", TLane.And(ge, bad), i => ScalarLane.GreaterThanOrEqual(X(i), Y(i)) & ScalarLane.IsNotFinite(X(i)));
        Mask("Or", TLane.Or(lt, bad), i => ScalarLane.LessThan(X(i), Y(i)) | ScalarLane.IsNotFinite(X(i)));
        Mask("None", TLane.None, _ => false);
        Mask("All", TLane.All, _ => true);
        Assert.Equal(Enumerable.Range(0, n).Any(i => x[i] >= y[i]), TLane.AnyGreaterThanOrEqual(a, b));
        Assert.Equal(Enumerable.Range(0, n).Any(i => x[i] > y[i]), TLane.AnyGreaterThan(a, b));

        // Selection picks whole lanes: a partly set mask lane would blend bits and show here.
        Lanes("Select", TLane.Select(gt, a, b), i => ScalarLane.Select(ScalarLane.GreaterThan(X(i), Y(i)), X(i), Y(i)));
        Lanes("Select by IsNotFinite", TLane.Select(bad, c, a), i => ScalarLane.Select(ScalarLane.IsNotFinite(X(i)), Z(i), X(i)));
        Lanes("Select All", TLane.Select(TLane.All, a, b), X);
        Lanes("Select None", TLane.Select(TLane.None, a, b), Y);
        Mask("Select of masks", TLane.Select(lt, ge, bad), i => ScalarLane.LessThan(X(i), Y(i)) ? ScalarLane.GreaterThanOrEqual(X(i), Y(i)) : ScalarLane.IsNotFinite(X(i)));

        // Bitwise equality of lanes is the lanes' bits.
        Assert.Equal(Enumerable.Range(0, n).All(i => Bits.Same(x[i], y[i])), a.Equals(b));
        Assert.True(a.Equals(TLane.Load(x, 0)));
    }

    /// <summary>
    /// True when both operands are NaN and the result is one of them, quieted: IEEE 754 lets an operation on two NaNs
    /// return either, and the JIT may commute the operands of + and × (it does: C#'s <c>x + y</c> and
    /// <see cref="ScalarLane"/>'s <c>a + b</c> return different payloads for a quiet and a signalling NaN), so for these
    /// lanes only the payload is not compared with the scalar's. A result with one NaN operand must carry its payload.
    /// </summary>
    static bool EitherNaN((double X, double Y) operands, double result)
    {
        const long Quiet = 0x0008000000000000;
        return double.IsNaN(operands.X) && double.IsNaN(operands.Y)
            && (Bits.Of(result) == (Bits.Of(operands.X) | Quiet) || Bits.Of(result) == (Bits.Of(operands.Y) | Quiet));
    }

    static string Show(double[] values, int n) =>
        "[" + string.Join(", ", values.Take(n).Select(v => Bits.Of(v).ToString("X16", System.Globalization.CultureInfo.InvariantCulture))) + "]";
}

/// <summary>Vector loads and stores check their whole range, a negative offset included (it must not wrap into range).</summary>
public sealed class LaneRangeTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    [InlineData(1 - 8)] // one lane past the end (offset = length − count + 1)
    [InlineData(16)]
    public void A_vector_outside_the_span_is_refused(int offset)
    {
        AssertRefused<Lane128, Vector128<double>>(offset);
        AssertRefused<Lane256, Vector256<double>>(offset);
        AssertRefused<Lane512, Vector512<double>>(offset);
    }

    [Fact]
    public void The_last_whole_vector_of_a_span_is_accepted()
    {
        var data = Enumerable.Range(0, 16).Select(i => (double)i).ToArray();
        Assert.Equal(15.0, Lane512.Element(Lane512.Load(data, 8), 7));
        Lane256.Store(Lane256.Constant(-1), data, 12);
        Assert.Equal(-1.0, data[15]);
    }

    static void AssertRefused<TLane, TMask>(int offset)
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
    {
        const int length = 16;
        var data = new double[length];
        int at = offset == 1 - 8 ? length - TLane.Count + 1 : offset;
        Assert.Throws<ArgumentOutOfRangeException>(() => TLane.Load(data, at));
        Assert.Throws<ArgumentOutOfRangeException>(() => TLane.Store(TLane.Constant(1), data, at));
        Assert.All(data, x => Assert.Equal(0.0, x));
    }
}

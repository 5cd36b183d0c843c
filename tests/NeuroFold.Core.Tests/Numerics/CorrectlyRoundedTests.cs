using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Numerics;
using Xunit;

namespace NeuroFold.Core.Tests.Numerics;

/// <summary>
/// The core's exp, ln, sin and cos are correctly rounded: checked against mpmath's values of the hard and worst cases
/// (committed, <c>Numerics/Data</c>), against the exact BigInteger path on random arguments, and by IEEE 754's special
/// values. The check on 10⁶ random arguments per function runs in CI (<c>tools/crmath/check.sh</c>).
/// </summary>
public sealed class CorrectlyRoundedTests
{
    const double TwoToMinus31 = 1.0 / 2147483648.0;

    static readonly Func<double, double>[] Functions = [CorrectlyRounded.Exp, CorrectlyRounded.Log, CorrectlyRounded.Sin, CorrectlyRounded.Cos];

    static Func<double, double> Function(string name) => name switch
    {
        "exp" => CorrectlyRounded.Exp,
        "log" => CorrectlyRounded.Log,
        "sin" => CorrectlyRounded.Sin,
        "cos" => CorrectlyRounded.Cos,
        _ => throw new ArgumentException(name, nameof(name)),
    };

    /// <summary>mpmath's correctly rounded results of the hard cases (results near a rounding midpoint, CORE-MATH's worst cases, domain edges, special values), bit for bit.</summary>
    [Theory]
    [InlineData("exp")]
    [InlineData("log")]
    [InlineData("sin")]
    [InlineData("cos")]
    public void Hard_and_worst_cases_round_as_mpmath_rounds_them(string name)
    {
        var f = Function(name);
        string path = Path.Combine(AppContext.BaseDirectory, "Numerics", "Data", $"{name}.hard");
        var differences = new List<string>();
        int count = 0;
        int nearest = 0;
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            string[] fields = line.Split(',');
            double x = FromHex(fields[0]);
            ulong expected = ulong.Parse(fields[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            ulong actual = BitConverter.DoubleToUInt64Bits(f(x));
            count++;
            double distance = double.Parse(fields[2], CultureInfo.InvariantCulture);
            if (distance < 1e-9 || distance > 0.5 - 1e-9)
            {
                nearest++;
            }

            bool bothNaN = double.IsNaN(BitConverter.UInt64BitsToDouble(expected)) && double.IsNaN(BitConverter.UInt64BitsToDouble(actual));
            if (actual != expected && !bothNaN && differences.Count < 10)
            {
                differences.Add($"{name}({fields[0]}) = {actual:X16}, mpmath {expected:X16}");
            }
        }

        Assert.True(count > 1000, $"only {count} cases in {path}");
        Assert.True(nearest > 100, $"only {nearest} of the cases lie within 1e-9 ulp of a midpoint or of a double: not hard cases");
        Assert.Empty(differences);
    }

    /// <summary>The fast path (128-bit fixed point) and the exact path (BigInteger, 192 bits and more) give the same double, over the ranges the core uses and over all doubles by bits.</summary>
    [Property(MaxTest = 3000)]
    public Property The_fast_path_agrees_with_the_exact_path() =>
        Prop.ForAll(Argument.ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), (x, which) =>
        {
            double fast = Functions[which](x);
            double exact = which switch
            {
                0 => ExactOrSpecial(x, CorrectlyRounded.Exp, v => v > -746.0 && v < 710.0 && Math.Abs(v) >= Math.ScaleB(1.0, -54), ExactPath.Exp),
                1 => ExactOrSpecial(x, CorrectlyRounded.Log, v => v > 0.0 && v != 1.0 && double.IsFinite(v), ExactPath.Log),
                2 => ExactOrSpecial(x, CorrectlyRounded.Sin, v => Math.Abs(v) >= Math.ScaleB(1.0, -26) && double.IsFinite(v), v => v < 0 ? -ExactPath.SinCos(-v, cos: false) : ExactPath.SinCos(v, cos: false)),
                _ => ExactOrSpecial(x, CorrectlyRounded.Cos, v => Math.Abs(v) >= Math.ScaleB(1.0, -27) && double.IsFinite(v), v => ExactPath.SinCos(Math.Abs(v), cos: true)),
            };
            return BitConverter.DoubleToUInt64Bits(fast) == BitConverter.DoubleToUInt64Bits(exact);
        }).Label("fast path = exact path");

    /// <summary>The arguments the core passes (Box–Muller, the ziggurat, the Jaxley decay, the FFT twiddles) and doubles of every size.</summary>
    static Gen<double> Argument => Gen.OneOf(
        Gen.Choose(0, int.MaxValue).Select(i => -(i / (double)int.MaxValue) * 50.0),
        Gen.Choose(0, int.MaxValue).Select(i => 1.0 - (i * TwoToMinus31)),
        Gen.Choose(0, int.MaxValue).Select(i => 2.0 * Math.PI * (i * TwoToMinus31)),
        Gen.Choose(-1074, 1023).Zip(Gen.Choose(0, int.MaxValue), (e, m) => Math.ScaleB(1.0 + (m * TwoToMinus31), e)),
        Gen.Choose(int.MinValue, int.MaxValue).Zip(Gen.Choose(int.MinValue, int.MaxValue), (hi, lo) => BitConverter.UInt64BitsToDouble(((ulong)(uint)hi << 32) | (uint)lo)));

    static double ExactOrSpecial(double x, Func<double, double> f, Func<double, bool> ordinary, Func<double, double> exact) =>
        ordinary(x) ? exact(x) : f(x);

    [Fact]
    public void Special_values_follow_IEEE_754()
    {
        double nan = BitConverter.UInt64BitsToDouble(0x7FF0000000000001UL); // a signalling NaN
        foreach (var f in Functions)
        {
            Assert.Equal(0x7FF8000000000001UL, BitConverter.DoubleToUInt64Bits(f(nan))); // the same NaN, quiet
            Assert.True(double.IsNaN(f(double.NaN)));
        }

        Assert.Equal(1.0, CorrectlyRounded.Exp(0.0));
        Assert.Equal(1.0, CorrectlyRounded.Exp(-0.0));
        Assert.Equal(double.PositiveInfinity, CorrectlyRounded.Exp(double.PositiveInfinity));
        Assert.Equal(0UL, BitConverter.DoubleToUInt64Bits(CorrectlyRounded.Exp(double.NegativeInfinity)));
        Assert.Equal(1.7976931348622732e308, CorrectlyRounded.Exp(709.782712893384)); // the largest finite result
        Assert.Equal(double.PositiveInfinity, CorrectlyRounded.Exp(709.7827128933841));
        Assert.Equal(double.Epsilon, CorrectlyRounded.Exp(-745.1332191019411)); // rounds up to the smallest subnormal
        Assert.Equal(0.0, CorrectlyRounded.Exp(-745.1332191019412));
        Assert.Equal(Math.E, CorrectlyRounded.Exp(1.0));

        Assert.Equal(double.NegativeInfinity, CorrectlyRounded.Log(0.0));
        Assert.Equal(double.NegativeInfinity, CorrectlyRounded.Log(-0.0));
        Assert.True(double.IsNaN(CorrectlyRounded.Log(-1.0)));
        Assert.True(double.IsNaN(CorrectlyRounded.Log(double.NegativeInfinity)));
        Assert.Equal(double.PositiveInfinity, CorrectlyRounded.Log(double.PositiveInfinity));
        Assert.Equal(0UL, BitConverter.DoubleToUInt64Bits(CorrectlyRounded.Log(1.0)));
        Assert.Equal(-744.4400719213812, CorrectlyRounded.Log(double.Epsilon));
        Assert.Equal(709.782712893384, CorrectlyRounded.Log(double.MaxValue));
        Assert.Equal(1.0, CorrectlyRounded.Log(Math.E));

        Assert.Equal(0x8000000000000000UL, BitConverter.DoubleToUInt64Bits(CorrectlyRounded.Sin(-0.0)));
        Assert.Equal(double.Epsilon, CorrectlyRounded.Sin(double.Epsilon));
        Assert.True(double.IsNaN(CorrectlyRounded.Sin(double.PositiveInfinity)));
        Assert.True(double.IsNaN(CorrectlyRounded.Cos(double.NegativeInfinity)));
        Assert.Equal(1.0, CorrectlyRounded.Cos(-0.0));
        Assert.Equal(6.123233995736766e-17, CorrectlyRounded.Cos(Math.PI / 2));
        Assert.Equal(1.2246467991473532e-16, CorrectlyRounded.Sin(Math.PI));
        Assert.Equal(-1.0, CorrectlyRounded.Cos(Math.PI));
    }

    [Property(MaxTest = 500)]
    public Property Sine_is_odd_and_cosine_is_even() =>
        Prop.ForAll(Argument.ToArbitrary(), x =>
            BitConverter.DoubleToUInt64Bits(CorrectlyRounded.Sin(-x)) == BitConverter.DoubleToUInt64Bits(-CorrectlyRounded.Sin(x)) || double.IsNaN(x) || double.IsInfinity(x))
        .And(Prop.ForAll(Argument.ToArbitrary(), x => BitConverter.DoubleToUInt64Bits(CorrectlyRounded.Cos(-x)) == BitConverter.DoubleToUInt64Bits(CorrectlyRounded.Cos(x)) || double.IsNaN(x) || double.IsInfinity(x)));

    /// <summary>Correct rounding is monotone: a larger argument never gives a smaller exp or ln.</summary>
    [Property(MaxTest = 500)]
    public Property Exp_and_log_are_monotone() =>
        Prop.ForAll(Argument.ToArbitrary(), x =>
        {
            double y = Math.BitIncrement(x);
            return !double.IsFinite(x) || (CorrectlyRounded.Exp(y) >= CorrectlyRounded.Exp(x) && (x <= 0.0 || CorrectlyRounded.Log(y) >= CorrectlyRounded.Log(x)));
        });

    static double FromHex(string hex) =>
        BitConverter.UInt64BitsToDouble(ulong.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}

using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Stimuli;
using NeuroFold.Testing;

namespace NeuroFold.Core.Tests;

/// <summary>The Jaxley time grid and step-current windows follow Python's float semantics.</summary>
[Properties(MaxTest = 1000)]
public class TimeGridProperties
{
    /// <summary>The exact floor of a/b for positive finite doubles, by exact rational arithmetic (an oracle independent of fmod).</summary>
    static BigInteger ExactFloor(double a, double b)
    {
        var (ma, ea) = Decompose(a);
        var (mb, eb) = Decompose(b);
        int shift = ea - eb;
        var num = shift >= 0 ? ma << shift : ma;
        var den = shift >= 0 ? mb : mb << -shift;
        return BigInteger.Divide(num, den);
    }

    static (BigInteger Mantissa, int Exponent) Decompose(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int exp = (int)((bits >> 52) & 0x7FF);
        long frac = bits & 0xFFFFFFFFFFFFFL;
        return exp == 0 ? (frac, -1074) : (frac | (1L << 52), exp - 1075);
    }

    /// <summary>Decimal values a user types: k/10^p.</summary>
    static Gen<double> Decimal(int maxUnits, int places) =>
        from k in Gen.Choose(0, maxUnits)
        select k / Math.Pow(10, places);

    static readonly Gen<double> DtGen =
        from p in Gen.Choose(1, 4)
        from k in Gen.Choose(1, 999)
        select k / Math.Pow(10, p);

    static readonly Gen<double> TMaxGen =
        from p in Gen.Choose(0, 3)
        from t in Decimal(1_000_000, p)
        select t;

    /// <summary>Guards the step count: Python's float floor division equals the exact floor of the real quotient in range.</summary>
    [Property]
    public Property Python_floor_division_is_the_exact_floor_of_the_quotient() =>
        Prop.ForAll(DtGen.ToArbitrary(), TMaxGen.ToArbitrary(), (dt, tMax) =>
            (BigInteger)TimeGrid.PythonFloorDiv(tMax, dt) == (tMax == 0 ? BigInteger.Zero : ExactFloor(tMax, dt)));

    /// <summary>Guards the grid: steps = ⌊t_max/dt⌋ + 1 for any valid dt and t_max.</summary>
    [Property]
    public Property The_grid_has_floor_plus_one_steps() =>
        Prop.ForAll(DtGen.ToArbitrary(), TMaxGen.ToArbitrary(), (dt, tMax) =>
            TimeGrid.Create(dt, tMax).Match(
                Succ: g => g.Steps == (int)TimeGrid.PythonFloorDiv(tMax, dt) + 1,
                Fail: _ => TimeGrid.PythonFloorDiv(tMax, dt) + 1 > TimeGrid.MaxSteps));

    [Theory]
    [InlineData(200.0, 0.1, 1999.0)]
    [InlineData(0.3, 0.1, 2.0)]
    [InlineData(1.0, 0.1, 9.0)]
    [InlineData(300.0, 0.025, 11999.0)]
    [InlineData(0.0, 0.1, 0.0)]
    [InlineData(0.7, 0.1, 6.0)]
    public void Known_Python_results(double a, double b, double expected) =>
        Assert.Equal(expected, TimeGrid.PythonFloorDiv(a, b)); // each value printed by CPython 3.11: a // b

    static readonly Gen<(double Dt, double Delay, double Dur, double Amp)> WindowGen =
        from dt in DtGen
        from delay in Decimal(3000, 1)
        from dur in Decimal(3000, 1)
        from amp in NeuroGen.Range(-20, 20)
        select (dt, delay, dur, amp);

    /// <summary>Guards the window: the amplitude sits exactly on steps [int(delay/dt), int((delay+dur)/dt)), clipped to the grid.</summary>
    [Property]
    public Property A_step_current_covers_exactly_its_window() =>
        Prop.ForAll(WindowGen.ToArbitrary(), w =>
        {
            var (dt, delay, dur, amp) = w;
            var grid = TimeGrid.Create(dt, 100 * dt + (dt / 2)).Match(Succ: g => g, Fail: _ => throw new InvalidOperationException());
            var s = new StepCurrent(delay, dur, amp);
            var values = s.Sample(grid);
            long start = (long)Math.Truncate(delay / dt);
            long end = (long)Math.Truncate((delay + dur) / dt);
            bool ok = values.Length == grid.Steps;
            for (int k = 0; ok && k < values.Length; k++)
            {
                ok = values[k] == (k >= start && k < end ? amp : 0.0);
            }

            return ok;
        });

    [Fact]
    public void Invalid_grids_name_every_field()
    {
        var errors = TimeGrid.Create(0, -1).Match(Succ: _ => "", Fail: es => string.Join("|", es.Map(e => e.Message)));
        Assert.Contains("dt must be finite and > 0", errors, StringComparison.Ordinal);
        Assert.Contains("t_max must be finite and >= 0", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_steps_are_rejected_not_allocated() =>
        Assert.True(TimeGrid.Create(1e-9, 1e9).IsFail);
}

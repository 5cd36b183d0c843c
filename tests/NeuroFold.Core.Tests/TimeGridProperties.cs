using System.Numerics;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Stimuli;
using NeuroFold.Core.Tests.Support;
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

    /// <summary>The step sizes of the published protocols and their neighbours.</summary>
    static readonly Gen<double> ColonDtGen = Gen.Elements(0.001, 0.01, 0.025, 0.1, 0.2, 0.25, 0.3, 0.5, 0.7, 1.0);

    /// <summary>Guards figure1.m's labels: a colon grid has one step per element of 0:dt:t_max and labels step k with element k, bit for bit.</summary>
    [Property(MaxTest = 300)]
    public Property A_colon_grid_is_labelled_by_the_elements_of_MATLABs_colon() =>
        Prop.ForAll(Gen.OneOf(DtGen, ColonDtGen).ToArbitrary(), Decimal(200_000, 2).ToArbitrary(), (dt, tMax) =>
        {
            var colon = MatlabColon.Build(0.0, dt, tMax);
            if (colon.Length > 20_000)
            {
                return true; // keep the check fast; long grids follow the same two-sided rule
            }

            var grid = Grids.Colon(dt, tMax);
            bool same = grid.Steps == colon.Length && grid.Labels == TimeLabels.MatlabColon && grid.DtMs == dt
                && Bits.Same(grid.DurationMs, colon.Length * dt);
            for (int k = 0; same && k < colon.Length; k++)
            {
                same = Bits.Same(colon[k], grid.TimeAfterStep(k));
            }

            return same;
        });

    [Fact]
    public void The_colon_grid_of_the_observed_MATLAB_difference_ends_on_t_max()
    {
        var grid = Grids.Colon(0.1, 0.3);
        Assert.Equal(4, grid.Steps);
        Assert.Equal(0.3, grid.TimeAfterStep(3));
        Assert.Equal(MatlabColon.Build(0, 0.1, 0.3)[2], grid.TimeAfterStep(2));
    }

    [Fact]
    public void Labels_choose_the_factory()
    {
        var colon = TimeGrid.Create(TimeLabels.MatlabColon, 0.25, 100).Match(g => g, _ => throw new InvalidOperationException());
        Assert.Equal(Grids.Colon(0.25, 100), colon);
        var after = TimeGrid.Create(TimeLabels.AfterStep, 0.1, 200).Match(g => g, _ => throw new InvalidOperationException());
        Assert.Equal(TimeGrid.Create(0.1, 200).Match(g => g, _ => throw new InvalidOperationException()), after);
        Assert.Equal(2000, after.Steps);
        Assert.Equal(401, colon.Steps);
    }

    /// <summary>Guards the exact grid: FromSteps keeps the count and dt, labels (k+1)·dt, and a duration of steps·dt.</summary>
    [Property(MaxTest = 300)]
    public Property FromSteps_is_exactly_the_steps_asked_for() =>
        Prop.ForAll(DtGen.ToArbitrary(), Gen.Choose(0, 1_000_000).ToArbitrary(), (dt, steps) =>
            TimeGrid.FromSteps(dt, steps).Match(
                Succ: g => g.Steps == steps && g.DtMs == dt && g.Labels == TimeLabels.AfterStep && g.DurationMs == steps * dt
                    && (steps == 0 || (g.TimeAfterStep(0) == dt && g.TimeAfterStep(steps - 1) == steps * dt)),
                Fail: _ => false));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(-double.Epsilon)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void FromSteps_rejects_a_step_size_that_is_not_finite_and_positive(double dt)
    {
        var errors = Errors(TimeGrid.FromSteps(dt, 10));
        Assert.Single(errors);
        Assert.StartsWith("dt must be finite and > 0", errors[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(TimeGrid.MaxSteps + 1)]
    [InlineData(int.MaxValue)]
    public void FromSteps_rejects_a_step_count_outside_0_to_MaxSteps(int steps)
    {
        var errors = Errors(TimeGrid.FromSteps(0.1, steps));
        Assert.Single(errors);
        Assert.StartsWith($"steps must be a whole number in 0..{TimeGrid.MaxSteps}", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void FromSteps_reports_both_problems_and_accepts_the_limits()
    {
        Assert.Equal(2, Errors(TimeGrid.FromSteps(double.NaN, -5)).Count);
        Assert.Equal(0, Grids.Steps(0.1, 0).Steps);
        Assert.Equal(TimeGrid.MaxSteps, Grids.Steps(1.0, TimeGrid.MaxSteps).Steps); // a grid is a count, not an allocation
    }

    /// <summary>Guards that a grid is made only by its factories, which keep steps and labels consistent.</summary>
    [Fact]
    public void TimeGrid_has_no_constructor_outside_the_type()
    {
        var constructors = typeof(TimeGrid).GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
        Assert.NotEmpty(constructors);
        Assert.Empty(typeof(TimeGrid).GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        Assert.All(constructors, c => Assert.True(c.IsPrivate, $"{c} is reachable from outside"));
    }

    static List<string> Errors(LanguageExt.Validation<LanguageExt.Common.Error, TimeGrid> v) =>
        v.Match(Succ: _ => [], Fail: es => es.Map(e => e.Message).ToList());
}

using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using NeuroFold.Core.Tests.Support;
using Xunit;

namespace NeuroFold.Core.Tests;

public sealed class SpikeStatisticsTests
{
    [Fact]
    public void No_spikes_gives_zero_rate_and_nulls()
    {
        var s = SpikeStatistics.Compute([], 200.0);
        Assert.Equal(0, s.SpikeCount);
        Assert.Equal(0.0, s.MeanRateHz);
        Assert.Null(s.FirstSpikeMs);
        Assert.Null(s.LastSpikeMs);
        Assert.Null(s.IsiMeanMs);
        Assert.Null(s.IsiSdMs);
        Assert.Null(s.IsiCv);
        Assert.Null(s.IsiMinMs);
        Assert.Null(s.IsiMaxMs);
    }

    [Fact]
    public void One_spike_has_first_and_last_but_no_intervals()
    {
        var s = SpikeStatistics.Compute([12.5], 500.0);
        Assert.Equal(2.0, s.MeanRateHz);
        Assert.Equal(12.5, s.FirstSpikeMs);
        Assert.Equal(12.5, s.LastSpikeMs);
        Assert.Null(s.IsiMeanMs);
        Assert.Null(s.IsiMinMs);
        Assert.Null(s.IsiSdMs);
    }

    [Fact]
    public void Two_spikes_have_one_interval_and_no_spread()
    {
        var s = SpikeStatistics.Compute([10.0, 35.0], 1000.0);
        Assert.Equal(2.0, s.MeanRateHz);
        Assert.Equal(25.0, s.IsiMeanMs);
        Assert.Equal(25.0, s.IsiMinMs);
        Assert.Equal(25.0, s.IsiMaxMs);
        Assert.Null(s.IsiSdMs);
        Assert.Null(s.IsiCv);
    }

    [Fact]
    public void Worked_example_matches_hand_computation()
    {
        // ISIs 10, 20, 30 ms: mean 20, sample sd = sqrt((100 + 0 + 100) / 2) = 10, CV = 0.5.
        var s = SpikeStatistics.Compute([5.0, 15.0, 35.0, 65.0], 100.0);
        Assert.Equal(4, s.SpikeCount);
        Assert.Equal(40.0, s.MeanRateHz);
        Assert.Equal(5.0, s.FirstSpikeMs);
        Assert.Equal(65.0, s.LastSpikeMs);
        Assert.Equal(20.0, s.IsiMeanMs);
        Assert.Equal(10.0, s.IsiSdMs);
        Assert.Equal(0.5, s.IsiCv);
        Assert.Equal(10.0, s.IsiMinMs);
        Assert.Equal(30.0, s.IsiMaxMs);
    }

    [Fact]
    public void Regular_train_has_zero_spread()
    {
        var s = SpikeStatistics.Compute([10.0, 20.0, 30.0, 40.0], 50.0);
        Assert.Equal(0.0, s.IsiSdMs);
        Assert.Equal(0.0, s.IsiCv);
    }

    [Fact]
    public void Grid_duration_is_steps_times_dt()
    {
        var grid = Grids.Steps(0.5, 21);
        var s = SpikeStatistics.Compute(new SpikeTrain([3], [2.0]), grid);
        Assert.Equal(10.5, s.DurationMs);
        Assert.Equal(1.0 / 0.0105, s.MeanRateHz);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Duration_must_be_positive_and_finite(double duration) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SpikeStatistics.Compute([1.0], duration));

    static readonly Arbitrary<double[]> SpikeTimes =
        Gen.Choose(0, 60).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 2_000_000), n))
            .Select(xs =>
            {
                // ascending spike times built from positive intervals of 0.001 … 2000 ms
                var t = new double[xs.Length];
                double acc = 0;
                for (int i = 0; i < xs.Length; i++)
                {
                    acc += xs[i] / 1000.0;
                    t[i] = acc;
                }

                return t;
            })
            .ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Interval_statistics_are_ordered_and_consistent() =>
        Prop.ForAll(SpikeTimes, times =>
        {
            double duration = times.Length == 0 ? 100.0 : times[^1] + 1.0;
            var s = SpikeStatistics.Compute(ImmutableArray.Create(times), duration);
            bool countOk = s.SpikeCount == times.Length && s.MeanRateHz == times.Length / (duration / 1000.0);
            bool nulls = (s.IsiMeanMs is null) == (times.Length < 2) && (s.IsiSdMs is null) == (times.Length < 3);
            bool ordered = s.IsiMeanMs is not double mean
                           || (s.IsiMinMs <= mean * (1 + 1e-12) && mean <= s.IsiMaxMs * (1 + 1e-12));
            bool cv = s.IsiSdMs is not double sd || s.IsiCv == sd / s.IsiMeanMs;
            return countOk && nulls && ordered && cv;
        });
}

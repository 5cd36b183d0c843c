using NeuroFold.Core.Stimuli;
using Xunit;

namespace NeuroFold.Core.Tests.Published;

/// <summary>MATLAB's colon operator, checked against behaviour observed in MATLAB and its documented algorithm.</summary>
public sealed class MatlabColonTests
{
    [Fact]
    public void Reproduces_the_observed_difference_between_0_to_0p3_and_0_to_0p4()
    {
        // Observed in MATLAB (MATLAB Answers, "Floating point accuracy and COLON", 2012):
        // x = 0:0.1:0.3; y = 0:0.1:0.4; x - y(1:end-1) = 1e-16 * [0 0 -0.2776 -0.5551], and x(end) == 0.3.
        var x = MatlabColon.Build(0, 0.1, 0.3);
        var y = MatlabColon.Build(0, 0.1, 0.4);
        Assert.Equal(4, x.Length);
        Assert.Equal(5, y.Length);
        Assert.Equal(0.3, x[^1]);
        Assert.Equal(0.0, x[1] - y[1]);
        Assert.Equal(-Math.ScaleB(1.0, -55), x[2] - y[2]); // -0.2776e-16
        Assert.Equal(-Math.ScaleB(1.0, -54), x[3] - y[3]); // -0.5551e-16
    }

    [Theory]
    [InlineData(0.25, 100, 401)]
    [InlineData(0.2, 200, 1001)]
    [InlineData(0.1, 50, 501)]
    [InlineData(0.5, 350, 701)]
    [InlineData(0.025, 300, 12001)]
    [InlineData(0.3, 1, 4)]
    public void Counts_floor_T_over_tau_plus_one_with_MATLABs_tolerance(double tau, double t, int count)
    {
        var values = MatlabColon.Build(0, tau, t);
        Assert.Equal(count, values.Length);
        Assert.True(values[^1] <= t + 1e-12);
    }

    [Theory]
    [InlineData(0.2, 200)]
    [InlineData(0.1, 50)]
    [InlineData(0.25, 300)]
    public void First_half_counts_up_from_0_and_second_half_down_from_T(double tau, double t)
    {
        var values = MatlabColon.Build(0, tau, t);
        int n = values.Length - 1;
        for (int k = 0; k <= n / 2; k++)
        {
            if (k != n - k)
            {
                Assert.Equal(k * tau, values[k]);
                Assert.Equal(t - (k * tau), values[n - k]);
            }
        }

        Assert.Equal(t, values[n]);
        Assert.Equal(0.0, values[0]);
    }

    [Fact]
    public void Rejects_a_non_positive_step()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MatlabColon.Build(0, 0, 1));
    }
}

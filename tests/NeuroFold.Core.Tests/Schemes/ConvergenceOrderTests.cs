using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Tests.Support;
using Xunit;

namespace NeuroFold.Core.Tests.Schemes;

/// <summary>
/// The three explicit schemes are first order: below threshold (no reset), halving dt halves the error at a fixed time.
/// Reference: the same scheme at dt/64. (Diffrax's <c>test_ode_order</c> pattern.)
/// </summary>
public sealed class ConvergenceOrderTests
{
    static readonly IzhikevichParameters Rs = new(0.02, 0.2, -65, 8);

    static double FinalV<TScheme>(double dt, double tMax)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters>
    {
        int steps = (int)Math.Round(tMax / dt);
        var input = new double[steps];
        Array.Fill(input, 3.0);
        var run = Simulation.Simulation.Run<TScheme>(Rs, IzhikevichState.AtNullcline(Rs, -70), Grids.Steps(dt, steps), input, 1.0, Recording.SpikesOnly);
        Assert.True(run.Status.IsCompleted);
        Assert.Equal(0, run.Spikes.Count);
        Assert.True(run.Final.V < 30);
        return run.Final.V;
    }

    static double ObservedOrder<TScheme>()
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters>
    {
        const double tMax = 4.0;
        double reference = FinalV<TScheme>(0.2 / 64, tMax);
        double e1 = Math.Abs(FinalV<TScheme>(0.2, tMax) - reference);
        double e2 = Math.Abs(FinalV<TScheme>(0.1, tMax) - reference);
        double e3 = Math.Abs(FinalV<TScheme>(0.05, tMax) - reference);
        return Math.Log2(Math.Sqrt((e1 / e2) * (e2 / e3)));
    }

    [Fact]
    public void Paper_is_first_order() => Assert.InRange(ObservedOrder<PaperScheme>(), 0.85, 1.2);

    [Fact]
    public void Forward_euler_is_first_order() => Assert.InRange(ObservedOrder<ForwardEulerScheme>(), 0.85, 1.2);

    [Fact]
    public void Net2003_is_first_order() => Assert.InRange(ObservedOrder<Net2003Scheme>(), 0.85, 1.2);
}

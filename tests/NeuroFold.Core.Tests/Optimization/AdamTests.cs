using System.Collections.Immutable;
using NeuroFold.Core.Gradients;
using NeuroFold.Core.Models;
using NeuroFold.Core.Optimization;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Core.Tests.Optimization;

/// <summary>Adam over bounded parameters: on a quadratic, and recovering a 2007 cell's parameters from its own trace with forward-mode gradients.</summary>
public class AdamTests
{
    [Fact]
    public void A_bounded_quadratic_is_minimised_inside_the_box_and_deterministically()
    {
        (double, ImmutableArray<double>) Quadratic(ImmutableArray<double> x) =>
            (((x[0] - 1) * (x[0] - 1)) + (4 * (x[1] + 2) * (x[1] + 2)), [2 * (x[0] - 1), 8 * (x[1] + 2)]);
        ImmutableArray<Bound> bounds = [new(-5, 5), new(-1.5, 3)]; // the second minimum (−2) lies outside: the best is at the bound
        var a = Adam.Minimize(Quadratic, [4.0, 2.0], bounds, new AdamOptions(0.1, 600));
        var b = Adam.Minimize(Quadratic, [4.0, 2.0], bounds, new AdamOptions(0.1, 600));
        Assert.Equal(1.0, a.Best[0], 3);
        Assert.InRange(a.Best[1], -1.5, -1.45); // through the sigmoid a bound is approached, never reached
        Assert.Equal(a.Best.ToArray(), b.Best.ToArray());
        Assert.Equal(a.LossCurve.ToArray(), b.LossCurve.ToArray());
        Assert.Equal(600, a.Evaluations);
    }

    /// <summary>
    /// A synthetic trace of rs-2007 (subthreshold: a current that never reaches the spike) is fitted from k and b off by
    /// 30 %: the voltage MSE, its gradient by forward mode, 300 Adam steps. The loss falls 100-fold and k, b approach the truth.
    /// </summary>
    [Fact]
    public void Forward_mode_gradients_recover_a_2007_cells_parameters_from_its_own_trace()
    {
        var truth = Presets2007.All[0].Parameters;
        var grid = TimeGrid.FromSteps(0.2, 3000).OrThrow();
        var current = new double[grid.Steps];
        for (int k = 0; k < current.Length; k++)
        {
            current[k] = 20 + (25 * Math.Sin(k * 0.01)) + (10 * Math.Sin(k * 0.063));
        }

        var start = new IzhikevichState(truth.VrMv, 0);
        var target = Simulation.Simulation.Run<Izhikevich2007Scheme, Izhikevich2007Parameters>(truth, start, grid, current, 0, Recording.Full).Trace.VMv;
        Assert.True(Simulation.Simulation.Run<Izhikevich2007Scheme, Izhikevich2007Parameters>(truth, start, grid, current, 0, Recording.Full).Spikes.Count == 0);
        (double, ImmutableArray<double>) Loss(ImmutableArray<double> x)
        {
            var p = Izhikevich2007Parameters.Create(truth.CapacitancePf, x[0], truth.VrMv, truth.VtMv, truth.VPeakMv, truth.A, x[1], truth.C, truth.D, truth.Rule).OrThrow();
            var run = ForwardMode.Run2007<NoSurrogate>(p, start, 1.0, 0.0, grid, current);
            var adjoint = new double[grid.Steps];
            double loss = 0;
            for (int k = 0; k < grid.Steps; k++)
            {
                double e = run.Run.Trace.VMv[k + 1] - target[k + 1];
                loss += e * e / grid.Steps;
                adjoint[k] = 2 * e / grid.Steps;
            }

            var g = run.Gradient(adjoint);
            return (loss, [g[1], g[6]]);
        }

        ImmutableArray<double> x0 = [truth.K * 1.3, truth.B * 0.7];
        var result = Adam.Minimize(Loss, x0, [new(0.1, 3), new(-10, 5)], new AdamOptions(0.05, 300));
        Assert.True(result.BestLoss < result.LossCurve[0] / 100, $"loss {result.LossCurve[0]} → {result.BestLoss}");
        Assert.True(Math.Abs(result.Best[0] - truth.K) < 0.3 * Math.Abs(x0[0] - truth.K), $"k {x0[0]} → {result.Best[0]} (truth {truth.K})");
    }
}

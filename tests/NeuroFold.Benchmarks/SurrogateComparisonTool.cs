using System.Collections.Immutable;
using System.Globalization;
using NeuroFold.Core;
using NeuroFold.Core.Gradients;
using NeuroFold.Core.Losses;
using NeuroFold.Core.Models;
using NeuroFold.Core.Optimization;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Benchmarks;

/// <summary>
/// <c>surrogates [ITERATIONS]</c>: issue 13's item 8 as numbers: Adam fits (a, b, c, d) of the Jaxley scheme to a synthetic
/// trace of known parameters (rs: 0.02, 0.2, −65, 8; dt 0.1 ms, 1000 ms of a fluctuating current), once with the exact
/// gradient (<c>none</c>) and once per surrogate, from the same start (0.03, 0.25, −60, 6). The loss is the voltage MSE
/// with 0.4 ms before and 4 ms after every data or model spike left out; its gradient comes from forward mode. Prints
/// every 10th iteration's loss and parameters per surrogate as CSV on stdout.
/// </summary>
internal static class SurrogateComparisonTool
{
    public static int Run(string[] args)
    {
        int iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        var truth = Presets.RegularSpiking;
        var start = new IzhikevichState(-65, -13);
        var grid = TimeGrid.FromSteps(0.1, 10_000).OrThrow();
        var current = new double[grid.Steps];
        for (int k = 0; k < current.Length; k++)
        {
            current[k] = 8 + (6 * Math.Sin(k * 0.0021)) + (3 * Math.Sin(k * 0.013));
        }

        var data = Simulation.Run<JaxleyScheme>(truth, start, grid, current, 1.0, Recording.Full);
        var dataV = data.Trace.VMv.ToArray();
        var dataSpikes = data.Spikes.Steps.Select(s => s + 1).ToArray();
        var how = VoltageComparison.Create(1, dataV.Length, SpikeHandling.Mask, 0, 4, 40).OrThrow();
        Console.WriteLine(FormattableString.Invariant($"# truth a=0.02 b=0.2 c=-65 d=8; data spikes {data.Spikes.Count}"));
        Console.WriteLine("surrogate,iteration,loss,a,b,c,d");
        ImmutableArray<Bound> bounds = [new(0.005, 0.2), new(0.05, 0.4), new(-80, -40), new(0, 12)];
        foreach (var name in new[] { "none", "jaxley", "superspike", "sigmoid" })
        {
            Func<ImmutableArray<double>, (double, ImmutableArray<double>)> loss = name switch
            {
                "jaxley" => x => Loss<JaxleySurrogate>(x, start, grid, current, dataV, dataSpikes, how),
                "superspike" => x => Loss<SuperSpikeSurrogate>(x, start, grid, current, dataV, dataSpikes, how),
                "sigmoid" => x => Loss<SigmoidSurrogate>(x, start, grid, current, dataV, dataSpikes, how),
                _ => x => Loss<NoSurrogate>(x, start, grid, current, dataV, dataSpikes, how),
            };
            var path = new List<ImmutableArray<double>>();
            var result = Adam.Minimize(
                x =>
                {
                    path.Add(x);
                    return loss(x);
                },
                [0.03, 0.25, -60.0, 6.0],
                bounds,
                new AdamOptions(0.05, iterations));
            for (int i = 0; i < result.LossCurve.Length; i++)
            {
                if (i % 10 == 0 || i == result.LossCurve.Length - 1)
                {
                    var x = path[i];
                    Console.WriteLine(FormattableString.Invariant($"{name},{i},{result.LossCurve[i]:R},{x[0]:R},{x[1]:R},{x[2]:R},{x[3]:R}"));
                }
            }

            Console.WriteLine(FormattableString.Invariant($"# {name}: best loss {result.BestLoss:R} at a={result.Best[0]:R} b={result.Best[1]:R} c={result.Best[2]:R} d={result.Best[3]:R} after {result.Evaluations} evaluations"));
        }

        return 0;
    }

    static (double, ImmutableArray<double>) Loss<TSurrogate>(
        ImmutableArray<double> x, IzhikevichState start, TimeGrid grid, double[] current, double[] dataV, int[] dataSpikes, VoltageComparison how)
        where TSurrogate : struct, ISurrogate
    {
        var p = IzhikevichParameters.Create(x[0], x[1], x[2], x[3]).OrThrow();
        var run = ForwardMode.Run2003<TSurrogate>("jaxley", p, start, 1.0, 0.0, grid, current, 1.0);
        var model = run.Run.Trace.VMv.ToArray();
        if (model.Length != dataV.Length)
        {
            return (double.PositiveInfinity, [0, 0, 0, 0]);
        }

        var adjoint = new double[model.Length];
        var modelSpikes = run.Run.Spikes.Steps.Select(s => s + 1).ToArray();
        double l = VoltageMse.Evaluate(model, dataV, dataSpikes, modelSpikes, how, adjoint);
        var g = run.Gradient(adjoint.AsSpan(1));
        return (l, [g[0], g[1], g[2], g[3]]);
    }
}

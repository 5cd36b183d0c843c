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
using ScottPlot;

namespace NeuroFold.Benchmarks;

/// <summary>
/// <c>surrogates [ITERATIONS]</c>: issue 13's item 8 as numbers: Adam fits (a, b, c, d) of the Jaxley scheme to a synthetic
/// trace of known parameters (rs: 0.02, 0.2, −65, 8; dt 0.1 ms, 1000 ms of a fluctuating current), once with the exact
/// gradient (<c>none</c>) and once per surrogate, from the same start (0.03, 0.25, −60, 6). The loss is the voltage MSE
/// with 0.4 ms before and 4 ms after every data or model spike left out; its gradient comes from forward mode. Prints
/// every 10th iteration's loss and parameters per surrogate as CSV on stdout and draws the loss curves and the parameter
/// paths into a PNG (second argument; default <c>docs/surrogate-comparison.png</c>).
/// </summary>
internal static class SurrogateComparisonTool
{
    public static int Run(string[] args)
    {
        int iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        string picture = args.Length > 1 ? args[1] : Path.Combine("docs", "surrogate-comparison.png");
        var runs = new List<(string Name, OptimizationResult Result, List<ImmutableArray<double>> Path)>();
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
            runs.Add((name, result, path));
        }

        Draw(runs, [truth.A, truth.B, truth.C, truth.D], picture);
        Console.WriteLine($"# wrote {picture}");
        return 0;
    }

    /// <summary>Top: log₁₀ loss per iteration, one line per surrogate; below: the path of a, b, c and d, with the truth dashed.</summary>
    static void Draw(List<(string Name, OptimizationResult Result, List<ImmutableArray<double>> Path)> runs, double[] truth, string path)
    {
        NeuroFold.Cli.Plots.PlotFiles.EnsureFonts();
        var multiplot = new ScottPlot.Multiplot();
        multiplot.AddPlots(5);
        multiplot.Layout = new NeuroFold.Cli.Plots.StackedRows([2, 1, 1, 1, 1]);
        string[] names = ["a", "b", "c (mV)", "d"];
        ScottPlot.Color[] colors = [ScottPlot.Colors.Black, ScottPlot.Colors.OrangeRed, ScottPlot.Colors.RoyalBlue, ScottPlot.Colors.SeaGreen];
        for (int r = 0; r < runs.Count; r++)
        {
            var (name, result, points) = runs[r];
            double[] xs = [.. Enumerable.Range(1, result.LossCurve.Length).Select(i => (double)i)];
            var loss = multiplot.GetPlot(0).Add.Scatter(xs, [.. result.LossCurve.Select(l => double.IsFinite(l) && l > 0 ? Math.Log10(l) : double.NaN)]);
            loss.MarkerSize = 0;
            loss.LineWidth = name == "none" ? 3 : 2;
            loss.Color = colors[r % colors.Length];
            loss.LegendText = name == "none" ? "none (exact map: Jaxley's choice)" : $"surrogate {name}";
            for (int j = 0; j < 4; j++)
            {
                var line = multiplot.GetPlot(j + 1).Add.Scatter(xs, [.. points.Select(p => p[j])]);
                line.MarkerSize = 0;
                line.LineWidth = name == "none" ? 3 : 2;
                line.Color = colors[r % colors.Length];
            }
        }

        multiplot.GetPlot(0).Title("Adam on the voltage MSE of a synthetic rs trace (Jaxley scheme): exact gradient vs surrogates");
        multiplot.GetPlot(0).YLabel("log10 loss (mV²)");
        multiplot.GetPlot(0).ShowLegend(ScottPlot.Alignment.UpperRight);
        for (int j = 0; j < 4; j++)
        {
            var plot = multiplot.GetPlot(j + 1);
            var t = plot.Add.HorizontalLine(truth[j]);
            t.LinePattern = ScottPlot.LinePattern.Dashed;
            t.Color = ScottPlot.Colors.Gray;
            plot.YLabel(names[j]);
        }

        multiplot.GetPlot(4).XLabel("iteration (truth dashed)");
        using var image = multiplot.Render(1200, 1400);
        File.WriteAllBytes(path, image.GetImageBytes(ScottPlot.ImageFormat.Png));
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

using System.Collections.Immutable;
using NeuroFold.Cli.Fitting;
using ScottPlot;

namespace NeuroFold.Cli.Plots;

/// <summary>The pictures of a fit: data against model on each stimulus (voltage and spike rasters), and the loss curves.</summary>
internal static class FitPlot
{
    public const int Width = 1400;

    const double RowMv = 200;

    /// <summary>The height of the traces figure for <paramref name="stimuli"/> rows.</summary>
    public static int Height(int stimuli) => 200 + (220 * stimuli);

    /// <summary>One row per stimulus, top to bottom: the first repetition's voltage (grey), the model's (blue), then a raster of the repetitions' spikes (black) and the model's (blue).</summary>
    public static Plot Traces(ModelPoint point, ImmutableArray<StimulusScore> scores)
    {
        PlotFiles.EnsureFonts();
        var plot = new Plot();
        for (int r = 0; r < scores.Length; r++)
        {
            var s = scores[r];
            double shift = -r * RowMv;
            var data = s.Stimulus.VoltageMv[0];
            var model = s.Run.Trace.VMv;
            var t = new double[data.Length];
            var dv = new double[data.Length];
            var mv = new double[data.Length];
            for (int k = 0; k < t.Length; k++)
            {
                t[k] = k * s.Stimulus.DtMs / 1000.0;
                dv[k] = data[k] + shift;
                mv[k] = (k < model.Length ? model[k] : double.NaN) + shift;
            }

            var d = plot.Add.SignalXY(t, dv);
            d.Color = Colors.Gray;
            var m = plot.Add.SignalXY(t, mv);
            m.Color = Colors.Blue;
            var label = plot.Add.Text($"{s.Stimulus.Id} ({(s.Validation ? "validation" : "training")}), Γ_A {s.GammaA:F2}", 0, shift + 95);
            label.LabelFontSize = 14;
            for (int rep = 0; rep < s.Stimulus.SpikeSamples.Length; rep++)
            {
                Raster(plot, s.Stimulus.SpikeTimesMs(rep), shift + 60 + (rep * 6), Colors.Black);
            }

            Raster(plot, s.Run.Spikes.TimesMs, shift + 60 + (s.Stimulus.SpikeSamples.Length * 6), Colors.Blue);
        }

        plot.XLabel("t (s)");
        plot.YLabel($"v (mV), each stimulus {RowMv} mV below the last");
        plot.Title($"{point.Model} fit: data (grey, black ticks) and model (blue)");
        return plot;
    }

    static void Raster(Plot plot, ImmutableArray<double> timesMs, double y, Color color)
    {
        if (timesMs.IsEmpty)
        {
            return;
        }

        var xs = timesMs.Select(x => x / 1000.0).ToArray();
        var ys = Enumerable.Repeat(y, xs.Length).ToArray();
        var ticks = plot.Add.ScatterPoints(xs, ys);
        ticks.Color = color;
        ticks.MarkerShape = MarkerShape.VerticalBar;
        ticks.MarkerSize = 5;
    }

    /// <summary>The training loss against the iteration, one line per start (the best one thick): log₁₀ for the voltage loss (mV²), linear for the others (which may be negative).</summary>
    public static Plot Losses(ImmutableArray<StartResult> results, int best, string optimizer, string loss)
    {
        PlotFiles.EnsureFonts();
        bool log = loss == "voltage-mse";
        var plot = new Plot();
        foreach (var r in results)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (int i = 0; i < r.Curve.Length; i++)
            {
                if (double.IsFinite(r.Curve[i]) && (!log || r.Curve[i] > 0))
                {
                    xs.Add(i + 1);
                    ys.Add(log ? Math.Log10(r.Curve[i]) : r.Curve[i]);
                }
            }

            if (xs.Count > 0)
            {
                var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
                line.MarkerSize = 0;
                line.LineWidth = r.Index == best ? 3 : 1;
                line.LegendText = $"start {r.Index}";
            }
        }

        plot.XLabel(optimizer == "cmaes" ? "generation" : "evaluation");
        plot.YLabel(log ? "log10 training loss (mV²)" : optimizer == "cmaes" ? $"best training loss so far ({loss})" : $"training loss ({loss})");
        plot.Title($"{optimizer}, {results.Length} starts (best: start {best})");
        return plot;
    }
}

using NeuroFold.Cli.Specs;
using NeuroFold.Core.Simulation;
using ScottPlot;

namespace NeuroFold.Cli.Plots;

/// <summary>The default figure of a run: v(t) with spikes marked, the input current underneath, and u(t) in its own panel.</summary>
/// <remarks>
/// Panels share the time axis (ms). Spikes are marked at the model's peak (30 mV, or the 2007 cell's vpeak), since the
/// recorded state after a spike is already reset to c. The input is drawn as the step function the scheme sees (value of step k on [k·dt, (k+1)·dt)),
/// reduced to the points where it changes. Panels for columns left out with <c>--record</c> are left out.
/// </remarks>
internal static class TracePlot
{
    /// <summary>Width of the rendered figure, px.</summary>
    public const int Width = 1000;

    /// <summary>Height of the rendered figure, px.</summary>
    public const int Height = 720;

    /// <summary>Builds the figure from what a run gathered; the trace must have rows.</summary>
    public static Multiplot Build(ResolvedSimulation spec, TracePlotData data, SpikeTrain spikes)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(spikes);
        PlotFiles.EnsureFonts();
        double tEnd = spec.Grid.DurationMs;
        double peak = spec.Model.PeakMv;
        var panels = new List<(Plot Plot, double Height)>();

        if (spec.Columns.V)
        {
            var v = new Plot();
            var (tv, vs) = data.VSeries;
            var line = v.Add.SignalXY(tv, vs);
            line.Color = Colors.Navy;
            line.LineWidth = 1.2f;
            if (spikes.Count > 0)
            {
                var ts = spikes.TimesMs.ToArray();
                var marks = v.Add.ScatterPoints(ts, Enumerable.Repeat(peak, ts.Length).ToArray());
                marks.Color = Colors.Crimson;
                marks.MarkerShape = MarkerShape.FilledTriangleDown;
                marks.MarkerSize = 7;
            }

            v.YLabel("v (mV)");
            v.Axes.SetLimitsY(Math.Min(data.VMin, spec.Parameters.C) - 5, peak + 10);
            panels.Add((v, 0.5));
        }

        var input = new Plot();
        var (xs, ys) = data.Stairs;
        var stairs = input.Add.Scatter(xs, ys);
        stairs.ConnectStyle = ConnectStyle.StepHorizontal;
        stairs.MarkerSize = 0;
        stairs.LineWidth = 1.5f;
        stairs.Color = Colors.DarkOrange;
        input.YLabel(spec.Model.InputUnit == "pA" ? "I (pA)" : "I (µA/cm²)");
        double lo = Math.Min(0, ys.Min());
        double hi = Math.Max(0, ys.Max());
        double pad = hi > lo ? 0.15 * (hi - lo) : 1;
        input.Axes.SetLimitsY(lo - pad, hi + pad);
        panels.Add((input, 0.18));

        if (spec.Columns.U)
        {
            var u = new Plot();
            var (tu, us) = data.USeries;
            var line = u.Add.SignalXY(tu, us);
            line.Color = Colors.DarkGreen;
            line.LineWidth = 1.2f;
            u.YLabel("u (mV/ms)");
            panels.Add((u, 0.32));
        }

        panels[0].Plot.Title($"{spec.Preset} (a={Numbers.Format(spec.Parameters.A)}, b={Numbers.Format(spec.Parameters.B)}, " +
                             $"c={Numbers.Format(spec.Parameters.C)}, d={Numbers.Format(spec.Parameters.D)}), {spec.Scheme} scheme, dt = {Numbers.Format(spec.Grid.DtMs)} ms: " +
                             $"{spikes.Count} spikes (▼ at 30 mV)" + (data.Exact ? "" : " (min/max envelope)"));
        var multiplot = new Multiplot(panels[0].Plot);
        var heights = new List<double>();
        for (int i = 0; i < panels.Count; i++)
        {
            var (plot, height) = panels[i];
            plot.Axes.SetLimitsX(0, tEnd);
            plot.Axes.Left.MinimumSize = 80;
            plot.Axes.Right.MinimumSize = 20;
            if (i > 0)
            {
                multiplot.AddPlot(plot);
            }

            heights.Add(height);
        }

        panels[^1].Plot.XLabel("time (ms)");
        multiplot.Layout = new StackedRows(heights);
        return multiplot;
    }
}

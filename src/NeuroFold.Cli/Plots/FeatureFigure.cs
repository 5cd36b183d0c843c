using NeuroFold.Core.Published;
using NeuroFold.Core.Simulation;
using ScottPlot;

namespace NeuroFold.Cli.Plots;

/// <summary>The gallery figure laid out like Fig. 1 of Izhikevich (2004): 5 × 4 small titled panels of v(t) over the input.</summary>
internal static class FeatureFigure
{
    /// <summary>Figure width, px.</summary>
    public const int Width = 1400;

    /// <summary>Figure height, px.</summary>
    public const int Height = 1300;

    /// <summary>Builds the figure from the protocols and their results (in panel order, row by row).</summary>
    public static Multiplot Build(IReadOnlyList<(PaperProtocol Protocol, SimulationResult Result)> panels)
    {
        PlotFiles.EnsureFonts();
        var multiplot = new Multiplot();
        multiplot.AddPlots(panels.Count);
        int columns = 4;
        int rows = (panels.Count + columns - 1) / columns;
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        for (int i = 0; i < panels.Count; i++)
        {
            Draw(multiplot.GetPlot(i), panels[i].Protocol, panels[i].Result);
        }

        return multiplot;
    }

    /// <summary>Writer for the figure as one SVG: each panel's own SVG, placed on the same grid as <see cref="Build"/>.</summary>
    /// <remarks>ScottPlot 5 writes SVG for a single plot only, so the panels are nested <c>&lt;svg&gt;</c> elements.</remarks>
    public static Action<Stream> Svg(Multiplot multiplot, int panelCount) => Output.Artifact.TextContent(w =>
    {
        const int columns = 4;
        int rows = (panelCount + columns - 1) / columns;
        int panelWidth = Width / columns;
        int panelHeight = Height / rows;
        w.Write($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">\n");
        w.Write($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
        for (int i = 0; i < panelCount; i++)
        {
            string panel = multiplot.GetPlot(i).GetSvgXml(panelWidth, panelHeight);
            int start = panel.IndexOf("<svg", StringComparison.Ordinal);
            string placed = "<svg x=\"" + ((i % columns) * panelWidth).ToString(System.Globalization.CultureInfo.InvariantCulture) +
                            "\" y=\"" + ((i / columns) * panelHeight).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\" " +
                            panel[(start + 5)..];
            w.Write(placed);
            w.Write('\n');
        }

        w.Write("</svg>\n");
    });

    static void Draw(Plot plot, PaperProtocol protocol, SimulationResult result)
    {
        var t = result.Trace.TimeMs.ToArray();
        var v = result.Trace.VMv.ToArray();
        var input = protocol.Sample(protocol.Grid()).ToArray(); // one row per step: I(t_k) at each row's label
        double lo = input.Min();
        double hi = input.Max();
        var shown = new double[input.Length];
        for (int k = 0; k < input.Length; k++)
        {
            shown[k] = hi > lo ? -90.0 + (10.0 * (input[k] - lo) / (hi - lo)) : -90.0;
        }

        var membrane = plot.Add.ScatterLine(t, v);
        membrane.Color = Colors.Black;
        membrane.LineWidth = 1.2f;
        var current = plot.Add.ScatterLine(t, shown);
        current.Color = Colors.Gray;
        current.LineWidth = 1f;

        plot.Title(protocol.Title);
        plot.Axes.Title.Label.FontSize = 14;
        plot.Axes.Title.Label.Bold = false;
        plot.HideAxesAndGrid();
        plot.Axes.Title.IsVisible = true;
        plot.Axes.SetLimits(-0.03 * protocol.TMaxMs, 1.03 * protocol.TMaxMs, -95, 35);
    }
}

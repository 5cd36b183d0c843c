using NeuroFold.Cli.Sweeps;
using ScottPlot;

namespace NeuroFold.Cli.Plots;

/// <summary>The picture of a sweep: an F–I curve (rate against the swept quantity) or a heat map of the rate over two.</summary>
internal static class SweepPlot
{
    /// <summary>The figure of a whole sweep's <paramref name="rows"/>.</summary>
    public static Plot Create(SweepSpec spec, SweepRows rows)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.First != 0 || rows.Count != spec.Points)
        {
            throw new ArgumentException($"the figure needs every grid point, got {rows.Count} from point {rows.First}", nameof(rows));
        }

        PlotFiles.EnsureFonts();
        var rates = rows.RatesHz(spec);
        var plot = new Plot();
        string runLength = $"{spec.Grid.Steps} steps of {spec.Grid.DtMs} ms";
        if (spec.Axes.Length == 1)
        {
            var axis = spec.Axes[0];
            var line = plot.Add.Scatter(axis.Values.ToArray(), rates.ToArray());
            line.MarkerSize = 5;
            line.LineWidth = 1.5f;
            plot.XLabel(axis.Label);
            plot.YLabel("mean rate (Hz)");
            plot.Title(axis.Name == "I" ? $"F–I curve ({spec.Preset}, {runLength})" : $"rate against {axis.Name} ({spec.Preset}, {runLength})");
            return plot;
        }

        var (y, x) = (spec.Axes[0], spec.Axes[1]);
        int height = y.Values.Length;
        int cols = x.Values.Length;
        var cells = new double[height, cols];
        for (int r = 0; r < height; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                // Row 0 of the intensities is drawn at the top: put the largest value of the first axis there.
                cells[height - 1 - r, c] = rates[(r * cols) + c];
            }
        }

        var map = plot.Add.Heatmap(cells);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        map.Position = new CoordinateRect(x.Values[0], x.Values[^1], y.Values[0], y.Values[^1]);
        var bar = plot.Add.ColorBar(map);
        bar.Label = "mean rate (Hz)";
        plot.XLabel(x.Label);
        plot.YLabel(y.Label);
        plot.Title($"mean rate over {y.Name} × {x.Name} ({spec.Preset}, {runLength})");
        return plot;
    }
}

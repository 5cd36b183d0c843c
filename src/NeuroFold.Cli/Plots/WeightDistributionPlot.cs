using NeuroFold.Core.Networks;
using ScottPlot;

namespace NeuroFold.Cli.Plots;

/// <summary>The distribution of the excitatory weights over time: one histogram per simulated second as a column of a heat map.</summary>
/// <remarks>Colour is log10(1 + synapses in the bin), so the two peaks at 0 and at the largest weight (the bimodal distribution of Izhikevich 2006, Fig. 4) and the thin middle both show.</remarks>
internal static class WeightDistributionPlot
{
    public const int Width = 1000;
    public const int Height = 600;

    public static Plot Create(PlasticResult result, double maxWeight, string synapses = "800 x 100")
    {
        PlotFiles.EnsureFonts();
        int bins = PlasticResult.WeightBins;
        int seconds = result.Seconds.Length;
        var cells = new double[bins, Math.Max(1, seconds)];
        for (int s = 0; s < seconds; s++)
        {
            for (int b = 0; b < bins; b++)
            {
                // Row 0 of the intensities is drawn at the top: the largest weights go there.
                cells[bins - 1 - b, s] = Math.Log10(1.0 + result.WeightHistograms[(s * bins) + b]);
            }
        }

        var plot = new Plot();
        var map = plot.Add.Heatmap(cells);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        map.Position = new CoordinateRect(0.5, seconds + 0.5, 0, maxWeight);
        var bar = plot.Add.ColorBar(map);
        bar.Label = "log10(1 + synapses)";
        plot.XLabel("time (s)");
        plot.YLabel("excitatory weight (mV/ms)");
        plot.Title($"weight distribution after each second's update ({synapses} excitatory synapses, {seconds} s)");
        return plot;
    }
}

using NeuroFold.Core.Networks;
using ScottPlot;

namespace NeuroFold.Cli.Plots;

/// <summary>The rewarded synapse's weight against all the other excitatory weights over time (Izhikevich 2007, Fig. 1): their distribution as a heat map, their mean and the rewarded weight as lines.</summary>
/// <remarks>One column per simulated second (the weights at the second's end); colour is log10(1 + synapses in the bin).</remarks>
internal static class RewardedSynapsePlot
{
    public const int Width = 1000;
    public const int Height = 600;

    public static Plot Create(DopamineResult result, double maxWeight)
    {
        PlotFiles.EnsureFonts();
        var plastic = result.Plastic;
        int bins = PlasticResult.WeightBins;
        int seconds = result.Seconds.Length;
        var cells = new double[bins, Math.Max(1, seconds)];
        for (int s = 0; s < seconds; s++)
        {
            for (int b = 0; b < bins; b++)
            {
                // Row 0 of the intensities is drawn at the top: the largest weights go there.
                cells[bins - 1 - b, s] = Math.Log10(1.0 + plastic.WeightHistograms[(s * bins) + b]);
            }
        }

        var plot = new Plot();
        var map = plot.Add.Heatmap(cells);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        map.Position = new CoordinateRect(0.5, seconds + 0.5, 0, maxWeight);
        var bar = plot.Add.ColorBar(map);
        bar.Label = "log10(1 + other synapses)";
        var time = new double[seconds];
        var rewarded = new double[seconds];
        var mean = new double[seconds];
        for (int s = 0; s < seconds; s++)
        {
            time[s] = result.Seconds[s].Second;
            rewarded[s] = result.Seconds[s].RewardedWeight;
            mean[s] = result.Seconds[s].MeanOtherWeight;
        }

        var others = plot.Add.ScatterLine(time, mean);
        others.Color = Colors.Orange;
        others.LineWidth = 2;
        others.LegendText = "mean of the other 79,999";
        var chosen = plot.Add.ScatterLine(time, rewarded);
        chosen.Color = Colors.Red;
        chosen.LineWidth = 2;
        chosen.LegendText = "rewarded synapse";
        plot.ShowLegend(Alignment.MiddleRight);
        plot.Axes.SetLimits(0.5, seconds + 0.5, 0, maxWeight);
        plot.XLabel("time (s)");
        plot.YLabel("excitatory weight (mV/ms)");
        plot.Title($"dopamine-modulated STDP: rewarded synapse vs the others ({seconds} s, {result.RewardsGiven} rewards)");
        return plot;
    }
}

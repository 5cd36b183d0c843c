using System.Collections.Immutable;
using NeuroFold.Cli.Plots;
using NeuroFold.Core.Networks;
using NeuroFold.Core.Stimuli;
using ScottPlot;

namespace NeuroFold.Cli.Output;

/// <summary>What every plastic network run (polychronization, dopamine-STDP, sparse STDP) shares: its progress lines, its spikes, its raster, a picture as PNG and SVG.</summary>
internal static class PlasticArtifacts
{
    /// <summary>A progress line per tenth of <paramref name="seconds"/> on <paramref name="progress"/>, for runs of 10 s or more; none otherwise.</summary>
    public static Action<int>? Progress(TextWriter? progress, int seconds)
    {
        if (progress is null || seconds < 10)
        {
            return null;
        }

        int reported = 0;
        return done =>
        {
            int tenth = 10 * done / seconds;
            if (tenth > reported)
            {
                reported = tenth;
                progress.WriteLine($"network: {done}/{seconds} s ({tenth * 10}%)");
            }
        };
    }

    /// <summary><c>spikes.csv</c> of a run of <paramref name="steps"/> steps of 1 ms.</summary>
    public static Artifact Spikes(ImmutableArray<int> spikeSteps, ImmutableArray<int> spikeNeurons, int steps)
    {
        var grid = TimeGrid.FromSteps(NetworkSimulation.StepMs, steps).Match(Succ: x => x, Fail: _ => throw new InvalidOperationException("the resolver bounds the steps"));
        return Artifact.Text("spikes.csv", w => Csv.WriteSpikes(w, spikeSteps.AsSpan(), spikeNeurons.AsSpan(), grid));
    }

    /// <summary><c>raster.png</c> and <c>raster.svg</c> of steps <paramref name="from"/> … <paramref name="steps"/> − 1.</summary>
    public static IEnumerable<Artifact> Raster(string title, int n, int excitatory, ImmutableArray<int> spikeSteps, ImmutableArray<int> spikeNeurons, int steps, int from) =>
        [
            new("raster.png", s => s.Write(RasterPlot.Png(title, n, excitatory, spikeSteps.AsSpan(), spikeNeurons.AsSpan(), from, steps - from))),
            new("raster.svg", s => s.Write(RasterPlot.Svg(title, n, excitatory, spikeSteps.AsSpan(), spikeNeurons.AsSpan(), from, steps - from))),
        ];

    /// <summary><c>NAME.png</c> and <c>NAME.svg</c> of one picture.</summary>
    public static IEnumerable<Artifact> Picture(string name, Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return
        [
            new($"{name}.png", PlotFiles.Png(plot, width, height)),
            new($"{name}.svg", Artifact.TextContent(w => w.Write(PlotFiles.RenumberClipPaths(plot.GetSvgXml(width, height))))),
        ];
    }
}

using System.Text;
using System.Text.RegularExpressions;
using NeuroFold.Core.Networks;
using ScottPlot;
using SkiaSharp;

namespace NeuroFold.Cli.Plots;

/// <summary>A spike raster with the population rate underneath, like Fig. 3 of Izhikevich (2003).</summary>
/// <remarks>
/// Top: one dot per spike (excitatory black, inhibitory red); for networks above <see cref="MaxRows"/> neurons every
/// s-th neuron is drawn (s = ⌈N/MaxRows⌉, said in the title). Bottom: the population rate of all neurons per 1 ms step, Hz.
/// Both panels share the time axis, ms.
/// </remarks>
internal static partial class RasterPlot
{
    /// <summary>Most neurons drawn in the raster.</summary>
    public const int MaxRows = 2000;

    const int Width = 1200;
    const int Height = 800;
    const int RasterHeight = 540;

    /// <summary>The PNG bytes.</summary>
    public static byte[] Png(string title, Network network, NetworkResult result, int steps) =>
        Png(title, network.Neurons.Count, network.Neurons.Excitatory, result.SpikeSteps.AsSpan(), result.SpikeNeurons.AsSpan(), 0, steps);

    /// <summary>The raster of steps <paramref name="firstStep"/> … <paramref name="firstStep"/> + <paramref name="steps"/> − 1 of spikes given as (0-based step, neuron), with the population rate, as PNG.</summary>
    public static byte[] Png(string title, int neurons, int excitatory, ReadOnlySpan<int> spikeSteps, ReadOnlySpan<int> spikeNeurons, int firstStep, int steps)
    {
        var (top, bottom) = Build(title, neurons, excitatory, spikeSteps, spikeNeurons, firstStep, steps);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        Draw(surface.Canvas, top, bottom);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The SVG bytes.</summary>
    public static byte[] Svg(string title, Network network, NetworkResult result, int steps) =>
        Svg(title, network.Neurons.Count, network.Neurons.Excitatory, result.SpikeSteps.AsSpan(), result.SpikeNeurons.AsSpan(), 0, steps);

    /// <summary>As the PNG overload with the same parameters, as SVG.</summary>
    public static byte[] Svg(string title, int neurons, int excitatory, ReadOnlySpan<int> spikeSteps, ReadOnlySpan<int> spikeNeurons, int firstStep, int steps)
    {
        var (top, bottom) = Build(title, neurons, excitatory, spikeSteps, spikeNeurons, firstStep, steps);
        using var stream = new MemoryStream();
        using (var managed = new SKManagedWStream(stream))
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, Width, Height), managed))
        {
            Draw(canvas, top, bottom);
        }

        return Encoding.UTF8.GetBytes(NumberClipIds(Encoding.UTF8.GetString(stream.ToArray())));
    }

    /// <summary>Skia numbers SVG clip paths with a process-wide counter; renumber them in order of appearance so equal plots give equal bytes.</summary>
    static string NumberClipIds(string svg)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m =>
        {
            if (!ids.TryGetValue(m.Value, out int k))
            {
                k = ids.Count + 1;
                ids[m.Value] = k;
            }

            return $"cl_{k}";
        });
    }

    [GeneratedRegex("cl_[0-9a-f]+")]
    private static partial Regex ClipId();

    static void Draw(SKCanvas canvas, Plot top, Plot bottom)
    {
        canvas.Clear(SKColors.White);
        RenderClipped(canvas, top, new SKRect(0, 0, Width, RasterHeight));
        RenderClipped(canvas, bottom, new SKRect(0, RasterHeight, Width, Height));
    }

    /// <summary>Renders a plot into one band of the canvas; the clip keeps its background fill out of the other band.</summary>
    static void RenderClipped(SKCanvas canvas, Plot plot, SKRect band)
    {
        canvas.Save();
        canvas.ClipRect(band);
        plot.Render(canvas, new PixelRect(band.Left, band.Right, band.Bottom, band.Top));
        canvas.Restore();
    }

    static (Plot Top, Plot Bottom) Build(string title, int n, int ne, ReadOnlySpan<int> spikeSteps, ReadOnlySpan<int> spikeNeurons, int firstStep, int steps)
    {
        PlotFiles.EnsureFonts();
        int stride = (n + MaxRows - 1) / MaxRows;
        var exc = (X: new List<double>(), Y: new List<double>());
        var inh = (X: new List<double>(), Y: new List<double>());
        for (int k = 0; k < spikeSteps.Length; k++)
        {
            int i = spikeNeurons[k];
            if (i % stride != 0 || spikeSteps[k] < firstStep || spikeSteps[k] >= firstStep + steps)
            {
                continue;
            }

            var target = i < ne ? exc : inh;
            target.X.Add((spikeSteps[k] + 1) * NetworkSimulation.StepMs);
            target.Y.Add(i);
        }

        var top = new Plot();
        AddDots(top, exc.X, exc.Y, Colors.Black);
        AddDots(top, inh.X, inh.Y, Colors.DarkRed);
        top.Title(stride == 1 ? title : $"{title} (every {stride}th neuron shown)");
        top.YLabel("neuron");
        top.Axes.SetLimits(firstStep, firstStep + steps, -0.5, n - 0.5);
        top.Layout.Fixed(new PixelPadding(80, 20, 30, 40));

        var rate = PopulationRate.PerStepHz(spikeSteps, n, firstStep, steps, NetworkSimulation.StepMs);
        var bottom = new Plot();
        var signal = bottom.Add.Signal(rate.ToArray(), NetworkSimulation.StepMs);
        signal.Data.XOffset = (firstStep + 1) * NetworkSimulation.StepMs;
        signal.Color = Colors.Black;
        signal.LineWidth = 1;
        bottom.XLabel("time (ms)");
        bottom.YLabel("rate (Hz)");
        double peak = 0;
        foreach (double r in rate)
        {
            peak = Math.Max(peak, r);
        }

        bottom.Axes.SetLimits(firstStep, firstStep + steps, 0, Math.Max(1, peak * 1.05));
        bottom.Layout.Fixed(new PixelPadding(80, 20, 50, 10));
        return (top, bottom);
    }

    static void AddDots(Plot plot, List<double> xs, List<double> ys, Color color)
    {
        if (xs.Count == 0)
        {
            return;
        }

        var markers = plot.Add.Markers(xs.ToArray(), ys.ToArray(), MarkerShape.FilledCircle, 2, color);
        markers.MarkerStyle.LineWidth = 0;
    }
}

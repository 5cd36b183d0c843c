using ScottPlot;
using SkiaSharp;

namespace NeuroFold.Cli.Plots;

/// <summary>Headless rendering of ScottPlot figures to PNG and SVG, with the fonts NeuroFold ships.</summary>
/// <remarks>
/// ScottPlot 5 draws through SkiaSharp, whose Linux native assets come with the package; without a font it silently
/// draws no text, so DejaVu Sans (regular and bold, shipped in <c>Fonts/</c> beside the executable) is registered once
/// and made the default.
/// </remarks>
internal static partial class PlotFiles
{
    static readonly object Gate = new();
    static bool fontsReady;

    /// <summary>Registers the shipped fonts; call before building any plot.</summary>
    public static void EnsureFonts()
    {
        lock (Gate)
        {
            if (fontsReady)
            {
                return;
            }

            string dir = Path.Combine(AppContext.BaseDirectory, "Fonts");
            Fonts.AddFontFile("DejaVu Sans", Path.Combine(dir, "DejaVuSans.ttf"), bold: false, italic: false);
            Fonts.AddFontFile("DejaVu Sans", Path.Combine(dir, "DejaVuSans-Bold.ttf"), bold: true, italic: false);
            Fonts.Default = "DejaVu Sans";
            fontsReady = true;
        }
    }

    /// <summary>Writer for a PNG rendering of <paramref name="plot"/> (for an <see cref="Output.Artifact"/>).</summary>
    public static Action<Stream> Png(Plot plot, int width, int height) => stream =>
    {
        byte[] bytes = plot.GetImageBytes(width, height, ImageFormat.Png);
        stream.Write(bytes);
    };

    /// <summary>Writer for an SVG rendering of <paramref name="plot"/> (for an <see cref="Output.Artifact"/>).</summary>
    public static Action<Stream> Svg(Plot plot, int width, int height) => Output.Artifact.TextContent(w => w.Write(plot.GetSvgXml(width, height)));

    /// <summary>Writer for a PNG rendering of a multi-panel <paramref name="multiplot"/>.</summary>
    public static Action<Stream> Png(Multiplot multiplot, int width, int height) => stream =>
    {
        using var image = multiplot.Render(width, height);
        stream.Write(image.GetImageBytes(ImageFormat.Png));
    };

    /// <summary>Writer for an SVG rendering of a multi-panel <paramref name="multiplot"/>; the same figure gives the same bytes.</summary>
    /// <remarks>Skia numbers clip paths with a process-wide counter; <see cref="RenumberClipPaths"/> makes them start at 1 in every file.</remarks>
    public static Action<Stream> Svg(Multiplot multiplot, int width, int height) => stream =>
    {
        using var buffer = new MemoryStream();
        using (var skStream = new SKManagedWStream(buffer, disposeManagedStream: false))
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), skStream))
        {
            multiplot.Render(canvas, new PixelRect(0, width, height, 0));
        }

        string svg = RenumberClipPaths(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        stream.Write(System.Text.Encoding.UTF8.GetBytes(svg));
    };

    /// <summary>Renames Skia's clip-path ids (<c>cl_&lt;hex&gt;</c>) to <c>cl_1</c>, <c>cl_2</c>, … in order of first appearance.</summary>
    public static string RenumberClipPaths(string svg)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m =>
        {
            if (!names.TryGetValue(m.Value, out string? name))
            {
                name = $"cl_{names.Count + 1}";
                names.Add(m.Value, name);
            }

            return name;
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial System.Text.RegularExpressions.Regex ClipId();
}

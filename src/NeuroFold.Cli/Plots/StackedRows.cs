using ScottPlot;

namespace NeuroFold.Cli.Plots;

/// <summary>A multiplot layout of full-width rows whose heights are given as fractions of the figure (top to bottom).</summary>
internal sealed class StackedRows(IReadOnlyList<double> fractions) : IMultiplotLayout
{
    /// <inheritdoc />
    public PixelRect[] GetSubplotRectangles(SubplotCollection subplots, PixelRect figureRect)
    {
        ArgumentNullException.ThrowIfNull(subplots);
        var rectangles = new PixelRect[subplots.Count];
        double total = 0;
        for (int i = 0; i < rectangles.Length; i++)
        {
            total += i < fractions.Count ? fractions[i] : 0;
        }

        double top = 0;
        for (int i = 0; i < rectangles.Length; i++)
        {
            double height = i < fractions.Count && total > 0 ? fractions[i] / total : 0;
            float y0 = figureRect.Top + (float)(top * figureRect.Height);
            float y1 = figureRect.Top + (float)((top + height) * figureRect.Height);
            rectangles[i] = new PixelRect(figureRect.Left, figureRect.Right, y1, y0);
            top += height;
        }

        return rectangles;
    }
}

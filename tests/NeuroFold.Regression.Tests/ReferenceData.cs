using System.Globalization;

namespace NeuroFold.Regression.Tests;

/// <summary>Reads the reference CSV files that sit beside the tests (see Reference/README.md for their provenance).</summary>
internal static class ReferenceData
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Reference", name);

    /// <summary>The data rows of a CSV file as columns of doubles (header skipped).</summary>
    public static List<double[]> Rows(string name) =>
        File.ReadLines(PathOf(name))
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select(x => double.Parse(x, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray())
            .ToList();
}

using System.Collections.Immutable;
using System.Globalization;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Specs;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Sweeps;

/// <summary>Writes <c>sweep.csv</c>, one row per grid point, and reads a shard's part of it back to the exact values.</summary>
/// <remarks>
/// Columns: the swept quantities (in <c>--grid</c> order), <c>spikes</c>, <c>rate_hz</c> (spikes / run length),
/// <c>first_spike_ms</c> (time label of the first spike, empty if none), <c>isi_cv</c> (standard deviation / mean of the
/// inter-spike intervals, population form, empty with fewer than two intervals). Numbers round-trip ("R", invariant),
/// so reading a row gives back the very doubles that were written, and writing them again gives the same bytes.
/// A shard's <c>sweep.csv</c> has the same header and the rows of its points, in point order.
/// </remarks>
internal static class SweepCsv
{
    /// <summary>The most rows with problems a read lists; the rest are counted.</summary>
    public const int MaxRowProblems = 10;

    /// <summary>The header line.</summary>
    public static string Header(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return string.Join(",", spec.Axes.Select(a => a.Name).Concat(["spikes", "rate_hz", "first_spike_ms", "isi_cv"]));
    }

    /// <summary>Writes the header and one row per point of <paramref name="rows"/>.</summary>
    public static void Write(TextWriter w, SweepSpec spec, SweepRows rows)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(rows);
        w.WriteLine(Header(spec));
        for (int i = 0; i < rows.Count; i++)
        {
            foreach (double x in spec.Coordinates(rows.First + i))
            {
                w.Write(Numbers.Format(x));
                w.Write(',');
            }

            w.Write(rows.Spikes[i].ToString(CultureInfo.InvariantCulture));
            w.Write(',');
            w.Write(Numbers.Format(SweepRows.RateHz(spec, rows.Spikes[i])));
            w.Write(',');
            w.Write(rows.FirstSpikeMs[i] is { } t ? Numbers.Format(t) : string.Empty);
            w.Write(',');
            w.WriteLine(rows.IsiCv[i] is { } v ? Numbers.Format(v) : string.Empty);
        }
    }

    /// <summary>Reads the rows of <paramref name="spec"/>'s points (its shard's) exactly as <see cref="Write"/> wrote them; every other text is a problem.</summary>
    /// <remarks>
    /// Every field must be the text <see cref="Write"/> gives for its value (the coordinates those of the row's grid
    /// point, the rate that of its spike count, numbers in their round-trip form), so the rows written again are the
    /// same bytes.
    /// </remarks>
    /// <param name="reader">The file's text.</param>
    /// <param name="spec">The run that wrote it (its shard says which points the rows are).</param>
    /// <param name="source">The file, for messages.</param>
    public static Validation<Error, SweepRows> Read(TextReader reader, SweepSpec spec, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<Error>();
        int badRows = 0;
        void Bad(int line, string what)
        {
            if (badRows++ < MaxRowProblems)
            {
                problems.Add(Error.New($"{source}: line {line}: {what}"));
            }
        }

        string header = Header(spec);
        string? first = reader.ReadLine();
        if (first != header)
        {
            return Fail<Error, SweepRows>(Error.New($"{source}: line 1 must be the header '{header}', got '{IO.Excerpt.Of(first ?? "(an empty file)")}'"));
        }

        int n = spec.PartPoints;
        int columns = spec.Axes.Length + 4;
        var spikes = new int[n];
        var firstSpike = new double?[n];
        var cv = new double?[n];
        int row = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            int lineNo = row + 2;
            if (row >= n)
            {
                row++;
                continue;
            }

            string[] cells = line.Split(',');
            if (cells.Length != columns)
            {
                Bad(lineNo, $"{columns} columns expected, got {cells.Length}");
                row++;
                continue;
            }

            int point = spec.FirstPoint + row;
            double[] at = spec.Coordinates(point);
            for (int k = 0; k < at.Length; k++)
            {
                if (cells[k] != Numbers.Format(at[k]))
                {
                    Bad(lineNo, $"{spec.Axes[k].Name} is '{IO.Excerpt.Of(cells[k])}', but grid point {point} has {spec.Axes[k].Name} = {Numbers.Format(at[k])}");
                }
            }

            string count = cells[at.Length];
            if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out int k0) || k0.ToString(CultureInfo.InvariantCulture) != count)
            {
                Bad(lineNo, $"spikes must be a whole number >= 0, got '{IO.Excerpt.Of(count)}'");
            }
            else
            {
                spikes[row] = k0;
                string rate = Numbers.Format(SweepRows.RateHz(spec, k0));
                if (cells[at.Length + 1] != rate)
                {
                    Bad(lineNo, $"rate_hz is '{IO.Excerpt.Of(cells[at.Length + 1])}', but {k0} spikes in {Numbers.Format(spec.Grid.DurationMs)} ms are {rate} Hz");
                }
            }

            firstSpike[row] = Optional(cells[at.Length + 2], "first_spike_ms", lineNo, Bad);
            cv[row] = Optional(cells[at.Length + 3], "isi_cv", lineNo, Bad);
            row++;
        }

        if (row != n)
        {
            problems.Add(Error.New($"{source}: {row} rows, but shard {spec.Shard?.ToString() ?? "(whole)"} has {n} points ({spec.FirstPoint}..{spec.FirstPoint + n - 1})"));
        }

        if (badRows > MaxRowProblems)
        {
            problems.Add(Error.New($"{source}: and {badRows - MaxRowProblems} more problems"));
        }

        return problems.Count == 0
            ? Success<Error, SweepRows>(new SweepRows(spec.FirstPoint, [.. spikes], [.. firstSpike], [.. cv]))
            : Fail<Error, SweepRows>(problems.ToSeq());
    }

    /// <summary>An empty cell (no value) or a finite number in its round-trip form.</summary>
    static double? Optional(string cell, string column, int line, Action<int, string> bad)
    {
        if (cell.Length == 0)
        {
            return null;
        }

        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x) && Numbers.Format(x) == cell)
        {
            return x;
        }

        bad(line, $"{column} must be empty or a finite number as sweep writes it, got '{IO.Excerpt.Of(cell)}'");
        return null;
    }
}

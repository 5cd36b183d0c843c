using NeuroFold.Cli.Specs;
using NeuroFold.Core.Populations;

namespace NeuroFold.Cli.Sweeps;

/// <summary>Writes <c>sweep.csv</c>: one row per grid point.</summary>
/// <remarks>
/// Columns: the swept quantities (in <c>--grid</c> order), <c>spikes</c>, <c>rate_hz</c> (spikes / run length),
/// <c>first_spike_ms</c> (time label of the first spike, empty if none), <c>isi_cv</c> (standard deviation / mean of the
/// inter-spike intervals, population form, empty with fewer than two intervals). Numbers round-trip ("R", invariant).
/// </remarks>
internal static class SweepCsv
{
    public static void Write(TextWriter w, SweepSpec spec, PopulationResult result)
    {
        w.WriteLine(string.Join(",", spec.Axes.Select(a => a.Name).Concat(["spikes", "rate_hz", "first_spike_ms", "isi_cv"])));
        var rates = SweepRunner.Rates(spec, result);
        for (int i = 0; i < spec.Points; i++)
        {
            foreach (double x in spec.Coordinates(i))
            {
                w.Write(Numbers.Format(x));
                w.Write(',');
            }

            int first = result.FirstSpikeSteps[i];
            double? cv = result.IsiCv(i);
            w.Write(result.SpikeCounts[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.Write(',');
            w.Write(Numbers.Format(rates[i]));
            w.Write(',');
            w.Write(first < 0 ? string.Empty : Numbers.Format(spec.Grid.TimeAfterStep(first)));
            w.Write(',');
            w.WriteLine(cv is { } v ? Numbers.Format(v) : string.Empty);
        }
    }
}

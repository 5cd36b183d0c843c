using System.Collections.Immutable;
using NeuroFold.Core.Populations;

namespace NeuroFold.Cli.Sweeps;

/// <summary>The results of consecutive grid points of a sweep, exactly the values <c>sweep.csv</c> holds: the whole grid, or one shard's part of it.</summary>
/// <remarks>
/// Everything <c>sweep.csv</c> and <c>sweep.png</c> show is a function of these values and the spec (the rate is
/// spikes / run length, computed by <see cref="RateHz"/>), so a sweep and the merge of its shards draw their outputs
/// from the same values through the same code.
/// </remarks>
/// <param name="First">The grid point of row 0.</param>
/// <param name="Spikes">Spike count of each point.</param>
/// <param name="FirstSpikeMs">Time label of each point's first spike, ms; null without a spike.</param>
/// <param name="IsiCv">CV of each point's inter-spike intervals (population form); null with fewer than two intervals.</param>
internal sealed record SweepRows(int First, ImmutableArray<int> Spikes, ImmutableArray<double?> FirstSpikeMs, ImmutableArray<double?> IsiCv)
{
    /// <summary>Number of rows.</summary>
    public int Count => Spikes.Length;

    /// <summary>Total number of spikes.</summary>
    public long TotalSpikes => Spikes.Aggregate(0L, (n, k) => n + k);

    /// <summary>The rows of <paramref name="result"/>, the run of <paramref name="spec"/>'s points (its shard's, if it is one).</summary>
    public static SweepRows Of(SweepSpec spec, PopulationResult result)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(result);
        int n = result.Count;
        var first = new double?[n];
        var cv = new double?[n];
        for (int i = 0; i < n; i++)
        {
            int step = result.FirstSpikeSteps[i];
            first[i] = step < 0 ? null : spec.Grid.TimeAfterStep(step);
            cv[i] = result.IsiCv(i);
        }

        return new SweepRows(spec.FirstPoint, result.SpikeCounts, [.. first], [.. cv]);
    }

    /// <summary>The mean firing rate of a point with <paramref name="spikes"/> spikes, Hz: spikes / (steps · dt).</summary>
    public static double RateHz(SweepSpec spec, int spikes)
    {
        ArgumentNullException.ThrowIfNull(spec);
        double seconds = spec.Grid.DurationMs * 1e-3;
        return spikes / seconds;
    }

    /// <summary>Every row's rate, Hz.</summary>
    public ImmutableArray<double> RatesHz(SweepSpec spec)
    {
        var rates = new double[Count];
        for (int i = 0; i < Count; i++)
        {
            rates[i] = RateHz(spec, Spikes[i]);
        }

        return [.. rates];
    }

    /// <summary>Consecutive parts put together (each must start where the previous one ends).</summary>
    public static SweepRows Concat(IReadOnlyList<SweepRows> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("no parts", nameof(parts));
        }

        var spikes = ImmutableArray.CreateBuilder<int>();
        var first = ImmutableArray.CreateBuilder<double?>();
        var cv = ImmutableArray.CreateBuilder<double?>();
        int next = parts[0].First;
        foreach (var part in parts)
        {
            if (part.First != next)
            {
                throw new ArgumentException($"a part starts at point {part.First}, not at {next}", nameof(parts));
            }

            spikes.AddRange(part.Spikes);
            first.AddRange(part.FirstSpikeMs);
            cv.AddRange(part.IsiCv);
            next += part.Count;
        }

        return new SweepRows(parts[0].First, spikes.ToImmutable(), first.ToImmutable(), cv.ToImmutable());
    }
}

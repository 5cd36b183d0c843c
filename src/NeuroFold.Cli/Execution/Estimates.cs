using NeuroFold.Cli.Plots;
using NeuroFold.Cli.Specs;
using NeuroFold.Cli.Sweeps;

namespace NeuroFold.Cli.Execution;

/// <summary>What each kind of run is estimated to need, before it starts: memory (the budget) and disk (its outputs).</summary>
/// <remarks>
/// The figures are upper bounds per item, measured on this code (bytes per trace row, per neuron, per synapse); spikes,
/// whose number no one knows beforehand, are not estimated: a run gets what the budget leaves for them and stops
/// cleanly, writing nothing, if they need more.
/// </remarks>
internal static class Estimates
{
    /// <summary>Disk per trace row of <c>trace.csv</c>: three round-trip numbers and separators (measured ~51, bounded by 64).</summary>
    public const int TraceCsvBytesPerRow = 64;

    /// <summary>Memory per trace row the figure keeps (three lists, the arrays handed to the plot, the plot's copies).</summary>
    public const int PlotBytesPerRow = 64;

    /// <summary>Memory per grid point of a sweep (parameters, state, counts, statistics, the population's arrays).</summary>
    public const int SweepBytesPerPoint = 400;

    /// <summary>Memory per neuron of a population benchmark.</summary>
    public const int BenchBytesPerNeuron = 160;

    /// <summary>Memory per synapse of the sparse model while it is built and run (13 bytes, twice while it is built).</summary>
    public const int SparseBytesPerSynapse = 26;

    /// <summary>A single-neuron run (<c>simulate</c>, <c>run</c>): the figure's rows, the segment buffers.</summary>
    public static ResourceEstimate Simulate(ResolvedSimulation spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        long rows = SimulationJob.TraceRows(spec);
        var e = new ResourceEstimate().Add("segment buffers", SimulationJob.SegmentSteps, 8 + 24);
        if (SimulationJob.DrawsPlots(spec))
        {
            e.Add("figure rows", Math.Min(rows, TracePlotData.ExactRowLimit), PlotBytesPerRow);
        }

        return e;
    }

    /// <summary>The disk a single-neuron run's outputs take (trace and figure; spikes unknown beforehand, not counted).</summary>
    public static long SimulateDisk(ResolvedSimulation spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        long rows = SimulationJob.TraceRows(spec);
        return (rows * TraceCsvBytesPerRow) + (SimulationJob.DrawsPlots(spec) ? Math.Min(rows, TracePlotData.ExactRowLimit) * 64 : 0);
    }

    /// <summary>What shrinks a single-neuron run.</summary>
    public const string SimulateShrink = "--record-every N (keep every N-th row), --no-trace (spikes only), --no-plot, a shorter --t-max or a larger --dt";

    /// <summary>A sweep: one neuron per grid point.</summary>
    public static ResourceEstimate Sweep(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ResourceEstimate().Add("grid points", spec.PartPoints, SweepBytesPerPoint);
    }

    /// <summary>What shrinks a sweep.</summary>
    public const string SweepShrink = "fewer grid points (the COUNT of each --grid axis), or --shard I/N (a part of the grid per run)";

    /// <summary>Memory per grid point of a merge (the rows, their rates, the figure's copies).</summary>
    public const int MergeBytesPerPoint = 128;

    /// <summary>A merge of a sweep's shards: every grid point's row.</summary>
    public static ResourceEstimate Merge(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ResourceEstimate().Add("grid points", spec.Points, MergeBytesPerPoint);
    }

    /// <summary>What shrinks a merge.</summary>
    public const string MergeShrink = "a larger --max-memory (a merge holds every grid point's row)";

    /// <summary>A network of <paramref name="neurons"/> neurons: neurons with their ring of pending input, synapses, input files.</summary>
    /// <param name="neurons">Neurons.</param>
    /// <param name="synapses">Synapses (N² for the dense model).</param>
    /// <param name="bytesPerSynapse">Bytes each synapse takes while built and run.</param>
    /// <param name="ringSlots">Steps of pending input each neuron keeps (the longest delay + 1).</param>
    /// <param name="fileBytes">Bytes of the input files (.npy, tables) given.</param>
    public static ResourceEstimate Network(long neurons, double synapses, double bytesPerSynapse, int ringSlots, long fileBytes) =>
        new ResourceEstimate()
            .Add("synapses", synapses, bytesPerSynapse)
            .Add("neurons and pending input", neurons, 8.0 * (16 + (3 * ringSlots)))
            .Add("input files, read and converted", fileBytes, 2);

    /// <summary>What shrinks a network.</summary>
    public const string NetworkShrink = "fewer --neurons, a smaller --k, a shorter --max-delay, smaller input files";

    /// <summary>A population benchmark of <paramref name="neurons"/> neurons.</summary>
    public static ResourceEstimate BenchPopulation(long neurons) => new ResourceEstimate().Add("neurons", neurons, BenchBytesPerNeuron);
}

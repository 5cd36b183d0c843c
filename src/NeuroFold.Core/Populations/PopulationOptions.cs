namespace NeuroFold.Core.Populations;

/// <summary>How a population run is executed; none of these changes a single bit of the result.</summary>
/// <param name="Threads">Number of threads that advance blocks, at least 1.</param>
/// <param name="BlockSize">Neurons per block, at least 1: a block is advanced through every step before the next starts
/// (time blocking), so its state stays in the L1 cache; blocks are the unit of work given to threads.</param>
/// <param name="Width">Vector width of the kernel; <see cref="VectorWidth.Auto"/> picks the widest accelerated one.</param>
/// <param name="RecordSpikes">Keep every spike as (step, neuron); otherwise only per-neuron counts and statistics.</param>
public readonly record struct PopulationOptions(int Threads, int BlockSize, VectorWidth Width, bool RecordSpikes)
{
    /// <summary>The default block: 512 neurons, whose five hot arrays (v, u, b, e, dt·J/C) take 20 KiB of L1.</summary>
    public const int DefaultBlockSize = 512;

    /// <summary>One thread, default block size, widest vectors, spikes recorded.</summary>
    public static PopulationOptions Default => new(1, DefaultBlockSize, VectorWidth.Auto, true);
}

namespace NeuroFold.Core.Populations;

/// <summary>How a population run is executed; none of these changes a single bit of the result.</summary>
/// <remarks>
/// <c>default(PopulationOptions)</c> is valid: one thread, blocks of <see cref="DefaultBlockSize"/>, the widest
/// accelerated vectors, and no spike list (counts and statistics only). A negative thread count or block size, or a
/// width that is not a <see cref="VectorWidth"/>, is rejected by the run with an error naming the field.
/// </remarks>
/// <param name="Threads">Number of threads that advance blocks; 0 (the default) means 1.</param>
/// <param name="BlockSize">Neurons per block; 0 (the default) means <see cref="DefaultBlockSize"/>. A block is advanced
/// through every step before the next starts (time blocking), so its state stays in the L1 cache; blocks are the unit
/// of work given to threads.</param>
/// <param name="Width">Vector width of the kernel; <see cref="VectorWidth.Auto"/> (the default) picks the widest accelerated one.</param>
/// <param name="RecordSpikes">Keep every spike as (step, neuron); otherwise (the default) only per-neuron counts and statistics.</param>
public readonly record struct PopulationOptions(int Threads, int BlockSize, VectorWidth Width, bool RecordSpikes)
{
    /// <summary>The default block: 512 neurons, whose five hot arrays (v, u, b, e, dt·J/C) take 20 KiB of L1.</summary>
    public const int DefaultBlockSize = 512;

    /// <summary>One thread, default block size, widest vectors, spikes recorded.</summary>
    public static PopulationOptions Default => new(1, DefaultBlockSize, VectorWidth.Auto, true);

    /// <summary>The number of threads a run uses: <see cref="Threads"/>, or 1 for 0.</summary>
    internal int ThreadCount => Threads == 0 ? 1 : Threads;

    /// <summary>The block size a run uses: <see cref="BlockSize"/>, or <see cref="DefaultBlockSize"/> for 0.</summary>
    internal int Block => BlockSize == 0 ? DefaultBlockSize : BlockSize;

    /// <summary>Throws, naming the field, when an option is out of range.</summary>
    internal void Check()
    {
        if (Threads < 0)
        {
            throw new ArgumentOutOfRangeException("options", Threads, $"PopulationOptions.Threads must be >= 0 (0 means 1 thread), got {Threads}");
        }

        if (BlockSize < 0)
        {
            throw new ArgumentOutOfRangeException("options", BlockSize, $"PopulationOptions.BlockSize must be >= 0 (0 means {DefaultBlockSize}), got {BlockSize}");
        }

        if (!Enum.IsDefined(Width))
        {
            throw new ArgumentOutOfRangeException("options", Width, $"PopulationOptions.Width must be one of Auto, Scalar, Bits128, Bits256, Bits512, got {(int)Width}");
        }
    }
}

namespace NeuroFold.Core.Populations;

/// <summary>Spike buffers a kernel reuses from block to block: one per thread, so a run allocates them O(threads) times.</summary>
internal sealed class KernelScratch
{
    /// <summary>Entries a kernel buffers before it books them.</summary>
    public const int Capacity = 1024;

    /// <summary>Step (high 32 bits) and first lane (low 32 bits) of each buffered vector of spikes.</summary>
    public long[] At { get; } = new long[Capacity];

    /// <summary>The spiking lanes of each buffered entry, lane i as bit i.</summary>
    public ulong[] Masks { get; } = new ulong[Capacity];
}

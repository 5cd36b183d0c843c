namespace NeuroFold.Core.Populations;

/// <summary>Spike buffers a kernel reuses from block to block: one per thread, so a run allocates them O(threads) times.</summary>
internal sealed class KernelScratch
{
    public long[] At { get; private set; } = [];

    public ulong[] Masks { get; private set; } = [];

    public int[] Steps { get; private set; } = [];

    /// <summary>Makes <see cref="At"/> and <see cref="Masks"/> hold at least <paramref name="room"/> entries.</summary>
    public void EnsureVectorRoom(int room)
    {
        if (At.Length < room)
        {
            At = new long[room];
            Masks = new ulong[room];
        }
    }

    /// <summary>Makes <see cref="Steps"/> hold at least <paramref name="room"/> entries.</summary>
    public void EnsureStepRoom(int room)
    {
        if (Steps.Length < room)
        {
            Steps = new int[room];
        }
    }
}

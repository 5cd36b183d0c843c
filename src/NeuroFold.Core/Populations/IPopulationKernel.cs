namespace NeuroFold.Core.Populations;

/// <summary>A kernel that advances one block of neurons through every step of a run.</summary>
/// <remarks>
/// A kernel is a struct used through a generic constraint, so the driver's loop is specialised per kernel. Contract:
/// for every neuron of <c>[start, start + count)</c> the final state, spike statistics and spikes equal those of the
/// scalar fold of its scheme bit for bit; spikes of one step are booked in ascending neuron order (the driver's merge
/// relies on it). A scheme gets a vector kernel by implementing this interface and adding one line to
/// <see cref="PopulationSimulation"/>'s dispatch; every other scheme runs on <see cref="ScalarKernel{TScheme}"/>.
/// </remarks>
internal interface IPopulationKernel
{
    /// <summary>Advances neurons <c>[start, start + count)</c> of <paramref name="work"/> through all its steps.</summary>
    /// <remarks><paramref name="scratch"/> belongs to the calling thread; <paramref name="log"/> to the block.</remarks>
    static abstract void Advance(PopulationWorkspace work, int start, int count, VectorWidth width, SpikeLog log, KernelScratch scratch);
}

using System.Runtime.CompilerServices;

namespace NeuroFold.Core.Simulation;

/// <summary>The observer that does nothing: the plain fold.</summary>
/// <typeparam name="TLane">The fold's arithmetic.</typeparam>
public readonly struct NoObserver<TLane> : IFoldObserver<TLane>
    where TLane : struct
{
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Observe(int step, TLane v, TLane u, bool spiked)
    {
    }
}

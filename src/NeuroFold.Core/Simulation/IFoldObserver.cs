namespace NeuroFold.Core.Simulation;

/// <summary>What a fold shows each step's state to (a struct, used through a constraint): how derivatives are read off a run.</summary>
/// <typeparam name="TLane">The fold's arithmetic.</typeparam>
public interface IFoldObserver<TLane>
    where TLane : struct
{
    /// <summary>The state after step <paramref name="step"/> (global index) and whether that step spiked.</summary>
    void Observe(int step, TLane v, TLane u, bool spiked);
}

using System.Collections.Immutable;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Core.Networks;

/// <summary>The spikes of a network run, in (step, neuron) order, with the final state and how the run ended.</summary>
/// <param name="SpikeSteps">0-based step of each spike, non-decreasing: the step whose start reset the neuron; its time is <c>(step + 1)·1 ms</c> (net.m's t).</param>
/// <param name="SpikeNeurons">0-based neuron of each spike, ascending within a step.</param>
/// <param name="Final">State after the last step run: every step of the run, or, when <paramref name="Status"/> is
/// <see cref="RunStatus.NonFinite"/>, the step that left the finite range (every neuron stepped; the non-finite values
/// included), the same for every thread count and vector width.</param>
/// <param name="Status">Completed, or the first step (0-based) and neuron whose state left the finite range.</param>
/// <param name="FirstStep">0-based index of the first step of this run (the <see cref="NetworkState.StepsDone"/> it started from; 0 for a new run).</param>
/// <param name="StepCount">Number of steps asked of this run (each <see cref="NetworkSimulation.StepMs"/> long): what its rates refer to.</param>
public sealed record NetworkResult(
    ImmutableArray<int> SpikeSteps, ImmutableArray<int> SpikeNeurons, NetworkState Final, RunStatus Status, int FirstStep, int StepCount)
{
    /// <summary>Number of neurons.</summary>
    public int Neurons => Final.V.Length;

    /// <summary>Simulated time of this run, ms: <c>StepCount·1 ms</c>.</summary>
    public double DurationMs => StepCount * NetworkSimulation.StepMs;

    /// <summary>Number of spikes.</summary>
    public int SpikeCount => SpikeSteps.Length;

    /// <summary>The time of spike <paramref name="index"/>, ms: <c>(step + 1)·1 ms</c>.</summary>
    public double SpikeTimeMs(int index) => (SpikeSteps[index] + 1) * NetworkSimulation.StepMs;
}

using NeuroFold.Core.Models;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Core.Simulation;

/// <summary>What a single-neuron run returns, with the grid it ran on (so rates and ISI statistics need nothing else).</summary>
/// <param name="Trace">The recorded rows (initial state included), up to the last finite state.</param>
/// <param name="Spikes">The spikes, in time order.</param>
/// <param name="Status">Completed, or where the state first left the finite range.</param>
/// <param name="Final">The last finite state reached.</param>
/// <param name="Grid">The grid whose labels time the rows and spikes (for a segment of a resumed run, the whole run's grid).</param>
/// <param name="FirstStep">Global index of the first step this result covers (0 for a whole run).</param>
/// <param name="StepCount">Number of steps this result covers (<c>Grid.Steps</c> for a whole run), including any after a non-finite stop.</param>
public sealed record SimulationResult(
    Trace Trace, SpikeTrain Spikes, RunStatus Status, IzhikevichState Final, TimeGrid Grid, int FirstStep, int StepCount)
{
    /// <summary>Simulated time this result covers, ms: <c>StepCount·dt</c> (what its rates refer to).</summary>
    public double DurationMs => StepCount * Grid.DtMs;

    /// <summary>Spike count, mean rate, first and last spike and ISI statistics over <see cref="DurationMs"/> (<see cref="SpikeStatistics"/>).</summary>
    /// <remarks>A result of no steps has no spikes and a rate of 0.</remarks>
    public SpikeStatistics Statistics =>
        DurationMs > 0
            ? SpikeStatistics.Compute(Spikes.TimesMs, DurationMs)
            : new SpikeStatistics(0, 0.0, 0.0, null, null, null, null, null, null, null);

    /// <summary>Mean firing rate over the run, Hz (<see cref="SpikeStatistics.MeanRateHz"/> of <see cref="Statistics"/>).</summary>
    public double MeanRateHz => Statistics.MeanRateHz;
}

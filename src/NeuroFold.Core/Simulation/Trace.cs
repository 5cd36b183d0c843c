using System.Collections.Immutable;

namespace NeuroFold.Core.Simulation;

/// <summary>The recorded states of a run, column by column; row 0 is the initial state at t = 0.</summary>
/// <param name="TimeMs">Time label of each row, ms.</param>
/// <param name="VMv">Membrane potential of each row, mV.</param>
/// <param name="U">Recovery variable of each row, mV/ms.</param>
public sealed record Trace(ImmutableArray<double> TimeMs, ImmutableArray<double> VMv, ImmutableArray<double> U)
{
    /// <summary>Number of rows.</summary>
    public int Count => TimeMs.Length;

    /// <summary>A trace with no rows (what a run that records no trace returns).</summary>
    public static Trace Empty { get; } = new([], [], []);
}

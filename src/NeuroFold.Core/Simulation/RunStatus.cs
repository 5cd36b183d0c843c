namespace NeuroFold.Core.Simulation;

/// <summary>How a run ended: completed, or stopped at the first state that left the finite range.</summary>
public abstract record RunStatus
{
    private protected RunStatus()
    {
    }

    /// <summary>True when every step completed with a finite state.</summary>
    public abstract bool IsCompleted { get; }

    /// <summary>The run did every step of its grid.</summary>
    public sealed record Completed : RunStatus
    {
        /// <inheritdoc />
        public override bool IsCompleted => true;
    }

    /// <summary>The state after step <paramref name="Step"/> (0-based) was NaN or infinite; the run stopped there.</summary>
    /// <param name="Step">0-based index of the step that produced the first non-finite state.</param>
    /// <param name="TimeMs">Time label of that state, ms.</param>
    /// <param name="Neuron">0-based index of the neuron concerned (0 for a single cell).</param>
    public sealed record NonFinite(int Step, double TimeMs, int Neuron) : RunStatus
    {
        /// <inheritdoc />
        public override bool IsCompleted => false;
    }
}

using System.Collections.Immutable;

namespace NeuroFold.Core.Stimuli;

/// <summary>An external input as a pure value: a rule that gives the current density of every step of a grid.</summary>
/// <remarks>
/// Currents are densities in µA/cm² (convert point currents with <see cref="Cells.Compartment.ToCurrentDensity"/>).
/// A stimulus is turned into one value per step before a run (<see cref="Sample"/>), as Jaxley's
/// <c>step_current</c> does, so no per-step code calls back into it.
/// </remarks>
public abstract record Stimulus
{
    /// <summary>The current density of every step of <paramref name="grid"/>, µA/cm²: entry k is the input of step k.</summary>
    public ImmutableArray<double> Sample(TimeGrid grid)
    {
        var values = new double[grid.Steps];
        AddTo(values, grid);
        return ImmutableArray.Create(values);
    }

    /// <summary>Adds this stimulus's value of each step to <paramref name="currents"/> (one entry per step of <paramref name="grid"/>).</summary>
    internal abstract void AddTo(Span<double> currents, TimeGrid grid);

    /// <summary>No input at all.</summary>
    public static Stimulus None { get; } = new CompositeStimulus([]);
}

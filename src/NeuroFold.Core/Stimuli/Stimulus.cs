using System.Collections.Immutable;

namespace NeuroFold.Core.Stimuli;

/// <summary>An external input as a pure value: a rule that gives the current density of every step of a grid.</summary>
/// <remarks>
/// Currents are densities in µA/cm² (convert point currents with <see cref="Cells.Compartment.ToCurrentDensity"/>).
/// A stimulus is turned into one value per step before a run (<see cref="Sample(TimeGrid)"/>), as Jaxley's
/// <c>step_current</c> does, so no per-step code calls back into it.
/// </remarks>
public abstract record Stimulus
{
    /// <summary>The current density of every step of <paramref name="grid"/>, µA/cm²: entry k is the input of step k.</summary>
    public ImmutableArray<double> Sample(TimeGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return Sample(grid, 0, grid.Steps);
    }

    /// <summary>The current density of steps <paramref name="firstStep"/> … <paramref name="firstStep"/> + <paramref name="count"/> − 1 of <paramref name="grid"/>, µA/cm².</summary>
    /// <remarks>Each value is the one <see cref="Sample(TimeGrid)"/> gives for its step, bit for bit, so a run can take its input a segment at a time.</remarks>
    public ImmutableArray<double> Sample(TimeGrid grid, int firstStep, int count)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (firstStep < 0 || count < 0 || (long)firstStep + count > grid.Steps)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"steps {firstStep}..{(long)firstStep + count - 1} do not lie in the grid's 0..{grid.Steps - 1}");
        }

        var values = new double[count];
        AddTo(values, grid, firstStep);
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    /// <summary>Adds this stimulus's value of steps <paramref name="firstStep"/> … to <paramref name="currents"/> (entry i is step <paramref name="firstStep"/> + i of <paramref name="grid"/>).</summary>
    internal abstract void AddTo(Span<double> currents, TimeGrid grid, int firstStep);

    /// <summary>No input at all.</summary>
    public static Stimulus None { get; } = new CompositeStimulus([]);
}

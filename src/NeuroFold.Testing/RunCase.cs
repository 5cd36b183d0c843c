using System.Collections.Immutable;
using NeuroFold.Core.Models;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Testing;

/// <summary>A whole single-neuron run: parameters, initial state, step size (ms) and one input per step (µA/cm²).</summary>
/// <param name="Parameters">Model parameters.</param>
/// <param name="Initial">State at t = 0.</param>
/// <param name="DtMs">Step size, ms.</param>
/// <param name="InputsUaPerCm2">One input current density per step, µA/cm².</param>
public sealed record RunCase(IzhikevichParameters Parameters, IzhikevichState Initial, double DtMs, ImmutableArray<double> InputsUaPerCm2)
{
    /// <summary>Builds a run case from an array of inputs.</summary>
    public RunCase(IzhikevichParameters parameters, IzhikevichState initial, double dtMs, double[] inputs)
        : this(parameters, initial, dtMs, ImmutableArray.Create(inputs))
    {
    }

    /// <summary>The grid with one step per input (<see cref="TimeGrid.FromSteps"/>: labels <c>(k+1)·dt</c>).</summary>
    public TimeGrid Grid => Invariants.Grid(DtMs, InputsUaPerCm2.Length);

    /// <inheritdoc />
    public override string ToString() => $"p={Parameters}, s0={Initial}, dt={DtMs:R} ms, steps={InputsUaPerCm2.Length}";
}

using NeuroFold.Core.Models;

namespace NeuroFold.Core.Schemes;

/// <summary>The result of one step: the new state and whether the step reset the neuron.</summary>
/// <param name="State">State after the step.</param>
/// <param name="Spiked">True when the step crossed the threshold and applied the reset.</param>
public readonly record struct StepOutcome(IzhikevichState State, bool Spiked);

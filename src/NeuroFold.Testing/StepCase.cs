using NeuroFold.Core.Models;

namespace NeuroFold.Testing;

/// <summary>One neuron about to be stepped: parameters, state, step size (ms) and input (µA/cm²).</summary>
/// <param name="Parameters">Model parameters.</param>
/// <param name="State">State before the step.</param>
/// <param name="DtMs">Step size, ms.</param>
/// <param name="InputUaPerCm2">Input current density of the step, µA/cm².</param>
public sealed record StepCase(IzhikevichParameters Parameters, IzhikevichState State, double DtMs, double InputUaPerCm2);

using NeuroFold.Core.Models;

namespace NeuroFold.Core.Schemes;

/// <summary>Per-run constants of a scheme: the parameters and what a step derives from them and <c>dt</c>.</summary>
/// <param name="Parameters">Model parameters.</param>
/// <param name="DtMs">Step size, ms.</param>
/// <param name="CapacitanceUfPerCm2">Membrane capacitance, µF/cm².</param>
/// <param name="Decay">The exponential-Euler factor <c>e = exp(−dt/τ)</c>, <c>τ = 1/a</c>, where a scheme uses it.</param>
public readonly record struct StepConstants(IzhikevichParameters Parameters, double DtMs, double CapacitanceUfPerCm2, double Decay);

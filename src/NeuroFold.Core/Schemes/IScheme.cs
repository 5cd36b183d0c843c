using NeuroFold.Core.Models;

namespace NeuroFold.Core.Schemes;

/// <summary>A numerical scheme for one step of the Izhikevich model: a pure function of constants, state and input.</summary>
/// <remarks>
/// Schemes are structs with static members, used through a generic constraint
/// (<c>where TScheme : struct, IScheme</c>) so the JIT specialises every loop and nothing is boxed or called virtually.
/// Changing a scheme's arithmetic is a breaking change: each documents its evaluation order and time labels.
/// </remarks>
public interface IScheme
{
    /// <summary>The scheme's name on the command line and in manifests (lower case).</summary>
    static abstract string Name { get; }

    /// <summary>Precomputes what every step reuses (for example <c>exp(−dt·a)</c>) once per run.</summary>
    /// <param name="parameters">Model parameters.</param>
    /// <param name="dtMs">Step size, ms.</param>
    /// <param name="capacitanceUfPerCm2">Membrane capacitance, µF/cm², through which the input enters.</param>
    static abstract StepConstants Prepare(in IzhikevichParameters parameters, double dtMs, double capacitanceUfPerCm2);

    /// <summary>Advances one step from <paramref name="state"/> with input current density <paramref name="inputUaPerCm2"/>.</summary>
    static abstract StepOutcome Step(in StepConstants constants, IzhikevichState state, double inputUaPerCm2);
}

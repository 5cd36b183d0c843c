using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;

namespace NeuroFold.Core.Simulation;

/// <summary>A step function with everything it needs captured: what <see cref="Simulation.Fold{TStepper}"/> folds.</summary>
/// <remarks>Implemented by small readonly structs (a scheme with its constants, the 2007 model with its parameters) so that the JIT specialises the fold and nothing is boxed.</remarks>
internal interface IStepper
{
    /// <summary>Advances one step from <paramref name="state"/> with <paramref name="input"/>.</summary>
    StepOutcome Step(IzhikevichState state, double input);
}

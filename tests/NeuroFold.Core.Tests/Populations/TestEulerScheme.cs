using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;

namespace NeuroFold.Core.Tests.Populations;

/// <summary>A scheme without a vector kernel (forward Euler from the old values), to exercise the generic scalar kernel.</summary>
public readonly struct TestEulerScheme : IScheme
{
    /// <inheritdoc />
    public static string Name => "test-euler";

    /// <inheritdoc />
    public static StepConstants Prepare(in IzhikevichParameters parameters, double dtMs, double capacitanceUfPerCm2) =>
        new(parameters, dtMs, capacitanceUfPerCm2, dtMs * parameters.A);

    /// <inheritdoc />
    public static StepOutcome Step(in StepConstants constants, IzhikevichState state, double inputUaPerCm2)
    {
        var p = constants.Parameters;
        double v = state.V + (constants.DtMs * (Izhikevich.Drive(state.V, state.U) + (inputUaPerCm2 / constants.CapacitanceUfPerCm2)));
        double u = state.U + (constants.Decay * ((p.B * state.V) - state.U));
        return v >= Izhikevich.PeakMv
            ? new StepOutcome(new IzhikevichState(p.C, u + p.D), true)
            : new StepOutcome(new IzhikevichState(v, u), false);
    }
}

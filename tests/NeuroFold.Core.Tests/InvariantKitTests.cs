using FsCheck;
using FsCheck.Xunit;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Testing;

namespace NeuroFold.Core.Tests;

/// <summary>The project eats its own cooking: NeuroFold.Testing's ready-made invariants, applied to the Jaxley scheme.</summary>
[Properties(MaxTest = 150)]
public class InvariantKitTests
{
    [Property]
    public Property Jaxley_fold_splits() => Invariants.FoldSplitting<JaxleyScheme>(NeuroGen.Parameters);

    [Property]
    public Property Jaxley_is_deterministic() => Invariants.Determinism<JaxleyScheme>(NeuroGen.Parameters);

    [Property]
    public Property Jaxley_resets_to_c() => Invariants.ResetToC<JaxleyScheme>(NeuroGen.Presets);

    [Property]
    public Property Jaxley_reset_adds_d() => Invariants.JaxleyResetAddsD(NeuroGen.Parameters);

    [Property]
    public Property Jaxley_nullcline_is_fixed() => Invariants.JaxleyNullclineFixedPoint(NeuroGen.Parameters);

    [Property]
    public Property A_researchers_own_cell_and_its_neighbourhood_fold_split() =>
        Invariants.FoldSplitting<JaxleyScheme>(NeuroGen.Around(new IzhikevichParameters(0.03, 0.25, -52, 0), 0.1));

    /// <summary>The agreement check is not vacuous: a scheme with the wrong input scaling is caught.</summary>
    [Fact]
    public void Scheme_agreement_catches_a_scheme_that_integrates_a_different_equation()
    {
        Assert.ThrowsAny<Exception>(() =>
            Invariants.SchemesAgreeAsDtShrinks<JaxleyScheme, DoubleInputScheme>(NeuroGen.Presets).QuickCheckThrowOnFailure());
    }

    [Property(MaxTest = 40)]
    public Property Jaxley_agrees_with_itself_shifted_to_exact_u_as_dt_shrinks() =>
        Invariants.SchemesAgreeAsDtShrinks<JaxleyScheme, ExactInputScheme>(NeuroGen.Presets);

    /// <summary>A deliberately wrong scheme: the input counts twice.</summary>
    readonly struct DoubleInputScheme : IScheme
    {
        public static string Name => "double-input";

        public static StepConstants Prepare(in IzhikevichParameters parameters, double dtMs, double capacitanceUfPerCm2) =>
            JaxleyScheme.Prepare(parameters, dtMs, capacitanceUfPerCm2);

        public static StepOutcome Step(in StepConstants constants, IzhikevichState state, double inputUaPerCm2) =>
            JaxleyScheme.Step(constants, state, 2 * inputUaPerCm2 + 1);
    }

    /// <summary>A different, consistent discretisation: the input enters before the v update instead of after the reset.</summary>
    readonly struct ExactInputScheme : IScheme
    {
        public static string Name => "input-first";

        public static StepConstants Prepare(in IzhikevichParameters parameters, double dtMs, double capacitanceUfPerCm2) =>
            JaxleyScheme.Prepare(parameters, dtMs, capacitanceUfPerCm2);

        public static StepOutcome Step(in StepConstants constants, IzhikevichState state, double inputUaPerCm2)
        {
            var shifted = new IzhikevichState(state.V + (constants.DtMs * inputUaPerCm2), state.U);
            return JaxleyScheme.ChannelStep(constants, shifted);
        }
    }
}

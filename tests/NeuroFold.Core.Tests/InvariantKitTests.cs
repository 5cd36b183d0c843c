using FsCheck;
using FsCheck.Xunit;
using NeuroFold.Core.Arithmetic;
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

    /// <summary>A deliberately wrong scheme: the input counts twice (and one more), on Jaxley's step.</summary>
    readonly struct DoubleInputScheme : IScheme<DoubleInputScheme, IzhikevichParameters>
    {
        public static string Name => "double-input";

        public static TraceConvention Convention => TraceConvention.AfterStep;

        public static bool NonFiniteIsAbsorbing => false;

        public static TResult Apply<TLane, TMask, TVisitor, TResult>(ref TVisitor visitor)
            where TLane : struct, ILane<TLane, TMask>
            where TMask : struct
            where TVisitor : IStepVisitor<IzhikevichParameters, TResult>, allows ref struct =>
            visitor.Visit<Constants<TLane, TMask>, TLane, TMask>();

        public readonly struct Constants<TLane, TMask> : IStep<Constants<TLane, TMask>, IzhikevichParameters, TLane, TMask>
            where TLane : struct, ILane<TLane, TMask>
            where TMask : struct
        {
            JaxleyScheme.Constants<TLane, TMask> Jaxley { get; init; }

            public static Constants<TLane, TMask> Prepare(ReadOnlySpan<IzhikevichParameters> neurons, double dtMs, double capacitance) =>
                new() { Jaxley = JaxleyScheme.Constants<TLane, TMask>.Prepare(neurons, dtMs, capacitance) };

            public TLane Input(TLane current) => Jaxley.Input((TLane.Constant(2.0) * current) + TLane.Constant(1.0));

            public ulong Step(ref TLane v, ref TLane u, TLane input) => Jaxley.Step(ref v, ref u, input);
        }
    }

    /// <summary>A different, consistent discretisation: the input enters before the v update instead of after the reset.</summary>
    readonly struct ExactInputScheme : IScheme<ExactInputScheme, IzhikevichParameters>
    {
        public static string Name => "input-first";

        public static TraceConvention Convention => TraceConvention.AfterStep;

        public static bool NonFiniteIsAbsorbing => false;

        public static TResult Apply<TLane, TMask, TVisitor, TResult>(ref TVisitor visitor)
            where TLane : struct, ILane<TLane, TMask>
            where TMask : struct
            where TVisitor : IStepVisitor<IzhikevichParameters, TResult>, allows ref struct =>
            visitor.Visit<Constants<TLane, TMask>, TLane, TMask>();

        public readonly struct Constants<TLane, TMask> : IStep<Constants<TLane, TMask>, IzhikevichParameters, TLane, TMask>
            where TLane : struct, ILane<TLane, TMask>
            where TMask : struct
        {
            JaxleyScheme.Constants<TLane, TMask> Jaxley { get; init; }

            public static Constants<TLane, TMask> Prepare(ReadOnlySpan<IzhikevichParameters> neurons, double dtMs, double capacitance) =>
                new() { Jaxley = JaxleyScheme.Constants<TLane, TMask>.Prepare(neurons, dtMs, capacitance) };

            /// <summary><c>dt·J</c>, added to v before the channel update.</summary>
            public TLane Input(TLane current) => Jaxley.DtMs * current;

            public ulong Step(ref TLane v, ref TLane u, TLane input)
            {
                v = v + input;
                return Jaxley.Channel(ref v, ref u);
            }
        }
    }
}

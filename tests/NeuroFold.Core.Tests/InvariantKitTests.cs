using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core;
using NeuroFold.Testing;

namespace NeuroFold.Core.Tests;

/// <summary>The project eats its own cooking: NeuroFold.Testing's ready-made invariants, applied to every scheme they claim to hold for.</summary>
/// <remarks>docs/TESTING.md is the catalogue these tests check: each claimed invariant holds, each documented failure is found.</remarks>
[Properties(MaxTest = 150)]
public class InvariantKitTests
{
    [Property] public Property Jaxley_fold_splits() => Invariants.FoldSplitting<JaxleyScheme>(NeuroArb.Parameters);

    [Property] public Property Paper_fold_splits() => Invariants.FoldSplitting<PaperScheme>(NeuroArb.Parameters);

    [Property] public Property Net2003_fold_splits() => Invariants.FoldSplitting<Net2003Scheme>(NeuroArb.Parameters);

    [Property] public Property Euler_fold_splits() => Invariants.FoldSplitting<ForwardEulerScheme>(NeuroArb.Parameters);

    [Property] public Property Jaxley_is_deterministic() => Invariants.Determinism<JaxleyScheme>(NeuroArb.Parameters);

    [Property] public Property Net2003_is_deterministic() => Invariants.Determinism<Net2003Scheme>(NeuroArb.Parameters);

    [Property] public Property Paper_is_deterministic() => Invariants.Determinism<PaperScheme>(NeuroArb.Parameters);

    [Property] public Property Euler_is_deterministic() => Invariants.Determinism<ForwardEulerScheme>(NeuroArb.Parameters);

    [Property] public Property Jaxley_resets_to_c() => Invariants.ResetToC<JaxleyScheme>(NeuroArb.Presets);

    [Property] public Property Paper_resets_to_c() => Invariants.ResetToC<PaperScheme>(NeuroArb.Parameters);

    [Property] public Property Euler_resets_to_c() => Invariants.ResetToC<ForwardEulerScheme>(NeuroArb.Parameters);

    [Property] public Property Jaxley_reset_adds_d() => Invariants.ResetAddsD<JaxleyScheme>(NeuroArb.Parameters);

    [Property] public Property Paper_reset_adds_d() => Invariants.ResetAddsD<PaperScheme>(NeuroArb.Parameters);

    [Property] public Property Euler_reset_adds_d() => Invariants.ResetAddsD<ForwardEulerScheme>(NeuroArb.Parameters);

    [Property] public Property Jaxley_nullcline_is_fixed() => Invariants.NullclineFixedPoint<JaxleyScheme>(NeuroArb.Parameters);

    [Property] public Property Euler_nullcline_is_fixed() => Invariants.NullclineFixedPoint<ForwardEulerScheme>(NeuroArb.Parameters);

    [Property]
    public Property A_researchers_own_cell_and_its_neighbourhood_fold_split() =>
        Invariants.FoldSplitting<JaxleyScheme>(NeuroArb.Around(IzhikevichParameters.Create(0.03, 0.25, -52, 0).OrThrow(), 0.1));

    [Property]
    public Property A_plain_generator_is_accepted_too() => Invariants.FoldSplitting<JaxleyScheme>(NeuroGen.Around(Presets.Chattering, 0.2));

    /// <summary>The catalogue's failures are real: each invariant a scheme does not have is refuted by FsCheck.</summary>
    [Fact]
    public void The_documented_failures_are_found()
    {
        Assert.ThrowsAny<Exception>(() => Invariants.ResetToC<Net2003Scheme>(NeuroArb.Parameters).QuickCheckThrowOnFailure());
        Assert.ThrowsAny<Exception>(() => Invariants.ResetAddsD<Net2003Scheme>(NeuroArb.Parameters).QuickCheckThrowOnFailure());
        Assert.ThrowsAny<Exception>(() => Invariants.NullclineFixedPoint<PaperScheme>(NeuroArb.Parameters).QuickCheckThrowOnFailure());
        Assert.ThrowsAny<Exception>(() => Invariants.NullclineFixedPoint<Net2003Scheme>(NeuroArb.Parameters).QuickCheckThrowOnFailure());
    }

    /// <summary>A failure shrinks to the simplest case in range: the regular-spiking cell, v = −65 mV, dt = 0.1 ms (paper's u reads the new v everywhere).</summary>
    [Fact]
    public void A_failure_is_reported_shrunk_to_the_simplest_case_and_without_a_null_original()
    {
        var e = Assert.ThrowsAny<Exception>(() => Invariants.NullclineFixedPoint<PaperScheme>(NeuroArb.Parameters).QuickCheckThrowOnFailure());
        string shrunk = e.Message[e.Message.IndexOf("Shrunk", StringComparison.Ordinal)..];
        Assert.True(shrunk.Contains("A = 0.02, B = 0.2, C = -65, D = 8", StringComparison.Ordinal), shrunk);
        Assert.True(shrunk.Contains("V = -65,", StringComparison.Ordinal), shrunk);
        Assert.True(shrunk.Contains("DtMs = 0.1,", StringComparison.Ordinal), shrunk);
        Assert.DoesNotContain("<null>", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Runs shrink to fewer steps, zero inputs, dt = 0.1 ms, v0 = −65 mV and the regular-spiking cell: "no run has a step" fails on one step of the simplest run.</summary>
    [Fact]
    public void A_run_case_shrinks_towards_one_step_zero_input_and_round_numbers()
    {
        var e = Assert.ThrowsAny<Exception>(() =>
            Prop.ForAll(NeuroArb.Runs(NeuroArb.Parameters), c => c.InputsUaPerCm2.Length == 0).QuickCheckThrowOnFailure());
        string shrunk = e.Message[e.Message.IndexOf("Shrunk", StringComparison.Ordinal)..];
        Assert.True(shrunk.Contains("p=IzhikevichParameters { A = 0.02, B = 0.2, C = -65, D = 8 }", StringComparison.Ordinal), shrunk);
        Assert.True(shrunk.Contains("s0=IzhikevichState { V = -65, U = -13, IsFinite = True }", StringComparison.Ordinal), shrunk);
        Assert.True(shrunk.Contains("dt=0.1 ms, steps=1", StringComparison.Ordinal), shrunk);
    }

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

using FsCheck.Xunit;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using NeuroFold.Core.Tests.Generators;
using NeuroFold.Core.Tests.Support;

namespace NeuroFold.Core.Tests.Schemes;

/// <summary>
/// Properties every scheme shares, written once and run for each scheme (the derived classes below):
/// determinism, fold splitting (n + m steps = n steps then m steps), and the reset semantics — a reset adds exactly d
/// to u and leaves v at c (schemes that reset at the end of a step), or the spiking step is the ordinary step from
/// (c, u + d) (net.m's reset at the start of the next step). Inputs are zero where the reset is checked.
/// Each scheme is checked through its prepared scalar step <typeparamref name="TStep"/> (its <c>Constants</c> at
/// <see cref="ScalarLane"/>), and whole runs through <see cref="Simulation.Simulation.Run{TScheme}"/>.
/// </summary>
[Properties(Arbitrary = new[] { typeof(SchemeArbs) }, MaxTest = 300)]
public abstract class SchemeContract<TScheme, TStep>
    where TScheme : struct, IScheme<TScheme, IzhikevichParameters>
    where TStep : struct, IStep<TStep, IzhikevichParameters, ScalarLane, bool>
{
    /// <summary>True for schemes that apply the reset at the start of the step that follows the crossing.</summary>
    protected abstract bool ResetsAtStart { get; }

    static TStep Prepare(IzhikevichParameters p, double dtMs) => TStep.Prepare(new ReadOnlySpan<IzhikevichParameters>(in p), dtMs, 1.0);

    static StepOutcome Step(in TStep k, IzhikevichState s, double input) => Stepping.Step(k, s, input);

    /// <summary>Guards the pairing: the scheme's own <c>Apply</c> hands out this step type at <see cref="ScalarLane"/>.</summary>
    [Fact]
    public void The_scheme_applies_this_step_type()
    {
        var probe = default(StepTypeProbe);
        Assert.Equal(typeof(TStep), TScheme.Apply<ScalarLane, bool, StepTypeProbe, Type>(ref probe));
    }

    [Property]
    public bool Same_input_gives_the_same_bits(StepCase x)
    {
        var k = Prepare(x.Parameters, x.DtMs);
        var first = Step(k, x.State, x.Input);
        var second = Step(Prepare(x.Parameters, x.DtMs), x.State, x.Input);
        return Bits(first.State.V) == Bits(second.State.V) && Bits(first.State.U) == Bits(second.State.U) && first.Spiked == second.Spiked;
    }

    [Property(MaxTest = 100)]
    public bool N_plus_m_steps_equal_n_steps_then_m_steps(SplitCase x)
    {
        var k = Prepare(x.Parameters, x.DtMs);
        var all = x.First.Concat(x.Second).ToArray();
        var whole = Simulation.Simulation.Advance(k, x.State, all);
        var split = Simulation.Simulation.Advance(k, Simulation.Simulation.Advance(k, x.State, x.First), x.Second);
        return Bits(whole.V) == Bits(split.V) && Bits(whole.U) == Bits(split.U);
    }

    [Property(MaxTest = 50)]
    public bool A_run_is_reproducible_and_agrees_with_the_fold(SplitCase x)
    {
        var grid = Grids.Steps(x.DtMs, x.First.Length);
        var r1 = Simulation.Simulation.Run<TScheme>(x.Parameters, x.State, grid, x.First, 1.0, Recording.Full);
        var r2 = Simulation.Simulation.Run<TScheme>(x.Parameters, x.State, grid, x.First, 1.0, Recording.Full);
        var folded = Simulation.Simulation.Advance(Prepare(x.Parameters, x.DtMs), x.State, x.First);
        bool same = r1.Trace.VMv.SequenceEqual(r2.Trace.VMv) && r1.Trace.U.SequenceEqual(r2.Trace.U) && r1.Spikes.Steps.SequenceEqual(r2.Spikes.Steps);
        return same && (!r1.Status.IsCompleted || (Bits(r1.Final.V) == Bits(folded.V) && Bits(r1.Final.U) == Bits(folded.U)));
    }

    [Property]
    public bool The_reset_sets_v_to_c_and_adds_exactly_d(StepCase x)
    {
        var p = x.Parameters;
        var k = Prepare(p, x.DtMs);
        var withoutD = Prepare(new IzhikevichParameters(p.A, p.B, p.C, 0), x.DtMs);
        var outcome = Step(k, x.State, 0.0);
        var reference = Step(withoutD, x.State, 0.0);
        if (ResetsAtStart)
        {
            bool shouldSpike = x.State.V >= Izhikevich.PeakMv;
            var fromReset = Step(k, new IzhikevichState(p.C, x.State.U + p.D), 0.0);
            return outcome.Spiked == shouldSpike
                && (!shouldSpike || (outcome.State == fromReset.State && !fromReset.Spiked));
        }

        return outcome.Spiked == reference.Spiked
            && (!outcome.Spiked
                ? outcome.State == reference.State
                : Bits(outcome.State.V) == Bits(p.C) && Bits(outcome.State.U) == Bits(reference.State.U + p.D));
    }

    [Property]
    public bool D_matters_only_at_a_reset(StepCase x)
    {
        var k = Prepare(x.Parameters, x.DtMs);
        var other = Prepare(new IzhikevichParameters(x.Parameters.A, x.Parameters.B, x.Parameters.C, x.Parameters.D + 1.0), x.DtMs);
        var a = Step(k, x.State, x.Input);
        var b = Step(other, x.State, x.Input);
        return a.Spiked || a == b;
    }

    static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    readonly struct StepTypeProbe : IStepVisitor<IzhikevichParameters, Type>
    {
        public Type Visit<TVisited, TLane, TMask>()
            where TVisited : struct, IStep<TVisited, IzhikevichParameters, TLane, TMask>
            where TLane : struct, ILane<TLane, TMask>
            where TMask : struct => typeof(TVisited);
    }
}

/// <summary>The shared properties for <see cref="PaperScheme"/>.</summary>
public sealed class PaperSchemeContract : SchemeContract<PaperScheme, PaperScheme.Constants<ScalarLane, bool>>
{
    protected override bool ResetsAtStart => false;
}

/// <summary>The shared properties for <see cref="ForwardEulerScheme"/>.</summary>
public sealed class ForwardEulerSchemeContract : SchemeContract<ForwardEulerScheme, ForwardEulerScheme.Constants<ScalarLane, bool>>
{
    protected override bool ResetsAtStart => false;
}

/// <summary>The shared properties for <see cref="Net2003Scheme"/>.</summary>
public sealed class Net2003SchemeContract : SchemeContract<Net2003Scheme, Net2003Scheme.Constants<ScalarLane, bool>>
{
    protected override bool ResetsAtStart => true;
}

/// <summary>The shared properties for <see cref="JaxleyScheme"/> (with zero input its reset also leaves v = c).</summary>
public sealed class JaxleySchemeContract : SchemeContract<JaxleyScheme, JaxleyScheme.Constants<ScalarLane, bool>>
{
    protected override bool ResetsAtStart => false;
}

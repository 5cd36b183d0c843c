using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Core.Tests.Support;

/// <summary>Grids for tests: the factories of <see cref="TimeGrid"/>, with a failure thrown (test inputs are valid).</summary>
internal static class Grids
{
    /// <summary>Exactly <paramref name="steps"/> steps of <paramref name="dtMs"/>, labelled <c>(k+1)·dt</c>.</summary>
    public static TimeGrid Steps(double dtMs, int steps) => Valid(TimeGrid.FromSteps(dtMs, steps));

    /// <summary>MATLAB's <c>0:dt:t_max</c> as a grid (<c>figure1.m</c>).</summary>
    public static TimeGrid Colon(double dtMs, double tMaxMs) => Valid(TimeGrid.MatlabColon(dtMs, tMaxMs));

    static TimeGrid Valid(LanguageExt.Validation<LanguageExt.Common.Error, TimeGrid> grid) =>
        grid.Match(Succ: g => g, Fail: e => throw new InvalidOperationException(string.Join("; ", e.Map(x => x.Message))));
}

/// <summary>Single steps of prepared scalar steps, as <see cref="StepOutcome"/>s.</summary>
internal static class Stepping
{
    /// <summary>One step of <paramref name="step"/> from <paramref name="state"/> with input current <paramref name="current"/>.</summary>
    public static StepOutcome Step<TStep>(in TStep step, IzhikevichState state, double current)
        where TStep : struct, IStep<ScalarLane, bool> =>
        Simulation.Simulation.Advance(step, state, current);

    /// <summary>Jaxley's channel update alone (steps 1–3, no input) from <paramref name="state"/>.</summary>
    public static StepOutcome Channel(in JaxleyScheme.Constants<ScalarLane, bool> k, IzhikevichState state)
    {
        ScalarLane v = state.V;
        ScalarLane u = state.U;
        bool spiked = k.Channel(ref v, ref u) != 0;
        return new StepOutcome(new IzhikevichState(v, u), spiked);
    }
}

/// <summary>Bitwise comparisons of doubles (NaN equals NaN of the same payload, +0 differs from −0).</summary>
internal static class Bits
{
    public static long Of(double x) => BitConverter.DoubleToInt64Bits(x);

    public static bool Same(double x, double y) => Of(x) == Of(y);

    public static bool Same(IzhikevichState x, IzhikevichState y) => Same(x.V, y.V) && Same(x.U, y.U);

    public static bool Same(System.Collections.Immutable.ImmutableArray<double> x, System.Collections.Immutable.ImmutableArray<double> y)
    {
        if (x.Length != y.Length)
        {
            return false;
        }

        for (int i = 0; i < x.Length; i++)
        {
            if (!Same(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }
}

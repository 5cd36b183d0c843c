using System.Collections.Immutable;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Core.Published;

/// <summary>One published protocol of Izhikevich's MATLAB code: a model, an initial state, a time span and an input rule.</summary>
/// <remarks>
/// Runs as the published loop does: <c>tspan = 0:tau:T</c> (MATLAB's colon, <see cref="TimeGrid.MatlabColon"/>),
/// <c>I = Input(t)</c> at every <c>t</c> of tspan (the rule uses the published strict comparisons), <see cref="PaperScheme"/>
/// for the steps.
/// The input rule is a pure function of t; it is sampled once, before the loop.
/// </remarks>
/// <param name="Id">Kebab-case id (<c>tonic-spiking</c>, <c>rs</c>, …).</param>
/// <param name="Title">Panel title as in the paper, e.g. <c>(A) tonic spiking</c>.</param>
/// <param name="Model">The model variant (coefficients, recovery equation, a, b, c, d).</param>
/// <param name="V0Mv">Initial v, mV.</param>
/// <param name="U0">Initial u, mV/ms (b·v0 unless the protocol says otherwise).</param>
/// <param name="TauMs">Step τ, ms.</param>
/// <param name="TMaxMs">End of tspan T, ms.</param>
/// <param name="Input">Izhikevich's I as a function of t (ms), as published.</param>
public sealed record PaperProtocol(
    string Id,
    string Title,
    IzhikevichVariant Model,
    double V0Mv,
    double U0,
    double TauMs,
    double TMaxMs,
    Func<double, double> Input)
{
    /// <summary>The initial state (v0, u0).</summary>
    public IzhikevichState Initial => new(V0Mv, U0);

    /// <summary>The published <c>tspan = 0:tau:T</c> as a grid: one step per element, labelled with it.</summary>
    public TimeGrid Grid() =>
        TimeGrid.MatlabColon(TauMs, TMaxMs).Match(Succ: g => g, Fail: e => throw new InvalidOperationException(Validation.Checks.Describe(e)));

    /// <summary>The input at each step of <paramref name="grid"/>: <c>I(t_k)</c> at the step's label.</summary>
    public ImmutableArray<double> Sample(TimeGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var values = new double[grid.Steps];
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = Input(grid.TimeAfterStep(k));
        }

        return ImmutableArray.Create(values);
    }

    /// <summary>Runs the protocol as published: <see cref="PaperScheme"/> on <c>0:tau:T</c>, Izhikevich's I (C_m = 1).</summary>
    public SimulationResult Run()
    {
        var grid = Grid();
        return Simulation.Simulation.Run<PaperScheme, IzhikevichVariant>(Model, Initial, grid, Sample(grid).AsSpan(), 1.0, Recording.Full);
    }
}

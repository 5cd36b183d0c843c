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
public sealed record PaperProtocol
{
    internal PaperProtocol(string id, string title, IzhikevichVariant model, double v0Mv, double u0, double tauMs, double tMaxMs, Func<double, double> input)
    {
        Id = id;
        Title = title;
        Model = model;
        V0Mv = v0Mv;
        U0 = u0;
        TauMs = tauMs;
        TMaxMs = tMaxMs;
        Input = input;
    }

    /// <summary>Kebab-case id (<c>tonic-spiking</c>, <c>rs</c>, …).</summary>
    public string Id { get; }

    /// <summary>Panel title as in the paper, e.g. <c>(A) tonic spiking</c>.</summary>
    public string Title { get; }

    /// <summary>The model variant (coefficients, recovery equation, a, b, c, d).</summary>
    public IzhikevichVariant Model { get; }

    /// <summary>Initial v, mV.</summary>
    public double V0Mv { get; }

    /// <summary>Initial u, mV/ms (b·v0 unless the protocol says otherwise).</summary>
    public double U0 { get; }

    /// <summary>Step τ, ms.</summary>
    public double TauMs { get; }

    /// <summary>End of tspan T, ms.</summary>
    public double TMaxMs { get; }

    /// <summary>Izhikevich's I as a function of t (ms), as published.</summary>
    public Func<double, double> Input { get; }

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

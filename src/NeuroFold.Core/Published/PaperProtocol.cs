using System.Collections.Immutable;
using NeuroFold.Core.Models;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Core.Published;

/// <summary>One published protocol of Izhikevich's MATLAB code: a model, an initial state, a time span and an input rule.</summary>
/// <remarks>
/// Runs as the published loop does: <c>tspan = 0:tau:T</c> (<see cref="MatlabColon"/>), <c>I = Input(t)</c> at every
/// <c>t</c> of tspan (the rule uses the published strict comparisons), <see cref="PaperRun"/> for the steps.
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

    /// <summary>The published <c>tspan = 0:tau:T</c>, ms.</summary>
    public ImmutableArray<double> TimesMs() => MatlabColon.Build(0.0, TauMs, TMaxMs);

    /// <summary>The input at each of <paramref name="timesMs"/>.</summary>
    public ImmutableArray<double> Sample(ImmutableArray<double> timesMs)
    {
        var values = new double[timesMs.Length];
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = Input(timesMs[k]);
        }

        return ImmutableArray.Create(values);
    }

    /// <summary>Runs the protocol as published.</summary>
    public SimulationResult Run()
    {
        var times = TimesMs();
        var input = Sample(times);
        return PaperRun.Run(Model, Initial, TauMs, times.AsSpan(), input.AsSpan());
    }
}

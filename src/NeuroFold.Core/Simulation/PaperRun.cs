using System.Collections.Immutable;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;

namespace NeuroFold.Core.Simulation;

/// <summary>The loop of Izhikevich's <c>figure1.m</c>: <see cref="PaperScheme"/> with the published recording conventions.</summary>
/// <remarks>
/// <c>for t = tspan</c>: step k uses <c>I(t_k)</c>, the resulting state is labelled <c>t_k</c>, the trace records 30 mV
/// at a spike (then v = c) and the spike time is t_k. The trace is the published <c>VV</c>/<c>uu</c>: one row per step,
/// <b>without</b> a row for the initial state (unlike <see cref="Simulation.Run{TScheme}"/>, whose row 0 is the initial state).
/// </remarks>
public static class PaperRun
{
    /// <summary>Runs <paramref name="model"/> from <paramref name="initial"/> with one time label and one input per step.</summary>
    /// <param name="model">The model variant.</param>
    /// <param name="initial">State before the first step.</param>
    /// <param name="tauMs">Step τ, ms.</param>
    /// <param name="timesMs">The label t_k of each step (MATLAB's <c>0:tau:T</c>, see <see cref="Stimuli.MatlabColon"/>).</param>
    /// <param name="input">Izhikevich's I at each t_k (mV/ms); at least as many values as times.</param>
    /// <returns>The trace (t_k, recorded v, u), the spikes (step k, t_k) and the status; a non-finite state stops the run.</returns>
    public static SimulationResult Run(in IzhikevichVariant model, IzhikevichState initial, double tauMs, ReadOnlySpan<double> timesMs, ReadOnlySpan<double> input)
    {
        if (input.Length < timesMs.Length)
        {
            throw new ArgumentException($"the input has {input.Length} values for {timesMs.Length} steps", nameof(input));
        }

        int steps = timesMs.Length;
        var time = new double[steps];
        var vs = new double[steps];
        var us = new double[steps];
        var spikeSteps = ImmutableArray.CreateBuilder<int>();
        var spikeTimes = ImmutableArray.CreateBuilder<double>();
        RunStatus status = new RunStatus.Completed();
        var state = initial;
        int row = 0;
        for (int k = 0; k < steps; k++)
        {
            var outcome = PaperScheme.StepVariant(model, tauMs, state, input[k]);
            if (!outcome.State.IsFinite)
            {
                status = new RunStatus.NonFinite(k, timesMs[k], 0);
                break;
            }

            state = outcome.State;
            time[row] = timesMs[k];
            vs[row] = outcome.Spiked ? PaperScheme.RecordedPeakMv : state.V;
            us[row] = state.U;
            row++;
            if (outcome.Spiked)
            {
                spikeSteps.Add(k);
                spikeTimes.Add(timesMs[k]);
            }
        }

        var trace = new Trace(Freeze(time, row), Freeze(vs, row), Freeze(us, row));
        return new SimulationResult(trace, new SpikeTrain(spikeSteps.ToImmutable(), spikeTimes.ToImmutable()), status, state);
    }

    static ImmutableArray<double> Freeze(double[] buffer, int count) =>
        count == buffer.Length ? ImmutableArray.Create(buffer) : ImmutableArray.Create(buffer, 0, count);
}

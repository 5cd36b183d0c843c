using System.Collections.Immutable;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Cli.Execution;

/// <summary>Runs a resolved simulation with the scheme it names, in chunks so that progress can be shown.</summary>
/// <remarks>
/// A chunked run is the same fold as one <see cref="Simulation.Run{TScheme}"/> call over the whole grid: each chunk starts
/// from the previous chunk's final state, chunk lengths are multiples of the recording interval, and time labels are
/// recomputed from the global step index with <see cref="TimeGrid.TimeAfterStep"/>, so the result is the same bits.
/// </remarks>
internal static class Integrator
{
    /// <summary>Steps per chunk (progress is reported once per chunk).</summary>
    public const int DefaultChunkSteps = 1 << 20;

    /// <summary>Runs <paramref name="spec"/> on <paramref name="inputUaPerCm2"/> (one value per step) with its scheme.</summary>
    public static SimulationResult Run(ResolvedSimulation spec, ReadOnlySpan<double> inputUaPerCm2, int chunkSteps, Action<int>? stepsDone)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Scheme switch
        {
            _ when SchemeRunner.Is2007(spec.Preset) => Whole(SchemeRunner.Run2007(spec), spec.Grid.Steps, stepsDone),
            "jaxley" => RunInChunks<JaxleyScheme>(spec.Parameters, spec.Initial, spec.Grid, inputUaPerCm2, spec.Compartment.CapacitanceUfPerCm2, spec.Recording, chunkSteps, stepsDone),
            "net2003" => RunInChunks<Net2003Scheme>(spec.Parameters, spec.Initial, spec.Grid, inputUaPerCm2, spec.Compartment.CapacitanceUfPerCm2, spec.Recording, chunkSteps, stepsDone),
            "euler" => RunInChunks<ForwardEulerScheme>(spec.Parameters, spec.Initial, spec.Grid, inputUaPerCm2, spec.Compartment.CapacitanceUfPerCm2, spec.Recording, chunkSteps, stepsDone),
            // paper traces have no initial row (figure1.m's VV), so they are not stitched from chunks
            "paper" => Whole(SchemeRunner.RunPaper(spec), spec.Grid.Steps, stepsDone),
            _ => throw new ArgumentException($"no integrator for scheme '{spec.Scheme}'", nameof(spec)),
        };
    }

    static SimulationResult Whole(SimulationResult result, int steps, Action<int>? stepsDone)
    {
        stepsDone?.Invoke(steps);
        return result;
    }

    /// <summary>The chunked fold; equal bit for bit to <see cref="Simulation.Run{TScheme}"/> on the whole grid.</summary>
    public static SimulationResult RunInChunks<TScheme>(
        IzhikevichParameters parameters,
        IzhikevichState initial,
        TimeGrid grid,
        ReadOnlySpan<double> inputUaPerCm2,
        double capacitanceUfPerCm2,
        Recording recording,
        int chunkSteps,
        Action<int>? stepsDone)
        where TScheme : struct, IScheme
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSteps, 1);
        int steps = grid.Steps;
        int every = recording.Every;
        int chunk = Math.Max(every, chunkSteps / every * every);
        if (steps <= chunk)
        {
            var whole = Simulation.Run<TScheme>(parameters, initial, grid, inputUaPerCm2, capacitanceUfPerCm2, recording);
            stepsDone?.Invoke(steps);
            return whole;
        }

        int rows = recording.KeepTrace ? (steps / every) + 1 : 0;
        var time = ImmutableArray.CreateBuilder<double>(rows);
        var vs = ImmutableArray.CreateBuilder<double>(rows);
        var us = ImmutableArray.CreateBuilder<double>(rows);
        if (recording.KeepTrace)
        {
            time.Add(0.0);
            vs.Add(initial.V);
            us.Add(initial.U);
        }

        var spikeSteps = ImmutableArray.CreateBuilder<int>();
        var spikeTimes = ImmutableArray.CreateBuilder<double>();
        RunStatus status = new RunStatus.Completed();
        var state = initial;
        for (int start = 0; start < steps; start += chunk)
        {
            int n = Math.Min(chunk, steps - start);
            var part = Simulation.Run<TScheme>(
                parameters, state, new TimeGrid(grid.DtMs, n * grid.DtMs, n), inputUaPerCm2.Slice(start, n), capacitanceUfPerCm2, recording);
            for (int i = 1; i < part.Trace.Count; i++)
            {
                time.Add(grid.TimeAfterStep(start + (i * every) - 1));
                vs.Add(part.Trace.VMv[i]);
                us.Add(part.Trace.U[i]);
            }

            foreach (int k in part.Spikes.Steps)
            {
                spikeSteps.Add(start + k);
                spikeTimes.Add(grid.TimeAfterStep(start + k));
            }

            state = part.Final;
            if (part.Status is RunStatus.NonFinite nf)
            {
                status = new RunStatus.NonFinite(start + nf.Step, grid.TimeAfterStep(start + nf.Step), nf.Neuron);
                break;
            }

            stepsDone?.Invoke(n);
        }

        var trace = recording.KeepTrace ? new Trace(time.ToImmutable(), vs.ToImmutable(), us.ToImmutable()) : Trace.Empty;
        return new SimulationResult(trace, new SpikeTrain(spikeSteps.ToImmutable(), spikeTimes.ToImmutable()), status, state);
    }
}

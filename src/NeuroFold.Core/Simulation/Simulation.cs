using System.Collections.Immutable;
using NeuroFold.Core.Cells;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Core.Simulation;

/// <summary>Time integration as a fold: one state, one step function, one value of input per step.</summary>
/// <remarks>
/// <c>state_{k+1} = Step(constants, state_k, I_k)</c> for k = 0 … steps − 1. The loop owns its output buffers,
/// allocated once before it; nothing outside can observe them until they are frozen into the result.
/// </remarks>
public static class Simulation
{
    /// <summary>Runs one Jaxley-scheme neuron through <paramref name="stimulus"/> on <paramref name="compartment"/>, recording everything.</summary>
    public static SimulationResult Run(IzhikevichParameters parameters, IzhikevichState initial, TimeGrid grid, Stimulus stimulus, Compartment compartment) =>
        Run<JaxleyScheme>(parameters, initial, grid, stimulus.Sample(grid).AsSpan(), compartment.CapacitanceUfPerCm2, Recording.Full);

    /// <summary>Runs one neuron under scheme <typeparamref name="TScheme"/> with one input value per step of <paramref name="grid"/>.</summary>
    /// <param name="parameters">Model parameters.</param>
    /// <param name="initial">State at t = 0.</param>
    /// <param name="grid">Step size and number of steps.</param>
    /// <param name="inputUaPerCm2">Input current density of each step, µA/cm²; at least <c>grid.Steps</c> values.</param>
    /// <param name="capacitanceUfPerCm2">Membrane capacitance, µF/cm².</param>
    /// <param name="recording">Which trace rows to keep.</param>
    /// <returns>The trace, the spikes and how the run ended; a non-finite state stops the run and is reported, not thrown.</returns>
    public static SimulationResult Run<TScheme>(
        IzhikevichParameters parameters,
        IzhikevichState initial,
        TimeGrid grid,
        ReadOnlySpan<double> inputUaPerCm2,
        double capacitanceUfPerCm2,
        Recording recording)
        where TScheme : struct, IScheme
    {
        ArgumentNullException.ThrowIfNull(grid);
        return Fold(new SchemeStepper<TScheme>(TScheme.Prepare(parameters, grid.DtMs, capacitanceUfPerCm2)), initial, grid, inputUaPerCm2, recording);
    }

    /// <summary>The recording fold every single-neuron run shares: one step function, one input per step, a trace thinned by <paramref name="recording"/>.</summary>
    /// <remarks>The first non-finite state stops the run and is reported as its status.</remarks>
    internal static SimulationResult Fold<TStepper>(TStepper stepper, IzhikevichState initial, TimeGrid grid, ReadOnlySpan<double> input, Recording recording)
        where TStepper : struct, IStepper
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (input.Length < grid.Steps)
        {
            throw new ArgumentException($"the input has {input.Length} values for {grid.Steps} steps", nameof(input));
        }

        if (recording.Every < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(recording), "Recording.Every must be at least 1");
        }

        int steps = grid.Steps;
        int rows = recording.KeepTrace ? (steps / recording.Every) + 1 : 0;
        var time = new double[rows];
        var vs = new double[rows];
        var us = new double[rows];
        var spikeSteps = ImmutableArray.CreateBuilder<int>();
        var spikeTimes = ImmutableArray.CreateBuilder<double>();

        int row = 0;
        if (rows > 0)
        {
            time[0] = 0.0;
            vs[0] = initial.V;
            us[0] = initial.U;
            row = 1;
        }

        RunStatus status = new RunStatus.Completed();
        var state = initial;
        int every = recording.Every;
        int countdown = every;
        for (int k = 0; k < steps; k++)
        {
            var outcome = stepper.Step(state, input[k]);
            if (!outcome.State.IsFinite)
            {
                status = new RunStatus.NonFinite(k, grid.TimeAfterStep(k), 0);
                break;
            }

            state = outcome.State;
            if (outcome.Spiked)
            {
                spikeSteps.Add(k);
                spikeTimes.Add(grid.TimeAfterStep(k));
            }

            if (rows > 0 && --countdown == 0)
            {
                countdown = every;
                time[row] = grid.TimeAfterStep(k);
                vs[row] = state.V;
                us[row] = state.U;
                row++;
            }
        }

        var trace = rows == 0
            ? Trace.Empty
            : new Trace(Freeze(time, row), Freeze(vs, row), Freeze(us, row));
        return new SimulationResult(trace, new SpikeTrain(spikeSteps.ToImmutable(), spikeTimes.ToImmutable()), status, state);
    }

    /// <summary>Folds <typeparamref name="TScheme"/> over <paramref name="inputUaPerCm2"/> and returns the final state only.</summary>
    /// <remarks>
    /// The plain scalar fold every fast path is checked against. A non-finite state propagates (IEEE arithmetic) rather
    /// than stopping the fold; use <see cref="Run{TScheme}"/> to have it reported.
    /// </remarks>
    public static IzhikevichState Advance<TScheme>(in StepConstants constants, IzhikevichState state, ReadOnlySpan<double> inputUaPerCm2)
        where TScheme : struct, IScheme
    {
        for (int k = 0; k < inputUaPerCm2.Length; k++)
        {
            state = TScheme.Step(constants, state, inputUaPerCm2[k]).State;
        }

        return state;
    }

    static ImmutableArray<double> Freeze(double[] buffer, int count) =>
        count == buffer.Length ? ImmutableArray.Create(buffer) : ImmutableArray.Create(buffer, 0, count);

    /// <summary>One step of a scheme with its per-run constants, as a struct so the fold is specialised per scheme.</summary>
    readonly struct SchemeStepper<TScheme>(StepConstants constants) : IStepper
        where TScheme : struct, IScheme
    {
        public StepOutcome Step(IzhikevichState state, double input) => TScheme.Step(constants, state, input);
    }
}

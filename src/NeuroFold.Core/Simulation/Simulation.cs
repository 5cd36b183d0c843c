using System.Collections.Immutable;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Cells;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Core.Simulation;

/// <summary>Time integration as a fold: one state, one scheme step, one value of input per step.</summary>
/// <remarks>
/// <c>state_{k+1} = Step(constants, state_k, Input(I_k))</c> for the steps of a grid. <see cref="Fold{TStep}"/> is the one
/// loop every single-neuron path runs through: resumable (it can start at any global step of the grid and its
/// segments concatenate to the whole run), recording as the scheme's published program does
/// (<see cref="TraceConvention"/>), thinned by a <see cref="Recording"/>, and reporting progress to an optional hook. The
/// loop owns its output buffers, allocated once before it; nothing outside can observe them until they are frozen into
/// the result.
/// </remarks>
public static class Simulation
{
    /// <summary>Steps between two calls of a fold's progress hook.</summary>
    public const int ProgressInterval = 1 << 18;

    /// <summary>Runs one Jaxley-scheme neuron through <paramref name="stimulus"/> on <paramref name="compartment"/>, recording everything.</summary>
    public static SimulationResult Run(IzhikevichParameters parameters, IzhikevichState initial, TimeGrid grid, Stimulus stimulus, Compartment compartment)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(stimulus);
        return Run<JaxleyScheme>(parameters, initial, grid, stimulus.Sample(grid).AsSpan(), Capacitance(compartment), Recording.Full);
    }

    /// <summary>Runs one Jaxley-scheme neuron through <paramref name="stimulus"/> on Jaxley's default compartment (<see cref="Compartment.Default"/>), recording everything.</summary>
    public static SimulationResult Run(IzhikevichParameters parameters, IzhikevichState initial, TimeGrid grid, Stimulus stimulus) =>
        Run(parameters, initial, grid, stimulus, Compartment.Default);

    /// <summary>Runs one neuron under scheme <typeparamref name="TScheme"/> through <paramref name="stimulus"/> on <paramref name="compartment"/>, recording everything.</summary>
    /// <remarks>Pick the grid the scheme's program uses: <see cref="TimeGrid.MatlabColon"/> for <see cref="PaperScheme"/>, <see cref="TimeGrid.Create(double, double)"/> otherwise.</remarks>
    public static SimulationResult Run<TScheme>(IzhikevichParameters parameters, IzhikevichState initial, TimeGrid grid, Stimulus stimulus, Compartment compartment)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters>
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(stimulus);
        return Run<TScheme>(parameters, initial, grid, stimulus.Sample(grid).AsSpan(), Capacitance(compartment), Recording.Full);
    }

    /// <summary>The compartment's capacitance; <c>default(Compartment)</c>, which has no geometry, is rejected with a message that says so.</summary>
    static double Capacitance(Compartment compartment) =>
        compartment.CapacitanceUfPerCm2 > 0
            ? compartment.CapacitanceUfPerCm2
            : throw new ArgumentException("compartment has no geometry (default(Compartment)); use Compartment.Default or Compartment.Create(radiusUm, lengthUm, capacitanceUfPerCm2)", nameof(compartment));

    /// <summary>Runs one neuron under scheme <typeparamref name="TScheme"/> with one input value per step of <paramref name="grid"/>.</summary>
    /// <param name="parameters">Model parameters.</param>
    /// <param name="initial">State at t = 0.</param>
    /// <param name="grid">Step size and number of steps.</param>
    /// <param name="input">Input current density of each step, µA/cm²; at least <c>grid.Steps</c> values.</param>
    /// <param name="capacitanceUfPerCm2">Membrane capacitance, µF/cm².</param>
    /// <param name="recording">Which trace rows to keep.</param>
    /// <returns>The trace, the spikes and how the run ended; a non-finite state stops the run and is reported, not thrown.</returns>
    public static SimulationResult Run<TScheme>(
        IzhikevichParameters parameters, IzhikevichState initial, TimeGrid grid, ReadOnlySpan<double> input, double capacitanceUfPerCm2, Recording recording)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters> =>
        Run<TScheme, IzhikevichParameters>(parameters, initial, grid, input, capacitanceUfPerCm2, recording);

    /// <summary>Runs one neuron of any scheme with its own parameter type (for example the 2007 model), as <see cref="Run{TScheme}(IzhikevichParameters, IzhikevichState, TimeGrid, ReadOnlySpan{double}, double, Recording)"/> does.</summary>
    /// <param name="parameters">The scheme's parameters.</param>
    /// <param name="initial">State at t = 0.</param>
    /// <param name="grid">Step size and number of steps.</param>
    /// <param name="input">Input of each step in the scheme's units; at least <c>grid.Steps</c> values.</param>
    /// <param name="capacitance">Membrane capacitance the input enters through (ignored by schemes whose parameters carry it).</param>
    /// <param name="recording">Which trace rows to keep.</param>
    /// <param name="progress">Called with the number of steps done, every <see cref="ProgressInterval"/> steps and at the end.</param>
    public static SimulationResult Run<TScheme, TParameters>(
        TParameters parameters,
        IzhikevichState initial,
        TimeGrid grid,
        ReadOnlySpan<double> input,
        double capacitance,
        Recording recording,
        Action<int>? progress = null)
        where TScheme : struct, IScheme<TScheme, TParameters>
        where TParameters : struct
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (input.Length < grid.Steps)
        {
            throw new ArgumentException($"the input has {input.Length} values for {grid.Steps} steps", nameof(input));
        }

        return RunSegment<TScheme, TParameters>(parameters, initial, grid, 0, input[..grid.Steps], capacitance, recording, progress);
    }

    /// <summary>Runs steps <paramref name="firstStep"/> … <paramref name="firstStep"/> + <c>input.Length</c> − 1 of a run from the state before them: a run taken a segment at a time.</summary>
    /// <remarks>
    /// Segments that follow one another, each started from the previous one's <see cref="SimulationResult.Final"/>, give
    /// the rows, spikes and final state of the whole run bit for bit (the fold's resumability): a long run can stream
    /// its trace to disk instead of holding it.
    /// </remarks>
    /// <param name="parameters">The scheme's parameters.</param>
    /// <param name="state">The state before step <paramref name="firstStep"/> (the initial state for step 0).</param>
    /// <param name="grid">The whole run's grid.</param>
    /// <param name="firstStep">The first step of the segment.</param>
    /// <param name="input">The input of each step of the segment, in the scheme's units.</param>
    /// <param name="capacitance">Membrane capacitance the input enters through.</param>
    /// <param name="recording">Which trace rows to keep (rows counted over the whole run).</param>
    /// <param name="progress">Called with the number of the segment's steps done.</param>
    public static SimulationResult RunSegment<TScheme, TParameters>(
        TParameters parameters,
        IzhikevichState state,
        TimeGrid grid,
        int firstStep,
        ReadOnlySpan<double> input,
        double capacitance,
        Recording recording,
        Action<int>? progress = null)
        where TScheme : struct, IScheme<TScheme, TParameters>
        where TParameters : struct
    {
        ArgumentNullException.ThrowIfNull(grid);
        var visitor = new FoldVisitor<TParameters>(parameters, state, grid, input, capacitance, recording, TScheme.Convention, firstStep, progress);
        return TScheme.Apply<ScalarLane, bool, FoldVisitor<TParameters>, SimulationResult>(ref visitor);
    }

    /// <summary>The fold: runs <paramref name="step"/> from <paramref name="initial"/> over steps <c>firstStep … firstStep + input.Length − 1</c> of <paramref name="grid"/>.</summary>
    /// <param name="step">The scheme's prepared step for one neuron.</param>
    /// <param name="initial">State before step <paramref name="firstStep"/>.</param>
    /// <param name="grid">The whole run's grid: its labels time the rows and spikes.</param>
    /// <param name="input">The input current of each step run, in the scheme's units (<c>input[k − firstStep]</c> for step k).</param>
    /// <param name="recording">Which trace rows to keep: row r is kept when <c>r % Every == 0</c>, rows counted over the whole run.</param>
    /// <param name="convention">The scheme's trace convention: time labels, initial row, value recorded at a spike.</param>
    /// <param name="firstStep">Global index of the first step to run (0 for a whole run). The initial row belongs to the segment that runs step 0 (or to the empty run of an empty grid), so segments concatenate to the whole run.</param>
    /// <param name="progress">Called with the number of steps done, every <see cref="ProgressInterval"/> steps and at the end.</param>
    /// <returns>The rows, the spikes (global step indices) and how the segment ended; the first non-finite state stops it and is reported.</returns>
    public static SimulationResult Fold<TStep>(
        TStep step,
        IzhikevichState initial,
        TimeGrid grid,
        ReadOnlySpan<double> input,
        Recording recording,
        TraceConvention convention,
        int firstStep,
        Action<int>? progress)
        where TStep : struct, IStep<ScalarLane, bool> =>
        Fold<TStep, ScalarLane, bool>(step, initial, grid, input, recording, convention, firstStep, progress);

    /// <summary>The fold at any one-lane arithmetic (<see cref="Fold{TStep}"/> is it at <see cref="ScalarLane"/>).</summary>
    /// <remarks>A lane type of more than one lane is rejected: a fold records one neuron.</remarks>
    public static SimulationResult Fold<TStep, TLane, TMask>(
        TStep step,
        IzhikevichState initial,
        TimeGrid grid,
        ReadOnlySpan<double> input,
        Recording recording,
        TraceConvention convention,
        int firstStep,
        Action<int>? progress)
        where TStep : struct, IStep<TLane, TMask>
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
    {
        var none = default(NoObserver<TLane>);
        return Fold<TStep, TLane, TMask, NoObserver<TLane>>(step, TLane.Constant(initial.V), TLane.Constant(initial.U), grid, input, recording, convention, firstStep, progress, ref none);
    }

    /// <summary>The fold from an initial state given as lanes (for example dual numbers seeded as variables), showing each step's state to <paramref name="observer"/>.</summary>
    /// <remarks>
    /// The same loop as <see cref="Fold{TStep, TLane, TMask}"/>, which is this with constant initial lanes and an
    /// observer that does nothing. The observer sees the state after each finite step (not after the one that left the
    /// finite range) and cannot change it.
    /// </remarks>
    public static SimulationResult Fold<TStep, TLane, TMask, TObserver>(
        TStep step,
        TLane v,
        TLane u,
        TimeGrid grid,
        ReadOnlySpan<double> input,
        Recording recording,
        TraceConvention convention,
        int firstStep,
        Action<int>? progress,
        ref TObserver observer)
        where TStep : struct, IStep<TLane, TMask>
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
        where TObserver : struct, IFoldObserver<TLane>
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (TLane.Count != 1)
        {
            throw new ArgumentException($"a fold records one neuron; {typeof(TLane).Name} has {TLane.Count} lanes", nameof(step));
        }

        if (recording.Every < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(recording), "Recording.Every must be at least 1");
        }

        int count = input.Length;
        if (firstStep < 0 || (long)firstStep + count > grid.Steps)
        {
            throw new ArgumentOutOfRangeException(nameof(firstStep), $"steps {firstStep}..{(long)firstStep + count - 1} do not lie in the grid's 0..{grid.Steps - 1}");
        }

        var initial = new IzhikevichState(TLane.Element(v, 0), TLane.Element(u, 0));

        // The initial row belongs to the segment that runs step 0 (or to an empty run of an empty grid), so an empty
        // segment [0, 0) followed by [0, n) does not repeat it.
        int offset = convention.InitialRow ? 1 : 0;
        bool initialRow = recording.KeepTrace && convention.InitialRow && firstStep == 0 && (count > 0 || grid.Steps == 0);
        long every = recording.Every;
        long firstRow = firstStep + offset;
        long lastRow = firstStep + offset + count - 1L;
        int rows = recording.KeepTrace ? (int)(Multiples(lastRow, every) - Multiples(firstRow - 1, every)) + (initialRow ? 1 : 0) : 0;
        var time = new double[rows];
        var vs = new double[rows];
        var us = new double[rows];
        var spikeSteps = ImmutableArray.CreateBuilder<int>();
        var spikeTimes = ImmutableArray.CreateBuilder<double>();

        int row = 0;
        if (initialRow)
        {
            time[0] = 0.0;
            vs[0] = initial.V;
            us[0] = initial.U;
            row = 1;
        }

        bool peak = convention.RecordedPeakMv.HasValue;
        double peakMv = convention.RecordedPeakMv.GetValueOrDefault();
        RunStatus status = new RunStatus.Completed();
        var last = initial;
        long countdown = (firstRow % every) == 0 ? 0 : every - (firstRow % every);
        int done = 0;
        if (count == 0)
        {
            progress?.Invoke(0);
        }

        while (done < count)
        {
            int stop = progress is null ? count : Math.Min(count, done + ProgressInterval);
            for (; done < stop; done++)
            {
                var spiked = step.Step(ref v, ref u, step.Input(TLane.Constant(input[done])));
                int k = firstStep + done;
                if (TLane.Any(TLane.Or(TLane.IsNotFinite(v), TLane.IsNotFinite(u))))
                {
                    status = new RunStatus.NonFinite(k, grid.TimeAfterStep(k), 0);
                    break;
                }

                last = new IzhikevichState(TLane.Element(v, 0), TLane.Element(u, 0));
                bool spike = spiked != 0;
                observer.Observe(k, v, u, spike);
                if (spike)
                {
                    spikeSteps.Add(k);
                    spikeTimes.Add(grid.TimeAfterStep(k));
                }

                if (rows > 0 && countdown-- == 0)
                {
                    countdown = every - 1;
                    time[row] = grid.TimeAfterStep(k);
                    vs[row] = spike && peak ? peakMv : last.V;
                    us[row] = last.U;
                    row++;
                }
            }

            progress?.Invoke(done);
            if (!status.IsCompleted)
            {
                break;
            }
        }

        var trace = rows == 0 ? Trace.Empty : new Trace(Freeze(time, row), Freeze(vs, row), Freeze(us, row));
        return new SimulationResult(trace, new SpikeTrain(spikeSteps.ToImmutable(), spikeTimes.ToImmutable()), status, last, grid, firstStep, count);
    }

    /// <summary>Folds <paramref name="step"/> over <paramref name="input"/> and returns the final state only.</summary>
    /// <remarks>
    /// The plain scalar fold every fast path is checked against. A non-finite state propagates (IEEE arithmetic) rather
    /// than stopping the fold; use <see cref="Fold{TStep}"/> to have it reported.
    /// </remarks>
    public static IzhikevichState Advance<TStep>(TStep step, IzhikevichState state, ReadOnlySpan<double> input)
        where TStep : struct, IStep<ScalarLane, bool>
    {
        ScalarLane v = state.V;
        ScalarLane u = state.U;
        for (int k = 0; k < input.Length; k++)
        {
            step.Step(ref v, ref u, step.Input(input[k]));
        }

        return new IzhikevichState(v, u);
    }

    /// <summary>One step from <paramref name="state"/> with input current <paramref name="current"/>.</summary>
    public static StepOutcome Advance<TStep>(TStep step, IzhikevichState state, double current)
        where TStep : struct, IStep<ScalarLane, bool>
    {
        ScalarLane v = state.V;
        ScalarLane u = state.U;
        bool spiked = step.Step(ref v, ref u, step.Input(current)) != 0;
        return new StepOutcome(new IzhikevichState(v, u), spiked);
    }

    /// <summary>How many of 0 … <paramref name="x"/> are multiples of <paramref name="every"/> (0 for x &lt; 0).</summary>
    static long Multiples(long x, long every) => x < 0 ? 0 : (x / every) + 1;

    static ImmutableArray<double> Freeze(double[] buffer, int count) =>
        count == buffer.Length ? ImmutableArray.Create(buffer) : ImmutableArray.Create(buffer, 0, count);

    /// <summary>Prepares a scheme's scalar step from its parameters and runs the fold: how a scheme chosen by type reaches its step.</summary>
    ref struct FoldVisitor<TParameters>(
        TParameters parameters,
        IzhikevichState initial,
        TimeGrid grid,
        ReadOnlySpan<double> input,
        double capacitance,
        Recording recording,
        TraceConvention convention,
        int firstStep,
        Action<int>? progress) : IStepVisitor<TParameters, SimulationResult>
        where TParameters : struct
    {
        readonly TParameters parameters = parameters;
        readonly ReadOnlySpan<double> input = input;

        public readonly SimulationResult Visit<TStep, TLane, TMask>()
            where TStep : struct, IStep<TStep, TParameters, TLane, TMask>
            where TLane : struct, ILane<TLane, TMask>
            where TMask : struct
        {
            var step = TStep.Prepare(new ReadOnlySpan<TParameters>(in parameters), grid.DtMs, capacitance);
            return Fold<TStep, TLane, TMask>(step, initial, grid, input, recording, convention, firstStep, progress);
        }
    }
}

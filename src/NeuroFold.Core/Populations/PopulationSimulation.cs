using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Core.Populations;

/// <summary>Runs a <see cref="Population"/>: N independent folds, vectorised, register-blocked and threaded, bit-identical to N scalar folds.</summary>
/// <remarks>
/// Every scheme runs on the one <c>PopulationKernel</c>, at the vector width of
/// <see cref="PopulationOptions.Width"/>: the scheme's own step at <see cref="Lane512"/>, <see cref="Lane256"/>,
/// <see cref="Lane128"/> or <see cref="ScalarLane"/>. The lanes are cut into blocks of
/// <see cref="PopulationOptions.BlockSize"/> neurons (rounded up to whole groups of vectors); each block is advanced through
/// every step before it is left, and blocks are handed to <see cref="PopulationOptions.Threads"/> threads. Each block
/// writes only its own lanes and its own spike log, and the logs are merged in (step, neuron) order at the end, so
/// vector width, block size and thread count change the speed but not a single bit of the result. Memory is
/// proportional to N (plus the spikes, when recorded), never to N × steps, and the steps themselves allocate nothing.
/// </remarks>
public static class PopulationSimulation
{
    /// <summary>The width <see cref="VectorWidth.Auto"/> stands for on this machine; other values are returned as they are.</summary>
    public static VectorWidth Resolve(VectorWidth width) => width != VectorWidth.Auto
        ? width
        : Vector512.IsHardwareAccelerated ? VectorWidth.Bits512
        : Vector256.IsHardwareAccelerated ? VectorWidth.Bits256
        : Vector128.IsHardwareAccelerated ? VectorWidth.Bits128
        : VectorWidth.Scalar;

    /// <summary>The width a run of <paramref name="neurons"/> neurons uses for <paramref name="width"/>.</summary>
    /// <remarks>
    /// <see cref="VectorWidth.Auto"/> is the widest accelerated width that the population fills; fewer neurons than one
    /// vector run on <see cref="VectorWidth.Scalar"/> (a single neuron then costs the latency of one scalar step).
    /// </remarks>
    public static VectorWidth Resolve(VectorWidth width, int neurons)
    {
        var resolved = Resolve(width);
        if (width != VectorWidth.Auto)
        {
            return resolved;
        }

        while (resolved != VectorWidth.Scalar && neurons < LanesOf(resolved))
        {
            resolved = resolved switch
            {
                VectorWidth.Bits512 => VectorWidth.Bits256,
                VectorWidth.Bits256 => VectorWidth.Bits128,
                _ => VectorWidth.Scalar,
            };
        }

        return resolved;
    }

    /// <summary>Advances every neuron of <paramref name="population"/> through the steps of <paramref name="grid"/> under <typeparamref name="TScheme"/>.</summary>
    /// <param name="population">The neurons, their initial states and constant inputs.</param>
    /// <param name="grid">Step size (ms) and number of steps.</param>
    /// <param name="capacitanceUfPerCm2">Membrane capacitance, µF/cm², shared by all neurons.</param>
    /// <param name="options">Threads, block size, vector width and whether to record every spike.</param>
    /// <returns>Final states, spike statistics, spikes, and whether some state left the finite range (reported, not thrown).</returns>
    public static PopulationResult Run<TScheme>(Population population, TimeGrid grid, double capacitanceUfPerCm2, PopulationOptions options)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters>
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(grid);
        options.Check();
        int threads = options.ThreadCount;

        int n = population.Count;
        var width = Resolve(options.Width, n);
        bool four = n >= FourVectors.Vectors * LanesOf(width);
        int group = (four ? FourVectors.Vectors : OneVector.Vectors) * LanesOf(width);
        int lanes = RoundUp(n, group);
        int blockLanes = RoundUp(options.Block, group);
        var work = new PopulationWorkspace(population, lanes, grid.Steps, options.RecordSpikes);
        int blocks = lanes / blockLanes + (lanes % blockLanes == 0 ? 0 : 1);
        var logs = new SpikeLog[blocks];
        var unused = new SpikeLog();
        for (int i = 0; i < blocks; i++)
        {
            logs[i] = options.RecordSpikes ? new SpikeLog() : unused;
        }

        if (four)
        {
            Advance<TScheme, FourVectors>(new PopulationKernel<TScheme, FourVectors>(work, logs, blockLanes, threads, grid.DtMs, capacitanceUfPerCm2), width);
        }
        else
        {
            Advance<TScheme, OneVector>(new PopulationKernel<TScheme, OneVector>(work, logs, blockLanes, threads, grid.DtMs, capacitanceUfPerCm2), width);
        }

        return new PopulationResult(
            Freeze(work.V.AsSpan(0, n).ToArray()),
            Freeze(work.U.AsSpan(0, n).ToArray()),
            Freeze(work.SpikeCounts),
            Freeze(work.FirstSpike),
            Freeze(work.IsiSums),
            Freeze(work.IsiSquareSums),
            options.RecordSpikes ? Merge(logs, grid.Steps) : PopulationSpikes.Empty,
            FindNonFinite<TScheme>(population, work, grid, capacitanceUfPerCm2),
            grid);
    }

    /// <summary>Runs <paramref name="population"/> on <paramref name="grid"/> under Jaxley's scheme: C_m = 1 µF/cm², one thread, every spike recorded.</summary>
    /// <remarks>The same as <see cref="Run{TScheme}(Population, TimeGrid, double, PopulationOptions)"/> with <see cref="JaxleyScheme"/>, 1.0 and <see cref="PopulationOptions.Default"/>.</remarks>
    public static PopulationResult Run(Population population, TimeGrid grid) =>
        Run<JaxleyScheme>(population, grid, 1.0, PopulationOptions.Default);

    /// <summary>Runs <paramref name="population"/> on <paramref name="grid"/> under <typeparamref name="TScheme"/>: C_m = 1 µF/cm², one thread, every spike recorded.</summary>
    public static PopulationResult Run<TScheme>(Population population, TimeGrid grid)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters> =>
        Run<TScheme>(population, grid, 1.0, PopulationOptions.Default);

    /// <summary>Runs <paramref name="population"/> on <paramref name="grid"/> under Jaxley's scheme with <paramref name="options"/> (C_m = 1 µF/cm²).</summary>
    public static PopulationResult Run(Population population, TimeGrid grid, PopulationOptions options) =>
        Run<JaxleyScheme>(population, grid, 1.0, options);

    /// <summary>Runs <paramref name="kernel"/> with the scheme's step at <paramref name="width"/>.</summary>
    static void Advance<TScheme, TGroup>(PopulationKernel<TScheme, TGroup> kernel, VectorWidth width)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters>
        where TGroup : struct, IKernelGroup
    {
        _ = width switch
        {
            VectorWidth.Bits512 => TScheme.Apply<Lane512, Vector512<double>, PopulationKernel<TScheme, TGroup>, bool>(ref kernel),
            VectorWidth.Bits256 => TScheme.Apply<Lane256, Vector256<double>, PopulationKernel<TScheme, TGroup>, bool>(ref kernel),
            VectorWidth.Bits128 => TScheme.Apply<Lane128, Vector128<double>, PopulationKernel<TScheme, TGroup>, bool>(ref kernel),
            _ => TScheme.Apply<ScalarLane, bool, PopulationKernel<TScheme, TGroup>, bool>(ref kernel),
        };
    }

    static int LanesOf(VectorWidth width) => width switch
    {
        VectorWidth.Bits512 => Lane512.Count,
        VectorWidth.Bits256 => Lane256.Count,
        VectorWidth.Bits128 => Lane128.Count,
        _ => ScalarLane.Count,
    };

    static int RoundUp(int x, int multiple) => (int)(((long)x + multiple - 1) / multiple * multiple);

    /// <summary>Merges the block logs into (step, neuron) order.</summary>
    /// <remarks>
    /// (step, neuron) pairs are unique, so the order is that of the key <c>step·2³² + neuron</c>: few spikes are sorted
    /// by it (O(S log S), independent of the run's length); many are counting-sorted by step (O(steps + S)), which is
    /// stable and keeps each step's neurons ascending because blocks cover ascending neuron ranges and each books the
    /// spikes of one step in ascending neuron order. The choice compares S·(⌊log₂ S⌋ + 1) with 4·(steps + S) in integers;
    /// both ways give the same order, so it changes only the time taken.
    /// </remarks>
    static PopulationSpikes Merge(SpikeLog[] logs, int steps)
    {
        int total = 0;
        foreach (var log in logs)
        {
            total += log.Count;
        }

        var outSteps = new int[total];
        var outNeurons = new int[total];
        if ((long)total * (BitOperations.Log2((uint)total) + 1) < 4L * ((long)steps + total))
        {
            var keys = new long[total];
            int i = 0;
            foreach (var log in logs)
            {
                var s = log.Steps;
                var nr = log.Neurons;
                for (int e = 0; e < s.Length; e++)
                {
                    keys[i++] = ((long)s[e] << 32) | (uint)nr[e];
                }
            }

            Array.Sort(keys);
            for (int e = 0; e < total; e++)
            {
                outSteps[e] = (int)(keys[e] >> 32);
                outNeurons[e] = (int)(uint)keys[e];
            }

            return new PopulationSpikes(Freeze(outSteps), Freeze(outNeurons));
        }

        var offsets = new int[steps + 1];
        foreach (var log in logs)
        {
            foreach (int step in log.Steps)
            {
                offsets[step + 1]++;
            }
        }

        for (int k = 0; k < steps; k++)
        {
            offsets[k + 1] += offsets[k];
        }

        foreach (var log in logs)
        {
            var s = log.Steps;
            var nr = log.Neurons;
            for (int i = 0; i < s.Length; i++)
            {
                int at = offsets[s[i]]++;
                outSteps[at] = s[i];
                outNeurons[at] = nr[i];
            }
        }

        return new PopulationSpikes(Freeze(outSteps), Freeze(outNeurons));
    }

    /// <summary>The first (step, neuron) whose state was non-finite, in (step, neuron) order, or completed.</summary>
    /// <remarks>Each suspect neuron's scalar fold is re-run, no further than the best step found so far.</remarks>
    static RunStatus FindNonFinite<TScheme>(Population population, PopulationWorkspace work, TimeGrid grid, double capacitance)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters>
    {
        int bestStep = grid.Steps;
        int bestNeuron = -1;
        for (int i = 0; i < population.Count; i++)
        {
            bool suspect = work.Bad[i] || !(double.IsFinite(work.V[i]) && double.IsFinite(work.U[i]));
            if (!suspect)
            {
                continue;
            }

            var search = new FirstNonFinite(population.Parameters(i), population.Initial(i), population.InputUaPerCm2[i], grid.DtMs, capacitance, bestStep);
            int step = TScheme.Apply<ScalarLane, bool, FirstNonFinite, int>(ref search);
            if (step >= 0 && step < bestStep)
            {
                bestStep = step;
                bestNeuron = i;
            }
        }

        return bestNeuron < 0
            ? new RunStatus.Completed()
            : new RunStatus.NonFinite(bestStep, grid.TimeAfterStep(bestStep), bestNeuron);
    }

    static ImmutableArray<T> Freeze<T>(T[] array) => ImmutableCollectionsMarshal.AsImmutableArray(array);

    /// <summary>The first step, below a limit, at which one neuron's scalar fold leaves the finite range; −1 if none.</summary>
    readonly struct FirstNonFinite(IzhikevichParameters parameters, IzhikevichState initial, double input, double dtMs, double capacitance, int limit)
        : IStepVisitor<IzhikevichParameters, int>
    {
        public int Visit<TStep, TLane, TMask>()
            where TStep : struct, IStep<TStep, IzhikevichParameters, TLane, TMask>
            where TLane : struct, ILane<TLane, TMask>
            where TMask : struct
        {
            var step = TStep.Prepare(new ReadOnlySpan<IzhikevichParameters>(in parameters), dtMs, capacitance);
            var v = TLane.Constant(initial.V);
            var u = TLane.Constant(initial.U);
            var j = step.Input(TLane.Constant(input));
            for (int k = 0; k < limit; k++)
            {
                step.Step(ref v, ref u, j);
                if (TLane.Any(TLane.Or(TLane.IsNotFinite(v), TLane.IsNotFinite(u))))
                {
                    return k;
                }
            }

            return -1;
        }
    }
}

using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Core.Populations;

/// <summary>Runs a <see cref="Population"/>: N independent folds, vectorised, time-blocked and threaded, bit-identical to N scalar folds.</summary>
/// <remarks>
/// The neurons are cut into fixed blocks of <see cref="PopulationOptions.BlockSize"/>; each block is advanced through every
/// step before it is left (time blocking), by the scheme's vector kernel where it has one
/// (<see cref="HasVectorKernel{TScheme}"/>: <see cref="JaxleyScheme"/>) and by its scalar step otherwise. Blocks are handed
/// to <see cref="PopulationOptions.Threads"/> threads; each writes only its own neurons and its own spike log, and the
/// logs are merged in (step, neuron) order at the end. Vector width, block size and thread count therefore change the
/// speed but not a single bit of the result. Memory is proportional to N (plus the spikes, when recorded), never to
/// N × steps, and the steps themselves allocate nothing.
/// </remarks>
public static class PopulationSimulation
{
    /// <summary>True when <typeparamref name="TScheme"/> has a vector kernel (only <see cref="JaxleyScheme"/> at present).</summary>
    public static bool HasVectorKernel<TScheme>()
        where TScheme : struct, IScheme => typeof(TScheme) == typeof(JaxleyScheme);

    /// <summary>The width <see cref="VectorWidth.Auto"/> stands for on this machine; other values are returned as they are.</summary>
    public static VectorWidth Resolve(VectorWidth width) => width != VectorWidth.Auto
        ? width
        : Vector512.IsHardwareAccelerated ? VectorWidth.Bits512
        : Vector256.IsHardwareAccelerated ? VectorWidth.Bits256
        : Vector128.IsHardwareAccelerated ? VectorWidth.Bits128
        : VectorWidth.Scalar;

    /// <summary>Advances every neuron of <paramref name="population"/> through the steps of <paramref name="grid"/> under <typeparamref name="TScheme"/>.</summary>
    /// <param name="population">The neurons, their initial states and constant inputs.</param>
    /// <param name="grid">Step size (ms) and number of steps.</param>
    /// <param name="capacitanceUfPerCm2">Membrane capacitance, µF/cm², shared by all neurons.</param>
    /// <param name="options">Threads, block size, vector width and whether to record every spike.</param>
    /// <returns>Final states, spike statistics, spikes, and whether some state left the finite range (reported, not thrown).</returns>
    public static PopulationResult Run<TScheme>(Population population, TimeGrid grid, double capacitanceUfPerCm2, PopulationOptions options)
        where TScheme : struct, IScheme
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BlockSize, 1, nameof(options));

        int n = population.Count;
        var constants = new StepConstants[n];
        for (int i = 0; i < n; i++)
        {
            constants[i] = TScheme.Prepare(population.Parameters(i), grid.DtMs, capacitanceUfPerCm2);
        }

        var work = new PopulationWorkspace(population, constants, grid.Steps, options.RecordSpikes);
        var width = Resolve(options.Width);
        int blocks = (int)(((long)n + options.BlockSize - 1) / options.BlockSize);
        var logs = new SpikeLog[blocks];
        var unused = new SpikeLog();
        for (int i = 0; i < blocks; i++)
        {
            logs[i] = options.RecordSpikes ? new SpikeLog() : unused;
        }

        if (HasVectorKernel<TScheme>() && width != VectorWidth.Scalar)
        {
            work.FillJaxleyArrays();
            RunBlocks<JaxleyVectorKernel>(work, n, options, width, logs);
        }
        else
        {
            RunBlocks<ScalarKernel<TScheme>>(work, n, options, VectorWidth.Scalar, logs);
        }

        return new PopulationResult(
            Freeze(work.V),
            Freeze(work.U),
            Freeze(work.SpikeCounts),
            Freeze(work.FirstSpike),
            Freeze(work.IsiSums),
            Freeze(work.IsiSquareSums),
            options.RecordSpikes ? Merge(logs, grid.Steps) : PopulationSpikes.Empty,
            FindNonFinite<TScheme>(population, work, grid));
    }

    static void RunBlocks<TKernel>(PopulationWorkspace work, int n, PopulationOptions options, VectorWidth width, SpikeLog[] logs)
        where TKernel : struct, IPopulationKernel
    {
        int size = options.BlockSize;
        if (options.Threads == 1 || logs.Length == 1)
        {
            var scratch = new KernelScratch();
            for (int block = 0; block < logs.Length; block++)
            {
                int start = block * size;
                TKernel.Advance(work, start, Math.Min(size, n - start), width, logs[block], scratch);
            }

            return;
        }

        Parallel.For(
            0,
            logs.Length,
            new ParallelOptions { MaxDegreeOfParallelism = options.Threads },
            () => new KernelScratch(),
            (block, _, scratch) =>
            {
                int start = block * size;
                TKernel.Advance(work, start, Math.Min(size, n - start), width, logs[block], scratch);
                return scratch;
            },
            _ => { });
    }

    /// <summary>Merges the block logs into (step, neuron) order: a stable counting sort by step over the blocks in neuron order.</summary>
    /// <remarks>Blocks cover ascending, disjoint neuron ranges and each books the spikes of one step in ascending neuron order.</remarks>
    static PopulationSpikes Merge(SpikeLog[] logs, int steps)
    {
        var offsets = new int[steps + 1];
        int total = 0;
        foreach (var log in logs)
        {
            total += log.Count;
            foreach (int step in log.Steps)
            {
                offsets[step + 1]++;
            }
        }

        for (int k = 0; k < steps; k++)
        {
            offsets[k + 1] += offsets[k];
        }

        var outSteps = new int[total];
        var outNeurons = new int[total];
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
    static RunStatus FindNonFinite<TScheme>(Population population, PopulationWorkspace work, TimeGrid grid)
        where TScheme : struct, IScheme
    {
        int bestStep = int.MaxValue;
        int bestNeuron = -1;
        for (int i = 0; i < population.Count; i++)
        {
            int step = work.FirstNonFinite[i];
            if (step < 0 && !(double.IsFinite(work.V[i]) && double.IsFinite(work.U[i])))
            {
                step = FirstNonFiniteStep<TScheme>(work.Constants[i], population.Initial(i), work.Input[i], grid.Steps);
            }

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

    static int FirstNonFiniteStep<TScheme>(in StepConstants constants, IzhikevichState state, double input, int steps)
        where TScheme : struct, IScheme
    {
        for (int k = 0; k < steps; k++)
        {
            state = TScheme.Step(constants, state, input).State;
            if (!state.IsFinite)
            {
                return k;
            }
        }

        return steps - 1;
    }

    static System.Collections.Immutable.ImmutableArray<T> Freeze<T>(T[] array) => ImmutableCollectionsMarshal.AsImmutableArray(array);
}

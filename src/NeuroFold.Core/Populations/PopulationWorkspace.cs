using System.Numerics;
using System.Runtime.CompilerServices;
using NeuroFold.Core.Models;

namespace NeuroFold.Core.Populations;

/// <summary>The mutable buffers of one population run, allocated once before the first step and frozen after the last.</summary>
/// <remarks>
/// The per-lane arrays (state, input, parameters) are padded to a whole number of kernel groups with copies of the
/// last neuron, so a kernel always works on full vectors; the padding lanes are never booked or reported. Every lane
/// belongs to exactly one block and only that block's kernel writes it, so blocks can run on different threads
/// without locks.
/// </remarks>
internal sealed class PopulationWorkspace
{
    public PopulationWorkspace(Population population, int lanes, int steps, bool recordSpikes)
    {
        int n = population.Count;
        Count = n;
        Lanes = lanes;
        Steps = steps;
        RecordSpikes = recordSpikes;
        V = new double[lanes];
        U = new double[lanes];
        Input = new double[lanes];
        Parameters = new IzhikevichParameters[lanes];
        Bad = new bool[lanes];
        for (int i = 0; i < lanes; i++)
        {
            int from = Math.Min(i, n - 1);
            V[i] = population.V0[from];
            U[i] = population.U0[from];
            Input[i] = population.InputUaPerCm2[from];
            Parameters[i] = population.Parameters(from);
        }

        SpikeCounts = new int[n];
        FirstSpike = new int[n];
        LastSpike = new int[n];
        IsiSums = new long[n];
        IsiSquareSums = new long[n];
        Array.Fill(FirstSpike, -1);
    }

    /// <summary>Number of neurons (the lanes beyond are padding).</summary>
    public int Count { get; }

    /// <summary>Number of lanes, padding included.</summary>
    public int Lanes { get; }

    public int Steps { get; }

    public bool RecordSpikes { get; }

    public double[] V { get; }

    public double[] U { get; }

    /// <summary>The constant input current density of each lane, µA/cm².</summary>
    public double[] Input { get; }

    public IzhikevichParameters[] Parameters { get; }

    /// <summary>Lanes whose state left the finite range at some step (set by kernels of schemes where that is not absorbing).</summary>
    public bool[] Bad { get; }

    public int[] SpikeCounts { get; }

    public int[] FirstSpike { get; }

    public int[] LastSpike { get; }

    public long[] IsiSums { get; }

    public long[] IsiSquareSums { get; }

    /// <summary>Books a spike of <paramref name="neuron"/> at <paramref name="step"/>: count, first spike, ISI sums, log.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnSpike(int neuron, int step, SpikeLog log)
    {
        if (SpikeCounts[neuron]++ == 0)
        {
            FirstSpike[neuron] = step;
        }
        else
        {
            long isi = step - LastSpike[neuron];
            IsiSums[neuron] += isi;
            IsiSquareSums[neuron] += isi * isi;
        }

        LastSpike[neuron] = step;
        if (RecordSpikes)
        {
            log.Add(step, neuron);
        }
    }

    /// <summary>Books the spikes of the lanes set in <paramref name="lanes"/>, lowest lane (neuron) first; padding lanes are skipped.</summary>
    public void OnSpikes(ulong lanes, int firstLane, int step, SpikeLog log)
    {
        while (lanes != 0)
        {
            int lane = firstLane + BitOperations.TrailingZeroCount(lanes);
            if (lane >= Count)
            {
                return;
            }

            OnSpike(lane, step, log);
            lanes &= lanes - 1;
        }
    }
}

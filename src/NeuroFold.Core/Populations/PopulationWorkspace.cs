using System.Numerics;
using System.Runtime.CompilerServices;
using NeuroFold.Core.Schemes;

namespace NeuroFold.Core.Populations;

/// <summary>The mutable buffers of one population run, allocated once before the first step and frozen after the last.</summary>
/// <remarks>
/// Every neuron belongs to exactly one block and only that block's kernel writes its entries, so blocks can run on
/// different threads without locks. The structure-of-arrays fields used by vector kernels are filled by
/// <see cref="FillJaxleyArrays"/> from the scheme's own <see cref="IScheme.Prepare"/> results.
/// </remarks>
internal sealed class PopulationWorkspace
{
    public PopulationWorkspace(Population population, StepConstants[] constants, int steps, bool recordSpikes)
    {
        int n = population.Count;
        Steps = steps;
        RecordSpikes = recordSpikes;
        Constants = constants;
        Input = population.InputUaPerCm2.AsSpan().ToArray();
        V = population.V0.AsSpan().ToArray();
        U = population.U0.AsSpan().ToArray();
        SpikeCounts = new int[n];
        FirstSpike = new int[n];
        LastSpike = new int[n];
        IsiSums = new long[n];
        IsiSquareSums = new long[n];
        FirstNonFinite = new int[n];
        Array.Fill(FirstSpike, -1);
        Array.Fill(FirstNonFinite, -1);
        B = [];
        E = [];
        C = [];
        D = [];
        InputStep = [];
    }

    public int Steps { get; }

    public bool RecordSpikes { get; }

    public StepConstants[] Constants { get; }

    public double[] Input { get; }

    public double[] V { get; }

    public double[] U { get; }

    public double[] B { get; private set; }

    public double[] E { get; private set; }

    public double[] C { get; private set; }

    public double[] D { get; private set; }

    /// <summary><c>(dt·J)/C_m</c> of each neuron: the expression the scalar step evaluates, computed once.</summary>
    public double[] InputStep { get; private set; }

    public int[] SpikeCounts { get; }

    public int[] FirstSpike { get; }

    public int[] LastSpike { get; }

    public long[] IsiSums { get; }

    public long[] IsiSquareSums { get; }

    /// <summary>First step whose state was non-finite, per neuron (−1: none seen by the kernel).</summary>
    public int[] FirstNonFinite { get; }

    /// <summary>Copies b, e = exp(−dt·a), c, d and (dt·J)/C_m out of the prepared constants into one array each.</summary>
    public void FillJaxleyArrays()
    {
        int n = V.Length;
        B = new double[n];
        E = new double[n];
        C = new double[n];
        D = new double[n];
        InputStep = new double[n];
        for (int i = 0; i < n; i++)
        {
            var k = Constants[i];
            B[i] = k.Parameters.B;
            E[i] = k.Decay;
            C[i] = k.Parameters.C;
            D[i] = k.Parameters.D;
            InputStep[i] = (k.DtMs * Input[i]) / k.CapacitanceUfPerCm2;
        }
    }

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

    /// <summary>Books the spikes of the lanes set in <paramref name="lanes"/>, lowest lane (neuron) first.</summary>
    public void OnSpikes(ulong lanes, int firstNeuron, int step, SpikeLog log)
    {
        while (lanes != 0)
        {
            int lane = BitOperations.TrailingZeroCount(lanes);
            OnSpike(firstNeuron + lane, step, log);
            lanes &= lanes - 1;
        }
    }
}

using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Random;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Networks;

/// <summary>The 2003 network scaled up: N neurons, K random presynaptic partners each, delays of 1 … D steps.</summary>
/// <remarks>
/// <para>
/// Neurons and thalamic input as in <see cref="Izhikevich2003Network"/>. Each neuron i receives K synapses
/// (k = 0 … K − 1) from partners drawn uniformly, with replacement, from the other N − 1 neurons:
/// <c>p = ⌊Uniform(seed, 4, i·K + k)·(N − 1)⌋</c>, then <c>p + 1</c> if <c>p ≥ i</c> (no autapses; multapses possible).
/// Weights are the paper's scaled by <c>g·1000/K</c>, so the mean total input per neuron equals that of the
/// 1000-neuron network: <c>+0.5·g·(1000/K)·r</c> from excitatory partners, <c>−g·(1000/K)·r</c> from inhibitory ones,
/// <c>r = Uniform(seed, 5, i·K + k)</c>. Delays <c>1 + ⌊Uniform(seed, 6, i·K + k)·D⌋</c> steps.
/// With D = 1 and g = 1 this is workload W4 of the Brian2 peer benchmarks (<c>w4_sparse.py</c>), up to the random numbers.
/// </para>
/// </remarks>
public static class SparseNetwork
{
    /// <summary>Builds the network from <paramref name="seed"/>.</summary>
    /// <param name="neurons">N ≥ 2.</param>
    /// <param name="partners">K ≥ 1 presynaptic partners per neuron.</param>
    /// <param name="maxDelaySteps">D in 1 … <see cref="Connectivity.DelayLimitSteps"/>.</param>
    /// <param name="gain">Extra weight scale g (finite, ≥ 0).</param>
    /// <param name="seed">Seed of every random number of the network and its input.</param>
    public static Validation<Error, Network> Create(int neurons, int partners, int maxDelaySteps, double gain, long seed)
    {
        var errors = new List<Error>();
        if (neurons < 2)
        {
            errors.Add(Error.New($"the sparse network needs at least 2 neurons, got {neurons}"));
        }

        if (partners < 1)
        {
            errors.Add(Error.New($"k (presynaptic partners per neuron) must be at least 1, got {partners}"));
        }

        if (neurons >= 2 && partners >= 1 && (long)neurons * partners > 200_000_000)
        {
            errors.Add(Error.New($"neurons x k = {(long)neurons * partners} synapses exceeds the limit of 200000000"));
        }

        if (maxDelaySteps < 1 || maxDelaySteps > Connectivity.DelayLimitSteps)
        {
            errors.Add(Error.New($"max-delay must lie in 1..{Connectivity.DelayLimitSteps} steps, got {maxDelaySteps}"));
        }

        if (!double.IsFinite(gain) || gain < 0)
        {
            errors.Add(Error.New($"g must be finite and >= 0, got {Validation.Checks.Show(gain)}"));
        }

        if (errors.Count > 0)
        {
            return Fail<Error, Network>(Error.Many(errors.ToArray()));
        }

        var neuronSet = Izhikevich2003Network.Neurons(neurons, seed);
        var csr = Rows(neurons, partners, maxDelaySteps, gain, seed, neuronSet.Excitatory);
        return Success<Error, Network>(new Network(neuronSet, csr, Izhikevich2003Network.ThalamicInput(neuronSet, seed)));
    }

    /// <summary>The recipe's synapses, written straight into presynaptic rows in two passes (no intermediate lists).</summary>
    /// <remarks>
    /// Pass 1 counts each presynaptic neuron's synapses, pass 2 draws them again and places them; postsynaptic neurons
    /// are visited in ascending order, so targets come out sorted and multapses in draw order, exactly the rows
    /// <see cref="Connectivity.Sparse.Create(int, ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{double}, ReadOnlySpan{int})"/> builds from the same synapse lists. Memory: the rows alone.
    /// </remarks>
    internal static Connectivity.Sparse Rows(int neurons, int partners, int maxDelaySteps, double gain, long seed, int excitatory)
    {
        var rowStart = new int[neurons + 1];
        for (int i = 0; i < neurons; i++)
        {
            for (int k = 0; k < partners; k++)
            {
                rowStart[Partner(seed, i, (long)(i * partners) + k, neurons) + 1]++;
            }
        }

        for (int j = 0; j < neurons; j++)
        {
            rowStart[j + 1] += rowStart[j];
        }

        int count = neurons * partners;
        var next = rowStart[..neurons];
        var targets = new int[count];
        var weights = new double[count];
        var delays = new byte[count];
        double scale = gain * 1000.0 / partners;
        for (int i = 0; i < neurons; i++)
        {
            for (int k = 0; k < partners; k++)
            {
                long index = ((long)i * partners) + k;
                int p = Partner(seed, i, index, neurons);
                double r = CounterRandom.Uniform(seed, RandomStreams.SparseWeights, index);
                int at = next[p]++;
                targets[at] = i;
                weights[at] = p < excitatory ? 0.5 * scale * r : -scale * r;
                delays[at] = (byte)(1 + (int)(CounterRandom.Uniform(seed, RandomStreams.SparseDelays, index) * maxDelaySteps));
            }
        }

        return new Connectivity.Sparse(neurons, rowStart, targets, weights, delays, maxDelaySteps == 1 ? 1 : MaxOf(delays));
    }

    static int Partner(long seed, int post, long index, int neurons)
    {
        int p = (int)(CounterRandom.Uniform(seed, RandomStreams.SparsePartners, index) * (neurons - 1));
        return p >= post ? p + 1 : p;
    }

    static int MaxOf(byte[] delays)
    {
        int max = 0;
        foreach (byte d in delays)
        {
            max = Math.Max(max, d);
        }

        return max;
    }
}

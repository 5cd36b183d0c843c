using System.Collections.Immutable;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Random;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Networks;

/// <summary>The random network of Izhikevich (2003), Fig. 3 (<c>net.m</c>): 80 % excitatory, 20 % inhibitory, dense coupling.</summary>
/// <remarks>
/// <para>
/// Izhikevich, E. M. (2003) "Simple model of spiking neurons", IEEE Trans. Neural Networks 14(6):1569–1572.
/// With <c>Ni = ⌊N/5⌋</c>, <c>Ne = N − Ni</c> (800/200 for N = 1000), <c>re, ri ~ U(0,1)</c> per neuron:
/// excitatory <c>a = 0.02, b = 0.2, c = −65 + 15·re², d = 8 − 6·re²</c>; inhibitory
/// <c>a = 0.02 + 0.08·ri, b = 0.25 − 0.05·ri, c = −65, d = 2</c>; weights <c>S[i, j] = 0.5·U(0,1)</c> from excitatory j,
/// <c>−U(0,1)</c> from inhibitory j (autapses included, delay 0); thalamic input <c>5·N(0,1)</c> (excitatory),
/// <c>2·N(0,1)</c> (inhibitory), fresh every step; <c>v0 = −65</c>, <c>u0 = b·v0</c>.
/// </para>
/// <para>
/// Every number comes from <see cref="CounterRandom"/> with the run's seed: <c>re</c>/<c>ri</c> of neuron i is
/// <c>Uniform(seed, 1, i)</c>, <c>S[i, j]</c> uses <c>Uniform(seed, 2, i·N + j)</c> (see <see cref="RandomStreams"/>).
/// </para>
/// </remarks>
public static class Izhikevich2003Network
{
    /// <summary>Initial membrane potential, mV.</summary>
    public const double V0Mv = -65.0;

    /// <summary>The paper's network of 1000 neurons.</summary>
    public const int PaperNeurons = 1000;

    /// <summary>Number of inhibitory neurons in a network of <paramref name="neurons"/>: <c>⌊N/5⌋</c>.</summary>
    public static int InhibitoryCount(int neurons) => neurons / 5;

    /// <summary>Builds the network of <paramref name="neurons"/> neurons from <paramref name="seed"/>.</summary>
    public static Validation<Error, Network> Create(int neurons, long seed)
    {
        if (neurons < 1 || neurons > 40_000)
        {
            return Fail<Error, Network>(Error.New($"the dense 2003 network needs 1..40000 neurons (N² weights), got {neurons}"));
        }

        var neuronSet = Neurons(neurons, seed);
        int ne = neuronSet.Excitatory;
        var w = new double[(long)neurons * neurons];
        for (int j = 0; j < neurons; j++)
        {
            bool excitatory = j < ne;
            for (int i = 0; i < neurons; i++)
            {
                double r = CounterRandom.Uniform(seed, RandomStreams.DenseWeights, ((long)i * neurons) + j);
                w[((long)j * neurons) + i] = excitatory ? 0.5 * r : -r;
            }
        }

        return Success<Error, Network>(new Network(neuronSet, new Connectivity.Dense(neurons, w, 0), ThalamicInput(neuronSet, seed)));
    }

    /// <summary>The 2003 recipe's neurons: heterogeneous excitatory then inhibitory cells, <c>v0 = −65</c>, <c>u0 = b·v0</c>.</summary>
    public static NetworkNeurons Neurons(int neurons, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(neurons, 1);
        int ne = neurons - InhibitoryCount(neurons);
        var a = new double[neurons];
        var b = new double[neurons];
        var c = new double[neurons];
        var d = new double[neurons];
        var v = new double[neurons];
        var u = new double[neurons];
        for (int i = 0; i < neurons; i++)
        {
            double r = CounterRandom.Uniform(seed, RandomStreams.NeuronParameters, i);
            if (i < ne)
            {
                double r2 = r * r;
                a[i] = 0.02;
                b[i] = 0.2;
                c[i] = -65.0 + (15.0 * r2);
                d[i] = 8.0 - (6.0 * r2);
            }
            else
            {
                a[i] = 0.02 + (0.08 * r);
                b[i] = 0.25 - (0.05 * r);
                c[i] = -65.0;
                d[i] = 2.0;
            }

            v[i] = V0Mv;
            u[i] = b[i] * V0Mv;
        }

        return new NetworkNeurons([.. a], [.. b], [.. c], [.. d], [.. v], [.. u], ne);
    }

    /// <summary>The thalamic input of the recipe: σ = 5 for excitatory and 2 for inhibitory neurons.</summary>
    public static NetworkInput ThalamicInput(NetworkNeurons neurons, long seed)
    {
        ArgumentNullException.ThrowIfNull(neurons);
        var sigma = new double[neurons.Count];
        for (int i = 0; i < sigma.Length; i++)
        {
            sigma[i] = i < neurons.Excitatory ? 5.0 : 2.0;
        }

        return new NetworkInput.Thalamic(seed, ImmutableArray.Create(sigma));
    }
}

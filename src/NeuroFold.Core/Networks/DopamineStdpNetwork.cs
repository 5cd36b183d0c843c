using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Random;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Networks;

/// <summary>The network of Izhikevich's dopamine-modulated STDP model (<c>daspnet.m</c>, 2007), drawn from a seed.</summary>
/// <remarks>
/// The neurons of <see cref="PolychronizationNetwork.Cells"/> (800 regular spiking, 200 fast spiking); M = 100 slots per
/// neuron, every delay 1 ms. Targets follow the 2004 rule, repeats and self-connections allowed: excitatory slot j of
/// neuron i reaches <c>⌊U·1000⌋</c>, inhibitory slots <c>⌊U·800⌋</c>, <c>U = Uniform(seed, 10, i·100 + j)</c>. Weights
/// +1 (excitatory rows) and −1 (inhibitory rows), except the rewarded synapse (neuron 0, slot 0), which starts at 0.
/// The network has no thalamic drive: its input is <see cref="DopamineProtocol"/>'s noise. docs/NUMERICS.md, sections 8 and 12.
/// </remarks>
public static class DopamineStdpNetwork
{
    /// <summary>The largest excitatory weight, mV/ms (daspnet.m's sm).</summary>
    public const double MaxWeight = 4.0;

    /// <summary>The network of <paramref name="seed"/>.</summary>
    /// <remarks>Rules: seed ≥ 0.</remarks>
    public static Validation<Error, PlasticNetwork> Create(long seed)
    {
        if (seed < 0)
        {
            return Fail<Error, PlasticNetwork>(Error.New($"the seed must be >= 0, got {seed}"));
        }

        const int n = PolychronizationNetwork.Neurons;
        const int ne = PolychronizationNetwork.Excitatory;
        const int m = PolychronizationNetwork.SynapsesPerNeuron;
        var targets = new int[n * m];
        var delays = new int[n * m];
        var weights = new double[n * m];
        ulong key = CounterRandom.Key(seed, RandomStreams.DopamineTargets);
        for (int i = 0; i < n; i++)
        {
            bool excitatory = i < ne;
            for (int j = 0; j < m; j++)
            {
                int s = (i * m) + j;
                targets[s] = (int)(CounterRandom.UniformAt(key, (ulong)s) * (excitatory ? n : ne));
                delays[s] = 1;
                weights[s] = excitatory ? 1.0 : -1.0;
            }
        }

        var protocol = DopamineProtocol.Izhikevich2007(seed);
        weights[(protocol.RewardedNeuron * m) + protocol.RewardedSlot] = 0.0;
        return PlasticNetwork.Create(PolychronizationNetwork.Cells(), m, targets, delays, weights, [], 0.0);
    }
}

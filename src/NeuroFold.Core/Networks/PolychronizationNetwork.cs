using System.Collections.Immutable;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Random;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Networks;

/// <summary>Izhikevich's polychronization network (<c>spnet.m</c>, 2006; the 2008 rule of random delays), drawn from a seed.</summary>
/// <remarks>
/// 1000 neurons, 800 excitatory regular spiking (a = 0.02, d = 8) and 200 inhibitory fast spiking (a = 0.1, d = 2),
/// b = 0.2, c = −65, v₀ = −65, u₀ = 0.2·v₀; M = 100 slots per neuron. Excitatory row i: the first 100 entries of a
/// random permutation of the 1000 neurons, drawn by a partial Fisher–Yates shuffle (swap r = 0 … 99 takes position
/// <c>r + ⌊U·(1000 − r)⌋</c>, <c>U = Uniform(seed, 7, i·1000 + r)</c>); delays <c>1 + ⌊Uniform(seed, 8, i·100 + j)·20⌋</c>;
/// weight 6. Inhibitory rows: the same shuffle over the 800 excitatory neurons, delay 1, weight −5. Thalamic input:
/// at 0-based step k neuron <c>⌊Uniform(seed, 9, k)·1000⌋</c> gets 20. docs/NUMERICS.md, sections 8 and 12.
/// </remarks>
public static class PolychronizationNetwork
{
    /// <summary>Neurons.</summary>
    public const int Neurons = 1000;

    /// <summary>Excitatory neurons (the first).</summary>
    public const int Excitatory = 800;

    /// <summary>Slots per neuron.</summary>
    public const int SynapsesPerNeuron = 100;

    /// <summary>The thalamic input current, mV/ms.</summary>
    public const double DriveCurrent = 20.0;

    /// <summary>The 1000 neurons of the model (excitatory first), at rest <c>v = −65</c>, <c>u = −13</c>.</summary>
    public static NetworkNeurons Cells()
    {
        var a = new double[Neurons];
        var b = new double[Neurons];
        var c = new double[Neurons];
        var d = new double[Neurons];
        for (int i = 0; i < Neurons; i++)
        {
            bool e = i < Excitatory;
            (a[i], b[i], c[i], d[i]) = (e ? 0.02 : 0.1, 0.2, -65.0, e ? 8.0 : 2.0);
        }

        return NetworkNeurons.Create(a, b, c, d, -65.0, Excitatory).OrThrow();
    }

    /// <summary>The network of <paramref name="seed"/> with thalamic input for <paramref name="seconds"/> s.</summary>
    /// <remarks>Rules: seed ≥ 0; seconds in 0 … 100 000 (the drive is one int per ms).</remarks>
    public static Validation<Error, PlasticNetwork> Create(long seed, int seconds)
    {
        if (seed < 0 || seconds < 0 || seconds > 100_000)
        {
            return Fail<Error, PlasticNetwork>(Error.New($"the seed must be >= 0 and the seconds in 0..100000, got seed {seed}, seconds {seconds}"));
        }

        const int m = SynapsesPerNeuron;
        var targets = new int[Neurons * m];
        var delays = new int[Neurons * m];
        var weights = new double[Neurons * m];
        var pool = new int[Neurons];
        ulong targetKey = CounterRandom.Key(seed, RandomStreams.PolychronizationTargets);
        ulong delayKey = CounterRandom.Key(seed, RandomStreams.PolychronizationDelays);
        for (int i = 0; i < Neurons; i++)
        {
            bool excitatory = i < Excitatory;
            int range = excitatory ? Neurons : Excitatory;
            for (int x = 0; x < range; x++)
            {
                pool[x] = x;
            }

            for (int r = 0; r < m; r++)
            {
                double draw = CounterRandom.UniformAt(targetKey, (ulong)(((long)i * Neurons) + r));
                int pick = r + (int)(draw * (range - r));
                (pool[r], pool[pick]) = (pool[pick], pool[r]);
                int s = (i * m) + r;
                targets[s] = pool[r];
                delays[s] = excitatory ? 1 + (int)(CounterRandom.UniformAt(delayKey, (ulong)s) * PlasticNetwork.MaxDelayMs) : 1;
                weights[s] = excitatory ? 6.0 : -5.0;
            }
        }

        var drive = new int[seconds * 1000];
        ulong driveKey = CounterRandom.Key(seed, RandomStreams.PolychronizationDrive);
        for (int k = 0; k < drive.Length; k++)
        {
            drive[k] = (int)(CounterRandom.UniformAt(driveKey, (ulong)k) * Neurons);
        }

        return PlasticNetwork.Create(Cells(), m, targets, delays, weights, drive, DriveCurrent);
    }
}

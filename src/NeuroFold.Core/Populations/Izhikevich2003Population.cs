using System.Collections.Immutable;
using NeuroFold.Core.Models;
using NeuroFold.Core.Random;

namespace NeuroFold.Core.Populations;

/// <summary>The heterogeneous population of Izhikevich (2003), uncoupled, with a random constant input (benchmark workload W2).</summary>
/// <remarks>
/// Neuron i &lt; ⌊excitatoryFraction·N⌋ is excitatory: <c>a = 0.02, b = 0.2, c = −65 + 15r², d = 8 − 6r²</c>; the rest are
/// inhibitory: <c>a = 0.02 + 0.08r, b = 0.25 − 0.05r, c = −65, d = 2</c>; <c>r ~ U(0, 1)</c>. Input
/// <c>I ~ U(0, maxInput)</c> µA/cm², constant; <c>v0 = −65</c> mV, <c>u0 = b·v0</c>. Izhikevich, "Simple model of spiking
/// neurons" (2003), <c>net.m</c>; workload W2 of <c>bench/peers/w2_population.py</c>. The random numbers come from
/// <see cref="CounterRandom"/>: r of neuron i is <c>Uniform(seed, 0, i)</c>, its input <c>maxInput·Uniform(seed, 1, i)</c>
/// (Brian2's script draws from numpy's RandomState instead, so the two populations differ neuron by neuron but not in law).
/// </remarks>
public static class Izhikevich2003Population
{
    /// <summary>Stream of r in <see cref="CounterRandom"/>.</summary>
    internal const long ParameterStream = 0;

    /// <summary>Stream of the input in <see cref="CounterRandom"/>.</summary>
    internal const long InputStream = 1;

    /// <summary>Resting potential every neuron starts from, mV.</summary>
    public const double RestMv = -65.0;

    /// <summary>Number of excitatory neurons (the first ones) for <paramref name="count"/> neurons.</summary>
    public static int Excitatory(int count, double excitatoryFraction) => (int)(excitatoryFraction * count);

    /// <summary>Builds the population of <paramref name="count"/> neurons for <paramref name="seed"/>.</summary>
    public static Population Create(int count, double excitatoryFraction, double maxInputUaPerCm2, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int ne = Excitatory(count, excitatoryFraction);
        var a = new double[count];
        var b = new double[count];
        var c = new double[count];
        var d = new double[count];
        var v0 = new double[count];
        var u0 = new double[count];
        var input = new double[count];
        for (int i = 0; i < count; i++)
        {
            double r = CounterRandom.Uniform(seed, ParameterStream, i);
            if (i < ne)
            {
                (a[i], b[i], c[i], d[i]) = (0.02, 0.2, -65.0 + (15.0 * (r * r)), 8.0 - (6.0 * (r * r)));
            }
            else
            {
                (a[i], b[i], c[i], d[i]) = (0.02 + (0.08 * r), 0.25 - (0.05 * r), -65.0, 2.0);
            }

            v0[i] = RestMv;
            u0[i] = b[i] * RestMv;
            input[i] = maxInputUaPerCm2 * CounterRandom.Uniform(seed, InputStream, i);
        }

        return Population.Create(Wrap(a), Wrap(b), Wrap(c), Wrap(d), Wrap(v0), Wrap(u0), Wrap(input))
            .Match(Succ: p => p, Fail: errors => throw new ArgumentException(Validation.Checks.Describe(errors)));
    }

    static ImmutableArray<double> Wrap(double[] x) => System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(x);
}

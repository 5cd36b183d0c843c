using System.Collections.Immutable;
using NeuroFold.Core.Models;
using NeuroFold.Core.Networks;

namespace NeuroFold.Core.Tests.Networks;

/// <summary>Small networks and an independent scalar reference of the net.m update for the network tests.</summary>
internal static class NetworkTestKit
{
    /// <summary>Regular-spiking neurons at v0 = −65, u0 = b·v0.</summary>
    public static NetworkNeurons RegularSpiking(int n) =>
        NetworkNeurons.Create(Fill(n, 0.02), Fill(n, 0.2), Fill(n, -65.0), Fill(n, 8.0), -65.0, n).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));

    public static double[] Fill(int n, double x)
    {
        var a = new double[n];
        Array.Fill(a, x);
        return a;
    }

    public static Connectivity.Dense ZeroDense(int n) =>
        Connectivity.Dense.FromPostsynapticRows(n, new double[n * n], 0).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));

    public static Connectivity.Sparse Sparse(int n, int[] pre, int[] post, double[] w, int[] delays) =>
        Connectivity.Sparse.Create(n, pre, post, w, delays).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));

    public static NetworkInput.Sampled Sampled(int steps, double[] values) => new(steps, ImmutableArray.Create(values));

    /// <summary>One neuron alone under net.m's update with external input <paramref name="input"/> per step (net.m's t = 1 … steps).</summary>
    /// <returns>The 0-based steps of the spikes (net.m's t − 1, as <see cref="NetworkResult.SpikeSteps"/>) and the final state.</returns>
    public static (List<int> SpikeSteps, double V, double U) Alone(IzhikevichParameters p, double v, double u, Func<int, double> input, int steps)
    {
        var spikes = new List<int>();
        for (int t = 1; t <= steps; t++)
        {
            if (v >= Izhikevich.PeakMv)
            {
                spikes.Add(t - 1);
                v = p.C;
                u = u + p.D;
            }

            double i = input(t) + 0.0;
            v = v + (0.5 * (Izhikevich.Drive(v, u) + i));
            v = v + (0.5 * (Izhikevich.Drive(v, u) + i));
            u = u + (p.A * ((p.B * v) - u));
        }

        return (spikes, v, u);
    }

    /// <summary>Spikes of neuron <paramref name="neuron"/> in a network result.</summary>
    public static List<int> SpikesOf(NetworkResult r, int neuron)
    {
        var steps = new List<int>();
        for (int k = 0; k < r.SpikeCount; k++)
        {
            if (r.SpikeNeurons[k] == neuron)
            {
                steps.Add(r.SpikeSteps[k]);
            }
        }

        return steps;
    }

    /// <summary>Bitwise equality of two results: spikes, final state, pending input and status.</summary>
    public static void AssertIdentical(NetworkResult x, NetworkResult y)
    {
        Xunit.Assert.Equal(x.SpikeSteps.ToArray(), y.SpikeSteps.ToArray());
        Xunit.Assert.Equal(x.SpikeNeurons.ToArray(), y.SpikeNeurons.ToArray());
        Xunit.Assert.Equal(Bits(x.Final.V), Bits(y.Final.V));
        Xunit.Assert.Equal(Bits(x.Final.U), Bits(y.Final.U));
        Xunit.Assert.Equal(Bits(x.Final.Pending), Bits(y.Final.Pending));
        Xunit.Assert.Equal(x.Final.StepsDone, y.Final.StepsDone);
        Xunit.Assert.Equal(x.Status, y.Status);
    }

    public static long[] Bits(ImmutableArray<double> xs)
    {
        var bits = new long[xs.Length];
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] = BitConverter.DoubleToInt64Bits(xs[i]);
        }

        return bits;
    }
}

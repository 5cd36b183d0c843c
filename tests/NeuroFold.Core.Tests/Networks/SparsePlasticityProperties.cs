using NeuroFold.Core.Networks;
using Xunit;

namespace NeuroFold.Core.Tests.Networks;

/// <summary>The sparse network with <c>spnet.m</c>'s STDP (<c>network --model sparse --plasticity stdp</c>).</summary>
public class SparsePlasticityProperties
{
    static Network Sparse(int neurons, int k, int maxDelay, long seed) => SparseNetwork.Create(neurons, k, maxDelay, 1.0, seed).OrThrow();

    /// <summary>The documented rule: spnet.m's numbers with the bound g·1000/K (twice the largest initial excitatory weight).</summary>
    static PlasticityRule Stdp(int k) => PlasticityRule.Create(0.1, 0.95, 1.2, 0.01, 0.9, 1000.0 / k).OrThrow();

    static void SameBits(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]), $"{what}[{i}]: {expected[i]:R} vs {actual[i]:R}");
        }
    }

    [Theory]
    [InlineData(400, 20, 1, 1L)]
    [InlineData(600, 50, 20, 2L)]
    [InlineData(300, 7, 29, 3L)]
    public void Without_traces_and_drift_it_is_the_static_sparse_network_bit_for_bit(int neurons, int k, int maxDelay, long seed)
    {
        var network = Sparse(neurons, k, maxDelay, seed);
        var none = PlasticityRule.Create(0.0, 0.95, 1.2, 0.0, 0.9, 1000.0).OrThrow();
        var plastic = PlasticSimulation.Run(network, none, 2, 1, null);
        var fixedWeights = NetworkSimulation.Run(network, 2000);
        Assert.True(fixedWeights.SpikeSteps.Length > 100);
        Assert.Equal(fixedWeights.SpikeSteps.ToArray(), plastic.SpikeSteps.ToArray());
        Assert.Equal(fixedWeights.SpikeNeurons.ToArray(), plastic.SpikeNeurons.ToArray());
        SameBits(fixedWeights.Final.V, plastic.Final.V, "v");
        SameBits(fixedWeights.Final.U, plastic.Final.U, "u");
        SameBits(((Connectivity.Sparse)network.Connectivity).Weights, plastic.Final.Weights, "weights");
    }

    [Fact]
    public void Excitatory_weights_stay_within_the_bounds_and_inhibitory_ones_never_change()
    {
        const int k = 50;
        var network = Sparse(1000, k, 20, 5);
        var result = PlasticSimulation.Run(network, Stdp(k), 3, 1, null);
        var sparse = (Connectivity.Sparse)network.Connectivity;
        int excitatoryRows = sparse.RowStart[network.Neurons.Excitatory];
        bool changed = false;
        for (int s = 0; s < sparse.Weights.Length; s++)
        {
            double w = result.Final.Weights[s];
            if (s < excitatoryRows)
            {
                Assert.InRange(w, 0.0, 1000.0 / k);
                changed |= w != sparse.Weights[s];
            }
            else
            {
                Assert.Equal(sparse.Weights[s], w);
            }
        }

        Assert.True(changed);
        Assert.Equal(3, result.Seconds.Length);
    }

    [Fact]
    public void One_and_two_threads_give_identical_spikes_and_weights()
    {
        var network = Sparse(2000, 30, 10, 7);
        var one = PlasticSimulation.RunSparse(network, Stdp(30), 2, 1, null, PlasticSimulation.MinBlockNeurons);
        var two = PlasticSimulation.RunSparse(network, Stdp(30), 2, 2, null, 1);
        Assert.Equal(one.SpikeSteps.ToArray(), two.SpikeSteps.ToArray());
        Assert.Equal(one.SpikeNeurons.ToArray(), two.SpikeNeurons.ToArray());
        SameBits(one.Final.Weights, two.Final.Weights, "weights");
        SameBits(one.Final.Sd, two.Final.Sd, "sd");
    }

    [Fact]
    public void A_dense_network_or_a_delay_beyond_29_steps_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PlasticSimulation.Run(Izhikevich2003Network.Create(50, 1).OrThrow(), Stdp(10), 1, 1, null));
        Assert.Throws<ArgumentException>(() => PlasticSimulation.Run(Sparse(100, 10, 30, 1), Stdp(10), 1, 1, null));
    }
}

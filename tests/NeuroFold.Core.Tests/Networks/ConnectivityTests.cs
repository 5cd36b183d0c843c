using NeuroFold.Core.Networks;
using NeuroFold.Core.Random;
using Xunit;

namespace NeuroFold.Core.Tests.Networks;

/// <summary>Dense and CSR connectivity: layout, sorting, validation; the builders' recipes.</summary>
public class ConnectivityTests
{
    [Fact]
    public void Sparse_rows_are_by_presynaptic_neuron_with_targets_ascending_and_multapses_kept_in_order()
    {
        var csr = NetworkTestKit.Sparse(4, [2, 0, 2, 2, 1], [3, 1, 0, 3, 2], [1.0, 2.0, 3.0, 4.0, 5.0], [1, 2, 3, 4, 5]);
        Assert.Equal([0, 1, 2, 5, 5], csr.RowStart.ToArray());
        Assert.Equal([1, 2, 0, 3, 3], csr.Targets.ToArray());
        Assert.Equal([2.0, 5.0, 3.0, 1.0, 4.0], csr.Weights.ToArray());
        Assert.Equal(new byte[] { 2, 5, 3, 1, 4 }, csr.DelaysSteps.ToArray());
        Assert.Equal(5, csr.MaxDelaySteps);
    }

    [Fact]
    public void Invalid_synapses_are_rejected_with_a_message()
    {
        var bad = Connectivity.Sparse.Create(3, [0], [3], [1.0], [1]);
        Assert.True(bad.IsFail);
        Assert.Contains("outside 0..2", bad.Match(_ => "", e => e.Head.Message), StringComparison.Ordinal);
        var nan = Connectivity.Sparse.Create(3, [0], [1], [double.NaN], [1]);
        Assert.Contains("non-finite", nan.Match(_ => "", e => e.Head.Message), StringComparison.Ordinal);
        var delay = Connectivity.Sparse.Create(3, [0], [1], [1.0], [256]);
        Assert.Contains("delay 256", delay.Match(_ => "", e => e.Head.Message), StringComparison.Ordinal);
        var dense = Connectivity.Dense.FromPostsynapticRows(2, [1.0, 2.0, double.PositiveInfinity, 4.0], 0);
        Assert.Contains("S[1, 0]", dense.Match(_ => "", e => e.Head.Message), StringComparison.Ordinal);
    }

    [Fact]
    public void Dense_weights_are_stored_by_presynaptic_column()
    {
        var dense = Connectivity.Dense.FromPostsynapticRows(2, [1.0, 2.0, 3.0, 4.0], 0).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        Assert.Equal(2.0, dense.Weight(0, 1));
        Assert.Equal(3.0, dense.Weight(1, 0));
        Assert.Equal([1.0, 3.0, 2.0, 4.0], dense.WeightsByPresynaptic.ToArray());
    }

    [Fact]
    public void The_2003_recipe_has_its_published_ranges()
    {
        var network = Izhikevich2003Network.Create(1000, 3).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        var neurons = network.Neurons;
        Assert.Equal(800, neurons.Excitatory);
        var dense = Assert.IsType<Connectivity.Dense>(network.Connectivity);
        for (int i = 0; i < 1000; i++)
        {
            if (i < 800)
            {
                Assert.Equal(0.02, neurons.A[i]);
                Assert.InRange(neurons.C[i], -65.0, -50.0);
                Assert.InRange(neurons.D[i], 2.0, 8.0);
                Assert.InRange(dense.Weight(i / 2, i), 0.0, 0.5);
            }
            else
            {
                Assert.InRange(neurons.A[i], 0.02, 0.1);
                Assert.InRange(neurons.B[i], 0.2, 0.25);
                Assert.InRange(dense.Weight(i / 2, i), -1.0, 0.0);
            }

            Assert.Equal(neurons.B[i] * -65.0, neurons.U0[i]);
        }
    }

    [Fact]
    public void The_sparse_recipe_has_k_partners_no_autapses_and_delays_in_range()
    {
        var network = SparseNetwork.Create(500, 30, 12, 1.0, 9).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        var csr = Assert.IsType<Connectivity.Sparse>(network.Connectivity);
        Assert.Equal(500 * 30, csr.SynapseCount);
        var inDegree = new int[500];
        for (int j = 0; j < 500; j++)
        {
            for (int s = csr.RowStart[j]; s < csr.RowStart[j + 1]; s++)
            {
                Assert.NotEqual(j, csr.Targets[s]);
                Assert.InRange(csr.DelaysSteps[s], (byte)1, (byte)12);
                if (j < 400)
                {
                    Assert.InRange(csr.Weights[s], 0.0, 0.5 * 1000.0 / 30);
                }
                else
                {
                    Assert.InRange(csr.Weights[s], -1000.0 / 30, 0.0);
                }

                inDegree[csr.Targets[s]]++;
            }
        }

        Assert.All(inDegree, d => Assert.Equal(30, d));
    }

    [Fact]
    public void The_sparse_builder_makes_the_rows_that_Create_makes_from_the_same_synapse_lists()
    {
        const int N = 300;
        const int K = 25;
        const long Seed = 4;
        var network = SparseNetwork.Create(N, K, 9, 0.5, Seed).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        var built = Assert.IsType<Connectivity.Sparse>(network.Connectivity);

        // The recipe as plain synapse lists, in draw order, through the general CSR constructor.
        var pre = new int[N * K];
        var post = new int[N * K];
        var w = new double[N * K];
        var d = new int[N * K];
        for (int i = 0; i < N; i++)
        {
            for (int k = 0; k < K; k++)
            {
                int s = (i * K) + k;
                int p = (int)(CounterRandom.Uniform(Seed, RandomStreams.SparsePartners, s) * (N - 1));
                p = p >= i ? p + 1 : p;
                double r = CounterRandom.Uniform(Seed, RandomStreams.SparseWeights, s);
                pre[s] = p;
                post[s] = i;
                w[s] = p < 240 ? 0.5 * (0.5 * 1000.0 / K) * r : -(0.5 * 1000.0 / K) * r;
                d[s] = 1 + (int)(CounterRandom.Uniform(Seed, RandomStreams.SparseDelays, s) * 9);
            }
        }

        var reference = NetworkTestKit.Sparse(N, pre, post, w, d);
        Assert.Equal(reference.RowStart.ToArray(), built.RowStart.ToArray());
        Assert.Equal(reference.Targets.ToArray(), built.Targets.ToArray());
        Assert.Equal(reference.Weights.ToArray(), built.Weights.ToArray());
        Assert.Equal(reference.DelaysSteps.ToArray(), built.DelaysSteps.ToArray());
        Assert.Equal(reference.MaxDelaySteps, built.MaxDelaySteps);
    }

    [Fact]
    public void Builders_reject_bad_sizes_listing_every_problem()
    {
        var bad = SparseNetwork.Create(1, 0, 0, double.NaN, 1);
        var messages = bad.Match(_ => "", e => string.Join("\n", e.Map(x => x.Message)));
        Assert.Contains("at least 2 neurons", messages, StringComparison.Ordinal);
        Assert.Contains("k (presynaptic", messages, StringComparison.Ordinal);
        Assert.Contains("max-delay", messages, StringComparison.Ordinal);
        Assert.Contains("g must be", messages, StringComparison.Ordinal);
        Assert.True(Izhikevich2003Network.Create(0, 1).IsFail);
    }

    [Fact]
    public void Dominant_frequency_finds_a_sine()
    {
        var rate = new double[1000];
        for (int k = 0; k < rate.Length; k++)
        {
            rate[k] = 10.0 + (5.0 * Math.Sin(2 * Math.PI * 40.0 * k / 1000.0));
        }

        double f = PopulationRate.DominantFrequencyHz(rate, 1.0);
        Assert.InRange(f, 39.0, 41.0);
        Assert.Equal(0.0, PopulationRate.DominantFrequencyHz(new double[100], 1.0));
    }
}

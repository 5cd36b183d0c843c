using FsCheck;
using FsCheck.Xunit;
using NeuroFold.Core.Networks;
using NeuroFold.Core.Simulation;
using Xunit;
using static NeuroFold.Core.Tests.Networks.NetworkGenerators;
using static NeuroFold.Core.Tests.Networks.NetworkTestKit;

namespace NeuroFold.Core.Tests.Networks;

/// <summary>Invariants of the network fold: independence without weights, exact delays, thread-count independence, n + m steps.</summary>
[Properties(Arbitrary = new[] { typeof(NetworkGenerators) }, MaxTest = 40)]
public class NetworkSimulationTests
{
    [Property]
    public void Zero_weights_are_independent_neurons(SmallCase c)
    {
        var built = Izhikevich2003Network.Create(c.Neurons, c.Seed).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        var network = new Network(built.Neurons, ZeroDense(c.Neurons), built.Input);
        var result = NetworkSimulation.Run(network, c.Steps, 1);
        var noise = NetworkSimulation.Run(new Network(network.Neurons, ZeroDense(c.Neurons), network.Input), c.Steps, 2);
        AssertIdentical(result, noise);

        // With given input values, every neuron equals a scalar run of its own.
        var values = new double[c.Steps * c.Neurons];
        var rng = new System.Random((int)(c.Seed % int.MaxValue));
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = (rng.NextDouble() * 30.0) - 10.0;
        }

        var sampled = NetworkSimulation.Run(new Network(network.Neurons, network.Connectivity, Sampled(c.Steps, values)), c.Steps, 1);
        for (int i = 0; i < c.Neurons; i++)
        {
            var p = network.Neurons.Parameters(i);
            int neuron = i;
            var alone = Alone(p, network.Neurons.V0[i], network.Neurons.U0[i], t => values[((t - 1) * c.Neurons) + neuron], c.Steps);
            Assert.Equal(alone.SpikeSteps, SpikesOf(sampled, i));
            Assert.Equal(BitConverter.DoubleToInt64Bits(alone.V), BitConverter.DoubleToInt64Bits(sampled.Final.V[i]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(alone.U), BitConverter.DoubleToInt64Bits(sampled.Final.U[i]));
        }
    }

    [Property]
    public void A_delay_of_d_steps_delivers_the_weight_exactly_d_steps_after_the_spike(DelayCase c)
    {
        // Neuron 0 is kicked above threshold once; neuron 1 listens through one synapse.
        const int Steps = 90;
        var input = new double[Steps * 2];
        input[(c.KickStep - 1) * 2] = 1000.0;
        var neurons = RegularSpiking(2);
        var wired = new Network(neurons, Sparse(2, [0], [1], [c.Weight], [c.Delay]), Sampled(Steps, input));
        var result = NetworkSimulation.Run(wired, Steps, 1);
        var spikes0 = SpikesOf(result, 0);
        Assert.NotEmpty(spikes0);

        // Reference: neuron 1 alone, with the weight added to its input at net.m's step t + d of each spike (t = 0-based step + 1).
        var arrival = new HashSet<int>();
        foreach (int step in spikes0)
        {
            arrival.Add(step + 1 + c.Delay);
        }

        var alone = Alone(neurons.Parameters(1), -65.0, 0.2 * -65.0, t => arrival.Contains(t) ? c.Weight : 0.0, Steps);
        Assert.Equal(alone.SpikeSteps, SpikesOf(result, 1));
        Assert.Equal(BitConverter.DoubleToInt64Bits(alone.V), BitConverter.DoubleToInt64Bits(result.Final.V[1]));
        Assert.Equal(BitConverter.DoubleToInt64Bits(alone.U), BitConverter.DoubleToInt64Bits(result.Final.U[1]));
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(1, 4)]
    [InlineData(5, 6)]
    public void Rows_bucketed_by_target_block_deliver_what_one_block_delivers(int maxDelay, long seed)
    {
        // W4's path (one shared delay) and the mixed-delay path, with multapses (K = 60 of 499 partners per neuron).
        var network = SparseNetwork.Create(500, 60, maxDelay, 1.0, seed).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        var one = NetworkSimulation.Run(network, 300, 1);
        Assert.True(one.SpikeSteps.Length > 100);
        AssertIdentical(one, NetworkSimulation.Run(network, 300, 2));
        AssertIdentical(one, NetworkSimulation.Run(network, 300, 3));
    }

    [Property(MaxTest = 15)]
    public void Sparse_networks_give_identical_results_for_1_2_and_3_threads(SmallCase c)
    {
        int n = 8 * c.Neurons;
        var network = SparseNetwork.Create(n, 20, 7, 1.0, c.Seed).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        var one = NetworkSimulation.Run(network, c.Steps, 1);
        AssertIdentical(one, NetworkSimulation.Run(network, c.Steps, 2));
        AssertIdentical(one, NetworkSimulation.Run(network, c.Steps, 3));
    }

    [Property(MaxTest = 15)]
    public void Dense_networks_give_identical_results_for_1_and_2_threads(SmallCase c)
    {
        var network = Izhikevich2003Network.Create(4 * c.Neurons, c.Seed).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        AssertIdentical(NetworkSimulation.Run(network, c.Steps, 1), NetworkSimulation.Run(network, c.Steps, 2));
    }

    [Property(MaxTest = 20)]
    public void N_plus_m_steps_equal_n_steps_then_m_steps(SmallCase c)
    {
        var network = SparseNetwork.Create(4 * c.Neurons, 10, 5, 1.0, c.Seed).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        int n = c.Steps / 3;
        var whole = NetworkSimulation.Run(network, c.Steps, 1);
        var first = NetworkSimulation.Run(network, n, 2);
        var second = NetworkSimulation.Run(network, first.Final, c.Steps - n, 1);
        Assert.Equal(whole.SpikeSteps.ToArray(), first.SpikeSteps.AddRange(second.SpikeSteps).ToArray());
        Assert.Equal(whole.SpikeNeurons.ToArray(), first.SpikeNeurons.AddRange(second.SpikeNeurons).ToArray());
        Assert.Equal(Bits(whole.Final.V), Bits(second.Final.V));
        Assert.Equal(Bits(whole.Final.U), Bits(second.Final.U));
        Assert.Equal(Bits(whole.Final.Pending), Bits(second.Final.Pending));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void A_dense_matrix_and_the_same_synapses_as_sparse_rows_give_identical_runs(int delay)
    {
        const int N = 12;
        const int Steps = 120;
        var rng = new System.Random(delay + 1);
        var s = new double[N * N];
        var pre = new List<int>();
        var post = new List<int>();
        var w = new List<double>();
        for (int i = 0; i < N; i++)
        {
            for (int j = 0; j < N; j++)
            {
                s[(i * N) + j] = j < 9 ? 6.0 * rng.NextDouble() : -8.0 * rng.NextDouble();
                pre.Add(j);
                post.Add(i);
                w.Add(s[(i * N) + j]);
            }
        }

        var input = new double[Steps * N];
        for (int k = 0; k < input.Length; k++)
        {
            input[k] = 12.0 * rng.NextDouble();
        }

        var dense = Connectivity.Dense.FromPostsynapticRows(N, s, delay).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        var sparse = Sparse(N, [.. pre], [.. post], [.. w], Enumerable.Repeat(delay, pre.Count).ToArray());
        var a = NetworkSimulation.Run(new Network(RegularSpiking(N), dense, Sampled(Steps, input)), Steps, 1);
        var b = NetworkSimulation.Run(new Network(RegularSpiking(N), sparse, Sampled(Steps, input)), Steps, 2);
        Assert.True(a.SpikeCount > 10);
        AssertIdentical(a, b);
    }

    [Fact]
    public void Spikes_are_sorted_by_step_then_neuron_and_reset_v_to_c()
    {
        var network = Izhikevich2003Network.Create(1000, 7).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        var result = NetworkSimulation.Run(network, 300, 2);
        Assert.True(result.Status.IsCompleted);
        Assert.InRange(result.SpikeCount, 300 * 1000 * 2 / 1000, 300 * 1000 * 30 / 1000);
        for (int k = 1; k < result.SpikeCount; k++)
        {
            Assert.True(
                result.SpikeSteps[k - 1] < result.SpikeSteps[k] ||
                (result.SpikeSteps[k - 1] == result.SpikeSteps[k] && result.SpikeNeurons[k - 1] < result.SpikeNeurons[k]));
        }
    }

    [Fact]
    public void A_spike_is_reported_at_the_step_after_v_reaches_30_and_resets_to_c_plus_d()
    {
        // One neuron, kicked at net.m's step t = 3: v ≥ 30 at the end of it, so the spike is at t = 4 (0-based step 3, 4 ms) and v = c, u += d there.
        var input = new double[10];
        input[2] = 1000.0;
        var network = new Network(RegularSpiking(1), ZeroDense(1), Sampled(10, input));
        var three = NetworkSimulation.Run(network, 3, 1);
        Assert.Empty(three.SpikeSteps);
        Assert.True(three.Final.V[0] >= 30.0);
        var four = NetworkSimulation.Run(network, 4, 1);
        Assert.Equal([3], four.SpikeSteps.ToArray());
        Assert.Equal(4.0, four.SpikeTimeMs(0));
        var alone = Alone(network.Neurons.Parameters(0), -65.0, -13.0, t => input[t - 1], 4);
        Assert.Equal([3], alone.SpikeSteps.ToArray());
        Assert.Equal(BitConverter.DoubleToInt64Bits(alone.U), BitConverter.DoubleToInt64Bits(four.Final.U[0]));
    }

    [Fact]
    public void A_run_that_leaves_the_finite_range_reports_step_and_neuron()
    {
        var input = new double[3 * 20];
        input[(1 * 20) + 13] = 1e200;
        var network = new Network(RegularSpiking(20), ZeroDense(20), Sampled(3, input));
        foreach (int threads in new[] { 1, 2 })
        {
            var result = NetworkSimulation.Run(network, 3, threads);
            var nf = Assert.IsType<RunStatus.NonFinite>(result.Status);
            Assert.Equal(1, nf.Step);
            Assert.Equal(2.0, nf.TimeMs);
            Assert.Equal(13, nf.Neuron);
        }
    }

    [Fact]
    public void Synaptic_input_is_summed_from_zero_in_ascending_presynaptic_order()
    {
        // Three presynaptic neurons fire together onto neuron 3; weights chosen so the summation order matters in doubles.
        double[] w = [1e16, 1.0, -1e16];
        var input = new double[2 * 4];
        input[0] = input[1] = input[2] = 1000.0;
        var network = new Network(RegularSpiking(4), Sparse(4, [2, 0, 1], [3, 3, 3], [w[2], w[0], w[1]], [0, 0, 0]), Sampled(2, input));
        var result = NetworkSimulation.Run(network, 2, 1);
        double acc = ((0.0 + w[0]) + w[1]) + w[2]; // = 0: 1e16 + 1 rounds back to 1e16
        var alone = Alone(network.Neurons.Parameters(3), -65.0, -13.0, t => t == 2 ? acc : 0.0, 2);
        Assert.Equal(BitConverter.DoubleToInt64Bits(alone.V), BitConverter.DoubleToInt64Bits(result.Final.V[3]));
        Assert.Equal(0.0, acc);
    }

    [Fact]
    public void A_run_stopped_by_a_non_finite_state_ends_in_the_same_state_for_every_thread_count()
    {
        var input = new double[3 * 20];
        input[20 + 13] = 1e200;
        var net = new Network(RegularSpiking(20), ZeroDense(20), Sampled(3, input));
        var one = NetworkSimulation.Run(net, 3, 1);
        Assert.Equal(new RunStatus.NonFinite(1, 2.0, 13), one.Status);
        Assert.Equal(2, one.Final.StepsDone); // the failing step was run, for every neuron
        foreach (int threads in new[] { 2, 3 })
        {
            var other = NetworkSimulation.Run(net, 3, threads);
            Assert.Equal(one.Status, other.Status);
            for (int i = 0; i < 20; i++)
            {
                Assert.True(
                    (double.IsNaN(one.Final.V[i]) && double.IsNaN(other.Final.V[i])) || one.Final.V[i].Equals(other.Final.V[i]),
                    $"neuron {i}: {one.Final.V[i]:R} vs {other.Final.V[i]:R} with {threads} threads");
            }
        }
    }
}

using FsCheck;
using FsCheck.Xunit;
using NeuroFold.Core.Networks;
using Xunit;

namespace NeuroFold.Core.Tests.Networks;

/// <summary>Properties of the plastic (spnet.m) network on small random networks.</summary>
[Properties(Arbitrary = [typeof(NetworkGenerators)], MaxTest = 40)]
public class PlasticNetworkProperties
{
    /// <summary>The network of a case: excitatory rows weigh 0–10 (mV/ms), inhibitory −6–0; the thalamic neuron of every step is random.</summary>
    internal static PlasticNetwork Build(NetworkGenerators.PlasticCase c, int delayShift = 0, bool sinks = false)
    {
        var random = new System.Random(c.Seed);
        int n = c.Neurons;
        int ne = (4 * n) / 5;
        int m = c.Slots;
        var a = new double[n];
        var b = new double[n];
        var cc = new double[n];
        var d = new double[n];
        for (int i = 0; i < n; i++)
        {
            (a[i], b[i], cc[i], d[i]) = (i < ne ? 0.02 : 0.1, 0.2, -65.0, i < ne ? 8.0 : 2.0);
        }

        var neurons = NetworkNeurons.Create(a, b, cc, d, -65.0, ne).OrThrow();
        var targets = new int[n * m];
        var delays = new int[n * m];
        var weights = new double[n * m];
        int sources = n / 2;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                int s = (i * m) + j;
                targets[s] = sinks ? sources + random.Next(n - sources) : c.Repeats ? random.Next(n) : ((i + 1 + (j * 7)) % n);
                delays[s] = 1 + random.Next(c.MaxDelay) + delayShift;
                weights[s] = sinks && i >= sources ? 0.0 : i < ne ? 10.0 * random.NextDouble() : -6.0 * random.NextDouble();
            }
        }

        var drive = new int[c.Seconds * 1000];
        for (int k = 0; k < drive.Length; k++)
        {
            drive[k] = random.Next(sinks ? sources : n);
        }

        return PlasticNetwork.Create(neurons, m, targets, delays, weights, drive, 20.0).OrThrow();
    }

    /// <summary>ALGORITHM.md without plasticity, in plain loops written here (not the kernel's ring buffers): the static delayed network.</summary>
    static (List<(int Step, int Neuron)> Spikes, double[] V, double[] U) Static(PlasticNetwork net, int seconds)
    {
        int n = net.Neurons.Count;
        int m = net.SynapsesPerNeuron;
        var v = new double[n];
        var u = new double[n];
        for (int i = 0; i < n; i++)
        {
            (v[i], u[i]) = (-65.0, 0.2 * -65.0);
        }

        var spikes = new List<(int, int)>();
        var input = new double[n];
        for (int k = 1; k <= seconds * 1000; k++)
        {
            Array.Clear(input);
            input[net.Drive[k - 1]] = 20.0;
            for (int i = 0; i < n; i++)
            {
                if (v[i] >= 30.0)
                {
                    v[i] = -65.0;
                    u[i] = u[i] + net.Neurons.D[i];
                    spikes.Add((k, i));
                }
            }

            for (int x = spikes.Count - 1; x >= 0 && spikes[x].Item1 > k - 20; x--)
            {
                var (tau, i) = spikes[x];
                int q = k - tau + 1;
                var next = new Dictionary<int, double>();
                for (int j = 0; j < m; j++)
                {
                    if (net.DelaysMs[(i * m) + j] == q)
                    {
                        int t = net.Targets[(i * m) + j];
                        next[t] = input[t] + net.Weights[(i * m) + j]; // old value read before any write: the last slot wins
                    }
                }

                foreach (var (t, value) in next)
                {
                    input[t] = value;
                }
            }

            for (int i = 0; i < n; i++)
            {
                for (int h = 0; h < 2; h++)
                {
                    double A = 0.04 * v[i];
                    A = A + 5.0;
                    A = A * v[i];
                    A = A + 140.0;
                    A = A - u[i];
                    A = A + input[i];
                    A = 0.5 * A;
                    v[i] = v[i] + A;
                }

                double B = 0.2 * v[i];
                B = B - u[i];
                B = net.Neurons.A[i] * B;
                u[i] = u[i] + B;
            }
        }

        return (spikes, v, u);
    }

    static void BitEqual(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[k]), BitConverter.DoubleToInt64Bits(actual[k]));
        }
    }

    [Property]
    public void Zero_learning_is_the_static_delayed_network_bit_for_bit(NetworkGenerators.PlasticCase c)
    {
        var net = Build(c);
        var result = PlasticSimulation.Run(net, PlasticityRule.None, c.Seconds);
        var (spikes, v, u) = Static(net, c.Seconds);
        Assert.Equal(spikes.Count, result.SpikeCount);
        for (int k = 0; k < spikes.Count; k++)
        {
            Assert.Equal(spikes[k], (result.SpikeSteps[k] + 1, result.SpikeNeurons[k]));
        }

        BitEqual(v, result.Final.V);
        BitEqual(u, result.Final.U);
        BitEqual(net.Weights, result.Final.Weights);
        Assert.All(result.Final.Sd, x => Assert.Equal(0.0, x));
    }

    [Property]
    public void Excitatory_weights_stay_within_0_and_10_and_inhibitory_ones_never_change(NetworkGenerators.PlasticCase c)
    {
        var net = Build(c);
        int[] every = [.. Enumerable.Range(1, c.Seconds)];
        var result = PlasticSimulation.Run(net, PlasticityRule.Spnet2006, c.Seconds, every, 1, null);
        int plastic = net.Neurons.Excitatory * net.SynapsesPerNeuron;
        foreach (var snapshot in result.Snapshots)
        {
            for (int s = 0; s < snapshot.Weights.Length; s++)
            {
                if (s < plastic)
                {
                    Assert.InRange(snapshot.Weights[s], 0.0, 10.0);
                }
                else
                {
                    Assert.Equal(net.Weights[s], snapshot.Weights[s]);
                }
            }
        }
    }

    [Property]
    public void Delays_one_ms_longer_deliver_the_same_input_one_step_later(NetworkGenerators.PlasticCase c)
    {
        // Sources (the first half) get only the thalamic input; sinks (the second half) get only synapses and send
        // weight 0; the weights are fixed. So the sources spike alike in both runs, and a sink's input is the same sum
        // one step later.
        var near = Build(c, 0, sinks: true);
        var far = Build(c, 1, sinks: true);
        int n = near.Neurons.Count;
        int sources = n / 2;
        var seen = new Dictionary<int, double[]>();
        PlasticSimulation.Run(near, PlasticityRule.None, c.Seconds, [], 1, null, PlasticSimulation.MinBlockNeurons, (k, input) => seen[k] = input[..n]);
        int checkedSteps = 0;
        PlasticSimulation.Run(far, PlasticityRule.None, c.Seconds, [], 1, null, PlasticSimulation.MinBlockNeurons, (k, input) =>
        {
            if (k >= 2)
            {
                BitEqual(seen[k - 1][sources..], input[sources..n]);
                checkedSteps++;
            }
        });
        Assert.Equal((c.Seconds * 1000) - 1, checkedSteps);
    }

    [Property]
    public void One_and_two_threads_give_identical_results(NetworkGenerators.PlasticCase c)
    {
        var net = Build(c);
        int[] at = [c.Seconds];
        var one = PlasticSimulation.Run(net, PlasticityRule.Spnet2006, c.Seconds, at, 1, null, 1);
        var two = PlasticSimulation.Run(net, PlasticityRule.Spnet2006, c.Seconds, at, 2, null, 1);
        Assert.Equal(one.SpikeSteps.ToArray(), two.SpikeSteps.ToArray());
        Assert.Equal(one.SpikeNeurons.ToArray(), two.SpikeNeurons.ToArray());
        BitEqual(one.Final.Weights, two.Final.Weights);
        BitEqual(one.Final.Sd, two.Final.Sd);
        BitEqual(one.Final.V, two.Final.V);
        Assert.Equal(one.WeightHistograms.ToArray(), two.WeightHistograms.ToArray());
    }

    [Fact]
    public void The_generated_network_follows_the_2008_rule()
    {
        var net = PolychronizationNetwork.Create(7, 2).OrThrow();
        const int m = PolychronizationNetwork.SynapsesPerNeuron;
        for (int i = 0; i < PolychronizationNetwork.Neurons; i++)
        {
            var row = net.Targets.AsSpan(i * m, m).ToArray();
            Assert.Equal(m, row.Distinct().Count());
            bool e = i < PolychronizationNetwork.Excitatory;
            Assert.All(row, t => Assert.InRange(t, 0, e ? 999 : 799));
            Assert.All(net.DelaysMs.AsSpan(i * m, m).ToArray(), d => Assert.InRange(d, 1, e ? 20 : 1));
            Assert.All(net.Weights.AsSpan(i * m, m).ToArray(), w => Assert.Equal(e ? 6.0 : -5.0, w));
        }

        Assert.Equal(2000, net.Drive.Length);
        Assert.Equal(20, net.DelaysMs.Take(800 * m).Distinct().Count());
        Assert.Equal(net.Targets.ToArray(), PolychronizationNetwork.Create(7, 2).OrThrow().Targets.ToArray());
        Assert.Equal(net.Drive.ToArray(), PolychronizationNetwork.Create(7, 2).OrThrow().Drive.ToArray());
        Assert.NotEqual(net.Targets.ToArray(), PolychronizationNetwork.Create(8, 2).OrThrow().Targets.ToArray());
    }

    [Fact]
    public void Bad_parts_are_all_reported()
    {
        var neurons = PolychronizationNetwork.Cells();
        var r = PlasticNetwork.Create(neurons, 1, [.. Enumerable.Repeat(1000, 1000)], [.. Enumerable.Repeat(21, 1000)], [.. Enumerable.Repeat(double.NaN, 1000)], [-1], 20.0);
        var messages = r.Match(_ => "", es => string.Join("\n", es.Select(e => e.Message)));
        Assert.Contains("targets[0, 0] must be a neuron in 0..999, got 1000", messages, StringComparison.Ordinal);
        Assert.Contains("delays[0, 0] must be a delay in 1..20 ms, got 21", messages, StringComparison.Ordinal);
        Assert.Contains("weights[0, 0] must be finite, got NaN", messages, StringComparison.Ordinal);
        Assert.Contains("drive[0] must be a neuron in 0..999, got -1", messages, StringComparison.Ordinal);
    }
}

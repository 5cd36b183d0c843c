using NeuroFold.Core.Networks;
using Xunit;

namespace NeuroFold.Core.Tests.Networks;

/// <summary>Properties of the dopamine-modulated STDP network (daspnet.m, Izhikevich 2007) on the paper's network.</summary>
public class DopamineStdpProperties
{
    /// <summary>Seed 6 schedules a reward in its first second and gives it in its fourth (seed 0 has none before 52 s).</summary>
    const long RewardedSeed = 6;

    static PlasticNetwork Network(long seed) => DopamineStdpNetwork.Create(seed).OrThrow();

    static DopamineResult Run(long seed, int seconds, DopamineProtocol protocol, PlasticityRule rule, int threads = 1, int minBlock = PlasticSimulation.MinBlockNeurons) =>
        PlasticSimulation.RunDopamine(Network(seed), rule, protocol, seconds, threads, null, minBlock);

    [Fact]
    public void The_network_follows_the_2004_rule_with_the_rewarded_synapse_at_zero()
    {
        var net = Network(3);
        Assert.Equal(1000, net.Neurons.Count);
        Assert.Equal(100, net.SynapsesPerNeuron);
        Assert.All(net.DelaysMs, q => Assert.Equal(1, q));
        Assert.Equal(0.0, net.Weights[0]);
        for (int s = 1; s < net.Weights.Length; s++)
        {
            Assert.Equal(s < 80_000 ? 1.0 : -1.0, net.Weights[s]);
            Assert.InRange(net.Targets[s], 0, s < 80_000 ? 999 : 799);
        }

        // repeats within a row are allowed (the 2004 rule): 100 draws of 1000 repeat with probability ≈ 0.99
        int rowsWithRepeats = 0;
        for (int i = 0; i < 800; i++)
        {
            var row = new HashSet<int>();
            for (int j = 0; j < 100; j++)
            {
                row.Add(net.Targets[(i * 100) + j]);
            }

            rowsWithRepeats += row.Count < 100 ? 1 : 0;
        }

        Assert.True(rowsWithRepeats > 700, $"{rowsWithRepeats} rows with a repeated target");
    }

    [Fact]
    public void Weights_stay_within_0_and_4_and_inhibitory_ones_never_change()
    {
        var r = Run(RewardedSeed, 5, DopamineProtocol.Izhikevich2007(RewardedSeed), PlasticityRule.Daspnet2007);
        Assert.True(r.Plastic.Status.IsCompleted);
        var w = r.Plastic.Final.Weights;
        for (int s = 0; s < w.Length; s++)
        {
            if (s < 80_000)
            {
                Assert.InRange(w[s], 0.0, 4.0);
            }
            else
            {
                Assert.Equal(-1.0, w[s]);
            }
        }

        Assert.Equal(1, r.RewardsScheduled);
        Assert.Equal(1, r.RewardsGiven);
        Assert.Equal(0.0, r.Seconds[2].Dopamine);
        Assert.True(r.Seconds[3].Dopamine > 0.0);
        Assert.NotEqual(0.0, w[0]);
    }

    [Fact]
    public void Without_gain_and_dopamine_or_without_traces_the_weights_stay_fixed()
    {
        var start = Network(RewardedSeed).Weights;
        var noGain = DopamineProtocol.Create(RewardedSeed, 0, 0, 0.0, 0.0).OrThrow();
        var a = Run(RewardedSeed, 5, noGain, PlasticityRule.Daspnet2007);
        var noTrace = PlasticityRule.Create(0.0, 0.95, 1.5, 0.0, 0.99, 4.0).OrThrow();
        var b = Run(RewardedSeed, 5, DopamineProtocol.Izhikevich2007(RewardedSeed), noTrace);
        Assert.True(a.RewardsGiven > 0);
        Assert.Equal(start.ToArray(), a.Plastic.Final.Weights.ToArray());
        Assert.Equal(start.ToArray(), b.Plastic.Final.Weights.ToArray());
        Assert.All(b.Plastic.Final.Sd, x => Assert.Equal(0.0, x));
    }

    [Fact]
    public void One_and_two_threads_give_identical_spikes_weights_and_dopamine()
    {
        var protocol = DopamineProtocol.Izhikevich2007(RewardedSeed);
        var one = Run(RewardedSeed, 4, protocol, PlasticityRule.Daspnet2007);
        var two = Run(RewardedSeed, 4, protocol, PlasticityRule.Daspnet2007, threads: 2, minBlock: 1);
        Assert.Equal(one.Plastic.SpikeSteps.ToArray(), two.Plastic.SpikeSteps.ToArray());
        Assert.Equal(one.Plastic.SpikeNeurons.ToArray(), two.Plastic.SpikeNeurons.ToArray());
        Assert.Equal(one.Seconds.ToArray(), two.Seconds.ToArray());
        for (int s = 0; s < one.Plastic.Final.Weights.Length; s++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(one.Plastic.Final.Weights[s]), BitConverter.DoubleToInt64Bits(two.Plastic.Final.Weights[s]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(one.Plastic.Final.Sd[s]), BitConverter.DoubleToInt64Bits(two.Plastic.Final.Sd[s]));
        }
    }

    [Fact]
    public void Bad_protocol_parts_are_all_listed_and_a_non_excitatory_rewarded_synapse_is_refused()
    {
        var bad = DopamineProtocol.Create(-1, -1, 0, double.NaN, -0.5);
        var messages = bad.Match(_ => "", es => string.Join("\n", es.Map(e => e.Message)));
        foreach (string part in new[] { "seed", "rewarded neuron", "baselineGain", "rewardDopamine" })
        {
            Assert.Contains(part, messages, StringComparison.Ordinal);
        }

        var inhibitory = DopamineProtocol.Create(0, 900, 0, 0.002, 0.5).OrThrow();
        Assert.Throws<ArgumentException>(() => PlasticSimulation.Run(Network(0), PlasticityRule.Daspnet2007, inhibitory, 1, 1, null));
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Networks;
using Xunit;
using static NeuroFold.Core.Tests.Networks.NetworkGenerators;
using static NeuroFold.Core.Tests.Networks.NetworkTestKit;

namespace NeuroFold.Core.Tests.Networks;

/// <summary>Population rates count spikes by their 0-based step (net.m's t − 1).</summary>
[Properties(Arbitrary = new[] { typeof(NetworkGenerators) }, MaxTest = 25)]
public class PopulationRateTests
{
    [Fact]
    public void A_spike_at_step_k_is_counted_in_bin_k()
    {
        // Kicked at net.m's t = 3, the neuron spikes at t = 4: 0-based step 3, bin 3 of the rate.
        var input = new double[6];
        input[2] = 1000.0;
        var network = new Network(RegularSpiking(1), ZeroDense(1), Sampled(6, input));
        var result = NetworkSimulation.Run(network, 6, 1);
        Assert.Equal([3], result.SpikeSteps.ToArray());
        Assert.Equal([0.0, 0.0, 0.0, 1000.0, 0.0, 0.0], PopulationRate.PerStepHz(result, 1, 6, 1.0).ToArray());
        Assert.Equal(1000.0 / 6.0, PopulationRate.MeanHz(result, 0, 1, 6, 1.0), 12);
    }

    [Property]
    public void The_rate_accounts_for_every_spike_of_the_run(SmallCase c)
    {
        var network = Izhikevich2003Network.Create(c.Neurons, c.Seed).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        var result = NetworkSimulation.Run(network, c.Steps, 1);
        var rate = PopulationRate.PerStepHz(result, c.Neurons, c.Steps, NetworkSimulation.StepMs);
        Assert.Equal(c.Steps, rate.Length);
        for (int k = 0; k < c.Steps; k++)
        {
            int spikes = result.SpikeSteps.Count(s => s == k);
            Assert.Equal(spikes / (double)c.Neurons / 1e-3, rate[k], 9);
        }

        Assert.All(result.SpikeSteps, s => Assert.InRange(s, 0, c.Steps - 1));
        Assert.Equal(result.SpikeCount / (double)c.Neurons / (c.Steps * 1e-3), PopulationRate.MeanHz(result, 0, c.Neurons, c.Steps, 1.0), 9);
    }
}

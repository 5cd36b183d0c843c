using FsCheck.Xunit;
using NeuroFold.Core.Models;
using NeuroFold.Core.Networks;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Tests.Support;
using static NeuroFold.Core.Tests.Networks.NetworkGenerators;
using static NeuroFold.Core.Tests.Networks.NetworkTestKit;

namespace NeuroFold.Core.Tests.Networks;

/// <summary>The network fold and the single-neuron <see cref="Net2003Scheme"/> are one update, written twice: they must agree bit for bit.</summary>
[Properties(Arbitrary = new[] { typeof(NetworkGenerators) }, MaxTest = 30)]
public class NetworkVersusSchemeTests
{
    /// <summary>With zero weights, each neuron of a network equals a <see cref="Net2003Scheme"/> fold at dt = 1 ms on the same input; a network spike has the 0-based step of the scheme's spiking step.</summary>
    [Property]
    public void Zero_weight_network_neurons_equal_Net2003Scheme_folds(SmallCase c)
    {
        var built = Izhikevich2003Network.Create(c.Neurons, c.Seed).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        var values = new double[c.Steps * c.Neurons];
        var rng = new System.Random((int)(c.Seed % int.MaxValue));
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = (rng.NextDouble() * 30.0) - 10.0;
        }

        var network = new Network(built.Neurons, ZeroDense(c.Neurons), Sampled(c.Steps, values));
        var result = NetworkSimulation.Run(network, c.Steps, 2);
        var grid = Grids.Steps(1.0, c.Steps);
        for (int i = 0; i < c.Neurons; i++)
        {
            var input = new double[c.Steps];
            for (int t = 0; t < c.Steps; t++)
            {
                input[t] = values[(t * c.Neurons) + i];
            }

            var p = network.Neurons.Parameters(i);
            var alone = Simulation.Simulation.Run<Net2003Scheme>(
                p, new IzhikevichState(network.Neurons.V0[i], network.Neurons.U0[i]), grid, input, 1.0, Simulation.Recording.SpikesOnly);
            Assert.Equal(alone.Spikes.Steps.ToList(), SpikesOf(result, i));
            Assert.Equal(BitConverter.DoubleToInt64Bits(alone.Final.V), BitConverter.DoubleToInt64Bits(result.Final.V[i]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(alone.Final.U), BitConverter.DoubleToInt64Bits(result.Final.U[i]));
        }
    }
}

using System.Globalization;
using NeuroFold.Core.Networks;
using NeuroFold.IO;
using Xunit;

namespace NeuroFold.Regression.Tests;

/// <summary>The network fold against an independent transcription of Izhikevich's <c>net.m</c> (Reference/net2003/README.md).</summary>
public class Net2003ReferenceTests
{
    static string Dir => Path.Combine(AppContext.BaseDirectory, "Reference", "net2003");

    static Network LoadNetwork()
    {
        var s = Npy.ReadFile(Path.Combine(Dir, "S.npy")).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        var input = Npy.ReadFile(Path.Combine(Dir, "I.npy")).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        var neurons = NeuronTable.ReadFile(Path.Combine(Dir, "neurons.csv"), -65.0, null).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        var connectivity = Connectivity.Dense.FromPostsynapticRows(s.Rows, s.Data.AsSpan(), 0).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        return new Network(neurons, connectivity, new NetworkInput.Sampled(input.Rows, input.Data));
    }

    static List<(int Neuron, int T)> Expected()
    {
        var rows = new List<(int, int)>();
        foreach (string line in File.ReadLines(Path.Combine(Dir, "expected_spikes.csv")).Skip(1))
        {
            var cells = line.Split(',');
            rows.Add((int.Parse(cells[0], CultureInfo.InvariantCulture), int.Parse(cells[1], CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Spikes_equal_the_netm_transcription_spike_for_spike(int threads)
    {
        var network = LoadNetwork();
        var result = NetworkSimulation.Run(network, 200, threads);
        var expected = Expected();

        Assert.True(result.Status.IsCompleted);
        Assert.Equal(245, expected.Count);
        // The reference holds net.m's 1-based t; NeuroFold's spike steps are 0-based (t = step + 1, time (step + 1) ms).
        var actual = new List<(int, int)>();
        for (int k = 0; k < result.SpikeCount; k++)
        {
            actual.Add((result.SpikeNeurons[k], result.SpikeSteps[k] + 1));
            Assert.Equal(result.SpikeSteps[k] + 1.0, result.SpikeTimeMs(k));
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Loaded_inputs_have_the_reference_shapes_and_orders()
    {
        var network = LoadNetwork();
        Assert.Equal(100, network.Neurons.Count);
        Assert.Equal(80, network.Neurons.Excitatory);
        var input = Assert.IsType<NetworkInput.Sampled>(network.Input);
        Assert.Equal(200, input.Steps);

        // Spot values printed by numpy (np.load) from the committed files.
        var dense = Assert.IsType<Connectivity.Dense>(network.Connectivity);
        Assert.Equal(4.20378248, dense.Weight(0, 0), 8);
        Assert.Equal(1.34254153, dense.Weight(0, 1), 8);
        Assert.Equal(-3.77907371, input.Values[0], 8);
        Assert.Equal(8.81189301, input.Values[1], 8);
    }
}

using System.Globalization;
using NeuroFold.Core.Networks;
using NeuroFold.IO;
using Xunit;

namespace NeuroFold.Regression.Tests;

/// <summary>Dopamine-modulated STDP against an independent transcription of ALGORITHM.md appendix B (<c>tools/daspnet/daspnet_reference.py</c>; Reference/daspnet/README.md).</summary>
public class DaspnetReferenceTests
{
    const long Seed = 6;
    const int Seconds = 5;

    static string Dir => Path.Combine(AppContext.BaseDirectory, "Reference", "daspnet");

    static void Identical(string file, IReadOnlyList<double> actual)
    {
        var expected = Npy.ReadFile(Path.Combine(Dir, file)).Match(x => x.Data, e => throw new InvalidOperationException(e.Head.Message));
        Assert.Equal(expected.Length, actual.Count);
        for (int k = 0; k < expected.Length; k++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[k]) != BitConverter.DoubleToInt64Bits(actual[k]))
            {
                Assert.Fail($"{file}[{k}]: expected {expected[k]:R}, got {actual[k]:R}");
            }
        }
    }

    static void Same(string expected, double actual, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(double.Parse(expected, CultureInfo.InvariantCulture)) == BitConverter.DoubleToInt64Bits(actual), $"{what}: expected {expected}, got {actual:R}");

    [Fact]
    public void Spikes_weights_eligibility_dopamine_and_rewards_equal_the_transcription_bit_for_bit()
    {
        var network = DopamineStdpNetwork.Create(Seed).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        var result = PlasticSimulation.Run(network, PlasticityRule.Daspnet2007, DopamineProtocol.Izhikevich2007(Seed), Seconds, 1, null);
        var plastic = result.Plastic;
        Assert.True(plastic.Status.IsCompleted);

        var expected = File.ReadLines(Path.Combine(Dir, "spikes.csv")).Skip(1).ToList();
        var actual = new List<string>(plastic.SpikeCount);
        for (int k = 0; k < plastic.SpikeCount; k++)
        {
            actual.Add(string.Create(CultureInfo.InvariantCulture, $"{plastic.SpikeNeurons[k]},{plastic.SpikeSteps[k] + 1}"));
        }

        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected, actual);
        Identical("weights.npy", plastic.Final.Weights);
        Identical("sd.npy", plastic.Final.Sd);

        var rows = File.ReadLines(Path.Combine(Dir, "per-second.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(Seconds, rows.Count);
        for (int s = 0; s < Seconds; s++)
        {
            var row = rows[s];
            Assert.Equal(int.Parse(row[1], CultureInfo.InvariantCulture), plastic.Seconds[s].ExcitatorySpikes);
            Assert.Equal(int.Parse(row[2], CultureInfo.InvariantCulture), plastic.Seconds[s].InhibitorySpikes);
            Same(row[3], plastic.Seconds[s].MeanExcitatoryWeight, $"second {s + 1} mean weight");
            Same(row[4], result.Seconds[s].RewardedWeight, $"second {s + 1} rewarded weight");
            Same(row[5], result.Seconds[s].MeanOtherWeight, $"second {s + 1} mean of the others");
            Same(row[6], result.Seconds[s].Dopamine, $"second {s + 1} DA");
            Assert.Equal(int.Parse(row[7], CultureInfo.InvariantCulture), result.Seconds[s].RewardsScheduled);
            Assert.Equal(int.Parse(row[8], CultureInfo.InvariantCulture), result.Seconds[s].RewardsGiven);
        }

        Assert.Equal(1, result.RewardsGiven);
    }
}

using System.Globalization;
using NeuroFold.Core.Networks;
using NeuroFold.IO;
using Xunit;

namespace NeuroFold.Regression.Tests;

/// <summary>The plastic network against an independent transcription of ALGORITHM.md (<c>tools/spnet/spnet_reference.py</c>) on Izhikevich's own arrays (Reference/spnet/README.md).</summary>
public class SpnetReferenceTests
{
    /// <summary>Seconds the committed reference covers.</summary>
    const int Seconds = 10;

    static string Dir => Path.Combine(AppContext.BaseDirectory, "Reference", "spnet");

    static NpyArray Read(string name, bool int32) =>
        (int32 ? Npy.ReadInt32File(name, Path.Combine(Dir, name), long.MaxValue) : Npy.ReadFile(name, Path.Combine(Dir, name), long.MaxValue))
            .Match(x => x.Array, e => throw new InvalidOperationException(e.Head.Message));

    static int[] Ints(NpyArray a)
    {
        var r = new int[a.Data.Length];
        for (int k = 0; k < r.Length; k++)
        {
            r[k] = (int)a.Data[k];
        }

        return r;
    }

    internal static PlasticNetwork Load()
    {
        var targets = Read("targets.npy", true);
        var delays = Read("delays.npy", true);
        var weights = Read("weights.npy", false);
        var drive = Read("drive.npy", true);
        return PlasticNetwork.Create(PolychronizationNetwork.Cells(), targets.Columns, Ints(targets), Ints(delays), weights.Data.AsSpan(), Ints(drive), 20.0)
            .Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
    }

    static List<(int Neuron, int T)> ExpectedSpikes()
    {
        var rows = new List<(int, int)>();
        foreach (string line in File.ReadLines(Path.Combine(Dir, "expected", "spikes.csv")).Skip(1))
        {
            var cells = line.Split(',');
            rows.Add((int.Parse(cells[0], CultureInfo.InvariantCulture), int.Parse(cells[1], CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    static void Identical(string file, IReadOnlyList<double> actual)
    {
        var expected = Npy.ReadFile(Path.Combine(Dir, "expected", file)).Match(x => x.Data, e => throw new InvalidOperationException(e.Head.Message));
        Assert.Equal(expected.Length, actual.Count);
        for (int k = 0; k < expected.Length; k++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[k]) != BitConverter.DoubleToInt64Bits(actual[k]))
            {
                Assert.Fail($"{file}[{k}]: expected {expected[k]:R}, got {actual[k]:R}");
            }
        }
    }

    [Fact]
    public void Spikes_weights_sd_and_state_equal_the_transcription_bit_for_bit()
    {
        var result = PlasticSimulation.Run(Load(), PlasticityRule.Spnet2006, Seconds, [1, Seconds], 1, null);
        Assert.True(result.Status.IsCompleted);

        var expected = ExpectedSpikes();
        var actual = new List<(int, int)>(result.SpikeCount);
        for (int k = 0; k < result.SpikeCount; k++)
        {
            actual.Add((result.SpikeNeurons[k], result.SpikeSteps[k] + 1));
        }

        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected, actual);

        Identical("weights-0001s.npy", result.Snapshots[0].Weights);
        Identical($"weights-{Seconds:D4}s.npy", result.Snapshots[1].Weights);
        Identical($"sd-{Seconds:D4}s.npy", result.Snapshots[1].Sd);
        Identical($"state-{Seconds:D4}s.npy", [.. result.Snapshots[1].V, .. result.Snapshots[1].U]);

        var perSecond = File.ReadLines(Path.Combine(Dir, "expected", "per-second.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(Seconds, perSecond.Count);
        for (int s = 0; s < Seconds; s++)
        {
            var row = result.Seconds[s];
            Assert.Equal(int.Parse(perSecond[s][1], CultureInfo.InvariantCulture), row.ExcitatorySpikes);
            Assert.Equal(int.Parse(perSecond[s][2], CultureInfo.InvariantCulture), row.InhibitorySpikes);
            Assert.Equal(double.Parse(perSecond[s][3], CultureInfo.InvariantCulture), row.MeanExcitatoryWeight);
        }
    }
}

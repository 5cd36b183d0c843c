using System.Text.RegularExpressions;
using NeuroFold.Cli.Execution;
using NeuroFold.Core;
using NeuroFold.Core.Networks;
using Xunit;

namespace NeuroFold.Cli.Tests.Platform;

/// <summary>The huge-page advice for a sparse network's rows changes no value and collapses only whole 2 MB pages inside the arrays.</summary>
public sealed class HugePagesTests
{
    [Fact]
    public void Collapsing_the_rows_changes_no_value_and_only_whole_2_MB_pages_inside_them()
    {
        var network = SparseNetwork.Create(40_000, 100, 1, 1.0, 7).OrThrow();
        var sparse = (Connectivity.Sparse)network.Connectivity;
        var targets = sparse.Targets.ToArray();
        var weights = sparse.Weights.ToArray();
        var before = NetworkSimulation.Run(network, 50, 2);
        long collapsed = HugePages.Collapse(sparse);

        Assert.InRange(collapsed, 0, (targets.Length * 4L) + (weights.Length * 8L));
        Assert.Equal(0, collapsed % (2L << 20));
        Assert.Equal(targets, sparse.Targets.ToArray());
        Assert.Equal(weights, sparse.Weights.ToArray());
        var after = NetworkSimulation.Run(network, 50, 2);
        Assert.Equal(before.SpikeNeurons.ToArray(), after.SpikeNeurons.ToArray());
        Assert.Equal(before.SpikeSteps.ToArray(), after.SpikeSteps.ToArray());
        Assert.Equal(before.Final.V.ToArray(), after.Final.V.ToArray());
        Assert.NotEmpty(before.SpikeSteps);
    }

    [Fact]
    public void On_Linux_with_MADV_COLLAPSE_the_rows_are_backed_by_huge_pages()
    {
        var network = SparseNetwork.Create(40_000, 100, 1, 1.0, 7).OrThrow();
        long collapsed = HugePages.Collapse(network.Connectivity);
        if (!OperatingSystem.IsLinux() || collapsed == 0)
        {
            return; // not Linux, or a kernel without MADV_COLLAPSE (before 6.1) or without free huge pages: nothing to check
        }

        // the process's anonymous huge pages cover at least what was collapsed
        long huge = File.ReadLines("/proc/self/smaps_rollup")
            .Select(line => Regex.Match(line, @"^AnonHugePages:\s+(\d+) kB"))
            .Where(m => m.Success)
            .Sum(m => long.Parse(m.Groups[1].Value) * 1024);
        Assert.True(huge >= collapsed, $"{huge} bytes of huge pages, {collapsed} collapsed");
    }

    [Fact]
    public void A_dense_or_small_network_is_left_alone()
    {
        Assert.Equal(0, HugePages.Collapse(Izhikevich2003Network.Create(100, 1).OrThrow().Connectivity));
        Assert.Equal(0, HugePages.Collapse(SparseNetwork.Create(1000, 10, 1, 1.0, 1).OrThrow().Connectivity));
    }
}

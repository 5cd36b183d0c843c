using System.Collections.Immutable;
using LanguageExt;
using NeuroFold.Core.Networks;
using Xunit;
using static NeuroFold.Core.Tests.Networks.NetworkTestKit;

namespace NeuroFold.Core.Tests.Networks;

/// <summary>A network is checked when it is built: its parts must fit together, its inputs be finite; every problem is listed.</summary>
public sealed class NetworkFactoryTests
{
    static string Messages<T>(Validation<LanguageExt.Common.Error, T> v) => string.Join("\n", v.FailToSeq().Map(e => e.Message));

    [Fact]
    public void Parts_that_fit_make_a_network()
    {
        var input = NetworkInput.CreateConstant([1.0, 2.0, 3.0]);
        Assert.True(input.IsSuccess);
        var network = Network.Create(RegularSpiking(3), ZeroDense(3), input.SuccessToSeq().Head);
        Assert.True(network.IsSuccess, Messages(network));
        Assert.Equal(0, NetworkSimulation.Run(network.SuccessToSeq().Head, 5, 1).Final.StepsDone - 5);
    }

    [Fact]
    public void Parts_that_do_not_fit_are_all_reported()
    {
        var input = NetworkInput.CreateThalamic(1, [5.0, 5.0]).SuccessToSeq().Head;
        var network = Network.Create(RegularSpiking(3), ZeroDense(4), input);
        string m = Messages(network);
        Assert.Contains("connectivity is for 4 neurons, the network has 3", m, StringComparison.Ordinal);
        Assert.Contains("input is for 2 neurons, the network has 3", m, StringComparison.Ordinal);
        Assert.Contains("neurons is missing", Messages(Network.Create(null!, ZeroDense(3), input)), StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_must_be_finite_and_well_shaped()
    {
        Assert.Contains("sigma[1] must be finite and >= 0, got -1", Messages(NetworkInput.CreateThalamic(1, [5.0, -1.0])), StringComparison.Ordinal);
        Assert.Contains("values[2] must be a finite number, got NaN", Messages(NetworkInput.CreateConstant([1.0, 2.0, double.NaN])), StringComparison.Ordinal);
        Assert.Contains("values is missing", Messages(NetworkInput.CreateConstant(default)), StringComparison.Ordinal);
        string sampled = Messages(NetworkInput.CreateSampled(-1, [1.0]));
        Assert.Contains("steps must be >= 0, got -1", sampled, StringComparison.Ordinal);
        Assert.Contains("values must be 2 whole rows (one per step), got 3 values", Messages(NetworkInput.CreateSampled(2, [1.0, 2.0, 3.0])), StringComparison.Ordinal);
        Assert.True(NetworkInput.CreateSampled(2, ImmutableArray.Create(1.0, 2.0, 3.0, 4.0)).IsSuccess);
    }
}

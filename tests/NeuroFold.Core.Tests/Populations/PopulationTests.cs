using System.Collections.Immutable;
using NeuroFold.Core.Models;
using NeuroFold.Core.Populations;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Tests.Support;
using Xunit;

namespace NeuroFold.Core.Tests.Populations;

/// <summary>Population construction, statistics, and how a run that leaves the finite range is reported.</summary>
public sealed class PopulationTests
{
    static Population Make(double[] a, double[] c, double[] input)
    {
        int n = a.Length;
        var b = Enumerable.Repeat(0.2, n).ToImmutableArray();
        return Population.Create(
                [.. a], b, [.. c], [.. Enumerable.Repeat(8.0, n)], [.. Enumerable.Repeat(-65.0, n)], [.. Enumerable.Repeat(-13.0, n)], [.. input])
            .Match(Succ: p => p, Fail: e => throw new InvalidOperationException(e.Head.Message));
    }

    [Fact]
    public void Create_reports_every_problem_at_once()
    {
        var result = Population.Create([0.02, 0.02], [0.2, double.NaN], [-65.0, 31.0], [8.0, 8.0], [-65.0], [-13.0, -13.0], [5.0, 5.0]);
        var messages = result.Match(Succ: _ => [], Fail: es => es.Map(e => e.Message).ToList());
        Assert.Equal(3, messages.Count);
        Assert.Contains(messages, m => m.StartsWith("b[1]", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("c[1]", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("v0 has 1 values", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_population_runs_and_has_no_spikes()
    {
        var population = Make([], [], []);
        var result = PopulationSimulation.Run<JaxleyScheme>(population, Grids.Steps(0.1, 10), 1.0, PopulationOptions.Default);
        Assert.True(result.Status.IsCompleted);
        Assert.Equal(0, result.TotalSpikes);
        Assert.Empty(result.FinalV);
    }

    [Theory]
    [InlineData(VectorWidth.Scalar)]
    [InlineData(VectorWidth.Bits128)]
    [InlineData(VectorWidth.Bits256)]
    [InlineData(VectorWidth.Bits512)]
    public void The_first_non_finite_step_and_neuron_are_reported_like_the_scalar_run(VectorWidth width)
    {
        // a < 0 makes e = exp(−dt·a) > 1: u grows geometrically until it overflows; neuron 5 fastest, neuron 9 next.
        double[] a = [0.02, 0.02, 0.02, 0.02, 0.02, -60.0, 0.02, 0.02, 0.02, -40.0, 0.02];
        var population = Make(a, [.. Enumerable.Repeat(-65.0, a.Length)], [.. Enumerable.Repeat(10.0, a.Length)]);
        var grid = Grids.Steps(0.1, 3000);
        var result = PopulationSimulation.Run<JaxleyScheme>(population, grid, 1.0, new PopulationOptions(2, 4, width, true));

        var input = Enumerable.Repeat(10.0, grid.Steps).ToArray();
        var expected = Simulation.Simulation.Run<JaxleyScheme>(
            population.Parameters(5), population.Initial(5), grid, input, 1.0, Recording.SpikesOnly).Status;
        var nonFinite = Assert.IsType<RunStatus.NonFinite>(result.Status);
        var scalar = Assert.IsType<RunStatus.NonFinite>(expected);
        Assert.Equal(5, nonFinite.Neuron);
        Assert.Equal(scalar.Step, nonFinite.Step);
        Assert.Equal(grid.TimeAfterStep(scalar.Step), nonFinite.TimeMs);
    }

    [Fact]
    public void Isi_statistics_follow_from_the_spike_steps()
    {
        // One tonic neuron: its ISIs settle to a constant, so the CV is small but defined.
        var population = Make([0.02], [-65.0], [10.0]);
        var grid = Grids.Steps(0.1, 10000);
        var result = PopulationSimulation.Run<JaxleyScheme>(population, grid, 1.0, PopulationOptions.Default);
        var steps = result.Spikes.Steps;
        Assert.True(steps.Length > 5);
        double[] isi = [.. Enumerable.Range(1, steps.Length - 1).Select(k => (double)(steps[k] - steps[k - 1]))];
        double mean = isi.Average();
        double sd = Math.Sqrt(isi.Select(x => (x - mean) * (x - mean)).Average());
        Assert.Equal(sd / mean, result.IsiCv(0)!.Value, 12);
        Assert.Equal(steps[^1] - steps[0], result.IsiSums[0]);
    }

    [Fact]
    public void Cv_is_undefined_below_two_intervals()
    {
        var population = Make([0.02, 0.02], [-65.0, -65.0], [0.0, 10.0]);
        var result = PopulationSimulation.Run<JaxleyScheme>(population, Grids.Steps(0.1, 300), 1.0, PopulationOptions.Default);
        Assert.Equal(0, result.SpikeCounts[0]);
        Assert.Null(result.IsiCv(0));
        Assert.Equal(-1, result.FirstSpikeSteps[0]);
    }

    [Fact]
    public void Izhikevich2003_population_is_deterministic_and_in_range()
    {
        var p = Izhikevich2003Population.Create(1000, 0.8, 20.0, seed: 1234);
        var q = Izhikevich2003Population.Create(1000, 0.8, 20.0, seed: 1234);
        Assert.True(p.C.SequenceEqual(q.C) && p.InputUaPerCm2.SequenceEqual(q.InputUaPerCm2));
        for (int i = 0; i < 800; i++)
        {
            Assert.Equal(0.02, p.A[i]);
            Assert.InRange(p.C[i], -65.0, -50.0);
            Assert.InRange(p.D[i], 2.0, 8.0);
            Assert.Equal(p.B[i] * -65.0, p.U0[i]);
        }

        for (int i = 800; i < 1000; i++)
        {
            Assert.InRange(p.A[i], 0.02, 0.1);
            Assert.InRange(p.B[i], 0.2, 0.25);
            Assert.Equal(-65.0, p.C[i]);
        }

        Assert.All(p.InputUaPerCm2, x => Assert.InRange(x, 0.0, 20.0));
        Assert.False(p.C.SequenceEqual(Izhikevich2003Population.Create(1000, 0.8, 20.0, seed: 1235).C));
    }

    [Fact]
    public void Spike_statistics_of_w1_match_brian2s_count()
    {
        // W1 of bench/peers (w1_single.py): Brian2 (every mode) and a plain Python float64 loop both find 4133 spikes in 1e6 steps.
        var population = Population.Create([0.02], [0.2], [-65.0], [8.0], [-70.0], [0.0], [19.0986])
            .Match(Succ: p => p, Fail: e => throw new InvalidOperationException(e.Head.Message));
        var result = PopulationSimulation.Run<JaxleyScheme>(
            population, Grids.Steps(0.1, 1_000_000), 1.0, PopulationOptions.Default with { RecordSpikes = false });
        Assert.Equal(4133, result.SpikeCounts[0]);
    }

    [Fact]
    public void Parameters_and_initial_state_round_trip()
    {
        var population = Make([0.03], [-55.0], [4.0]);
        Assert.Equal(new IzhikevichParameters(0.03, 0.2, -55.0, 8.0), population.Parameters(0));
        Assert.Equal(new IzhikevichState(-65.0, -13.0), population.Initial(0));
    }
}

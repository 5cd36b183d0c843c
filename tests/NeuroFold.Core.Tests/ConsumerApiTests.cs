using System.Collections.Immutable;
using NeuroFold.Core.Models;
using NeuroFold.Core.Networks;
using NeuroFold.Core.Populations;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Core.Tests;

/// <summary>The consumer's doors: plain factories that throw every problem at once, convenient populations, results that know their grid.</summary>
public class ConsumerApiTests
{
    [Fact]
    public void OrThrow_returns_the_value_of_a_valid_input()
    {
        var grid = TimeGrid.Create(0.1, 200).OrThrow();
        Assert.Equal(2000, grid.Steps);
    }

    [Fact]
    public void OrThrow_throws_one_exception_listing_every_problem()
    {
        var e = Assert.Throws<InvalidInputException>(() => IzhikevichParameters.Create(double.NaN, 0.2, 31, double.PositiveInfinity).OrThrow());
        Assert.Equal(3, e.Problems.Length);
        Assert.Contains("a must be", e.Problems[0], StringComparison.Ordinal);
        Assert.Contains("c must be", e.Problems[1], StringComparison.Ordinal);
        Assert.Contains("d must be", e.Problems[2], StringComparison.Ordinal);
        Assert.Equal(string.Join("\n", e.Problems), e.Message);
        Assert.IsAssignableFrom<ArgumentException>(e);
    }

    [Fact]
    public void OrThrow_lists_the_problems_a_factory_gathered_with_Error_Many_one_by_one()
    {
        var e = Assert.Throws<InvalidInputException>(() =>
            NetworkNeurons.Create([1.0, double.NaN], [0.2, 0.2], [-65.0, 40.0], [8.0, 8.0], double.NaN, 5).OrThrow());
        Assert.Equal(4, e.Problems.Length); // excitatory count, v0, a of neuron 1, c of neuron 1
        Assert.Contains(e.Problems, p => p.StartsWith("neuron 1: c", StringComparison.Ordinal));
    }

    [Fact]
    public void OrThrow_on_an_option_says_what_is_missing()
    {
        Assert.Equal(Presets.FastSpiking, Presets.Find("fs").OrThrow("no preset 'fs'"));
        var e = Assert.Throws<InvalidInputException>(() => Presets.Find("nope").OrThrow("no preset called 'nope'"));
        Assert.Equal("no preset called 'nope'", e.Message);
    }

    [Fact]
    public void A_uniform_population_is_the_population_of_seven_filled_arrays()
    {
        var cell = Presets.Chattering;
        var s0 = IzhikevichState.AtNullcline(cell, -70);
        var uniform = Population.Uniform(cell, s0, [0.0, 5.0, 10.0]).OrThrow();
        ImmutableArray<double> Fill(double x) => [x, x, x];
        var byArrays = Population.Create(Fill(cell.A), Fill(cell.B), Fill(cell.C), Fill(cell.D), Fill(s0.V), Fill(s0.U), [0.0, 5.0, 10.0]).OrThrow();
        Assert.Equal(3, uniform.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(byArrays.Parameters(i), uniform.Parameters(i));
            Assert.Equal(byArrays.Initial(i), uniform.Initial(i));
            Assert.Equal(byArrays.InputUaPerCm2[i], uniform.InputUaPerCm2[i]);
        }
    }

    [Fact]
    public void A_uniform_population_reports_a_bad_state_and_bad_inputs_together()
    {
        var e = Assert.Throws<InvalidInputException>(() =>
            Population.Uniform(Presets.RegularSpiking, new IzhikevichState(double.NaN, 0), [1.0, double.NaN]).OrThrow());
        Assert.Contains(e.Problems, p => p.StartsWith("v0[0]", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("input[1]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_per_neuron_population_keeps_each_neuron_and_names_a_length_mismatch()
    {
        var cells = new[] { Presets.RegularSpiking, Presets.FastSpiking };
        var states = new[] { new IzhikevichState(-70, -14), new IzhikevichState(-60, -12) };
        var p = Population.PerNeuron(cells, states, [3.0, 4.0]).OrThrow();
        Assert.Equal(Presets.FastSpiking, p.Parameters(1));
        Assert.Equal(states[1], p.Initial(1));
        Assert.Equal(4.0, p.InputUaPerCm2[1]);
        var e = Assert.Throws<InvalidInputException>(() => Population.PerNeuron(cells, states, [3.0]).OrThrow());
        Assert.Contains("2 cells, 2 states and 1 inputs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_options_record_runs_as_one_thread_with_default_blocks_and_no_spike_list()
    {
        var population = Population.Uniform(Presets.RegularSpiking, IzhikevichState.AtNullcline(Presets.RegularSpiking, -70), [0.0, 5.0, 10.0, 15.0]).OrThrow();
        var grid = TimeGrid.Create(0.1, 300).OrThrow();
        var byDefault = PopulationSimulation.Run<JaxleyScheme>(population, grid, 1.0, default);
        var explicitly = PopulationSimulation.Run<JaxleyScheme>(population, grid, 1.0, new PopulationOptions(1, PopulationOptions.DefaultBlockSize, VectorWidth.Auto, false));
        Assert.Equal(explicitly.SpikeCounts.ToArray(), byDefault.SpikeCounts.ToArray());
        Assert.Equal(explicitly.FinalV.ToArray(), byDefault.FinalV.ToArray());
        Assert.Equal(0, byDefault.Spikes.Count);
        Assert.True(byDefault.TotalSpikes > 0);
    }

    [Theory]
    [InlineData(-1, 0, 0, "PopulationOptions.Threads")]
    [InlineData(0, -4, 0, "PopulationOptions.BlockSize")]
    [InlineData(0, 0, 17, "PopulationOptions.Width")]
    public void A_bad_option_is_named_in_the_error(int threads, int block, int width, string field)
    {
        var population = Population.Uniform(Presets.RegularSpiking, new IzhikevichState(-70, -14), [1.0]).OrThrow();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            PopulationSimulation.Run(population, TimeGrid.FromSteps(0.1, 10).OrThrow(), new PopulationOptions(threads, block, (VectorWidth)width, false)));
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_population_result_knows_its_grid_rates_first_spikes_and_mean_isis()
    {
        var cell = Presets.RegularSpiking;
        var grid = TimeGrid.Create(0.1, 500).OrThrow();
        var result = PopulationSimulation.Run(Population.Uniform(cell, IzhikevichState.AtNullcline(cell, -70), [0.0, 10.0]).OrThrow(), grid);
        Assert.Same(grid, result.Grid);
        var single = Simulation.Simulation.Run(cell, IzhikevichState.AtNullcline(cell, -70), grid, ConstantCurrent.Create(10.0).OrThrow());
        var stats = single.Statistics;
        Assert.Equal(0.0, result.RateHz(0));
        Assert.Equal(stats.MeanRateHz, result.RateHz(1));
        Assert.Equal([0.0, stats.MeanRateHz], result.RatesHz.ToArray());
        Assert.Equal(stats.MeanRateHz / 2, result.MeanRateHz);
        Assert.Null(result.FirstSpikeMs(0));
        Assert.Equal(stats.FirstSpikeMs, result.FirstSpikeMs(1));
        Assert.Null(result.IsiMeanMs(0));
        Assert.Equal(stats.IsiMeanMs!.Value, result.IsiMeanMs(1)!.Value, 1e-9);
    }

    [Fact]
    public void A_single_neuron_result_knows_its_grid_and_its_statistics()
    {
        var cell = Presets.RegularSpiking;
        var grid = TimeGrid.Create(0.1, 200).OrThrow();
        var stimulus = StepCurrent.Create(10, 180, Cells.Compartment.Default.ToCurrentDensity(0.012)).OrThrow();
        var result = Simulation.Simulation.Run(cell, new IzhikevichState(-70, 0), grid, stimulus);
        Assert.Same(grid, result.Grid);
        Assert.Equal((0, grid.Steps), (result.FirstStep, result.StepCount));
        Assert.Equal(grid.DurationMs, result.DurationMs);
        Assert.Equal(SpikeStatistics.Compute(result.Spikes, grid), result.Statistics);
        Assert.Equal(result.Spikes.Count / 0.2, result.MeanRateHz, 1e-9);
    }

    [Fact]
    public void A_default_compartment_is_named_instead_of_giving_an_infinite_run()
    {
        var grid = TimeGrid.Create(0.1, 10).OrThrow();
        var e = Assert.Throws<ArgumentException>(() => Simulation.Simulation.Run(Presets.RegularSpiking, new IzhikevichState(-70, -14), grid, Stimulus.None, default));
        Assert.Equal("compartment", e.ParamName);
        Assert.Throws<ArgumentException>(() => Simulation.Simulation.Run<PaperScheme>(Presets.RegularSpiking, new IzhikevichState(-70, -14), grid, Stimulus.None, new Cells.Compartment()));
    }

    [Fact]
    public void A_result_of_no_steps_has_no_spikes_and_no_rate()
    {
        var result = Simulation.Simulation.Run(Presets.RegularSpiking, new IzhikevichState(-70, -14), TimeGrid.FromSteps(0.1, 0).OrThrow(), Stimulus.None);
        Assert.Equal(0.0, result.MeanRateHz);
        Assert.Equal(0, result.Statistics.SpikeCount);
    }

    [Fact]
    public void Networks_built_from_cells_and_synapse_lists_equal_those_built_from_arrays()
    {
        var cells = new[] { Presets.RegularSpiking, Presets.RegularSpiking, Presets.FastSpiking };
        var fromCells = NetworkNeurons.Create(cells, -65, 2).OrThrow();
        var fromArrays = NetworkNeurons.Create([0.02, 0.02, 0.1], [0.2, 0.2, 0.2], [-65.0, -65.0, -65.0], [8.0, 8.0, 2.0], -65, 2).OrThrow();
        Assert.Equal(fromArrays.A.ToArray(), fromCells.A.ToArray());
        Assert.Equal(fromArrays.D.ToArray(), fromCells.D.ToArray());
        Assert.Equal(fromArrays.U0.ToArray(), fromCells.U0.ToArray());
        var synapses = new[] { new Synapse(0, 2, 6.0, 1), new Synapse(2, 0, -3.0, 0), new Synapse(0, 1, 6.0, 2) };
        var fromList = Connectivity.Sparse.Create(3, synapses).OrThrow();
        var fromSpans = Connectivity.Sparse.Create(3, [0, 2, 0], [2, 0, 1], [6.0, -3.0, 6.0], [1, 0, 2]).OrThrow();
        Assert.Equal(fromSpans.RowStart.ToArray(), fromList.RowStart.ToArray());
        Assert.Equal(fromSpans.Targets.ToArray(), fromList.Targets.ToArray());
        Assert.Equal(fromSpans.Weights.ToArray(), fromList.Weights.ToArray());
        Assert.Equal(fromSpans.DelaysSteps.ToArray(), fromList.DelaysSteps.ToArray());
        var e = Assert.Throws<InvalidInputException>(() => Connectivity.Sparse.Create(3, [new Synapse(0, 3, 1.0, 0)]).OrThrow());
        Assert.Contains("outside 0..2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_result_knows_its_steps_and_gives_rates_without_being_told_them()
    {
        var neurons = NetworkNeurons.Create(Enumerable.Repeat(Presets.RegularSpiking, 4), -65, 4).OrThrow();
        var network = Network.Create(neurons, Connectivity.Sparse.Create(4, [new Synapse(0, 1, 20.0, 1)]).OrThrow(),
            NetworkInput.CreateConstant([12.0, 0.0, 6.0, 0.0]).OrThrow()).OrThrow();
        var first = NetworkSimulation.Run(network, 300);
        Assert.Equal((0, 300, 4), (first.FirstStep, first.StepCount, first.Neurons));
        Assert.True(first.SpikeCount > 0);
        Assert.Equal(PopulationRate.MeanHz(first, 0, 4, 300, 1.0), PopulationRate.MeanHz(first));
        Assert.Equal(PopulationRate.MeanHz(first, 1, 3, 300, 1.0), PopulationRate.MeanHz(first, 1, 3));
        Assert.Equal(PopulationRate.PerStepHz(first, 4, 300, 1.0).ToArray(), PopulationRate.PerStepHz(first).ToArray());

        // A continued run counts its own steps and bins its spikes from its own first step.
        var second = NetworkSimulation.Run(network, first.Final, 200, 1);
        var whole = NetworkSimulation.Run(network, 500);
        Assert.Equal((300, 200), (second.FirstStep, second.StepCount));
        var wholeRate = PopulationRate.PerStepHz(whole);
        Assert.Equal(wholeRate.Skip(300).ToArray(), PopulationRate.PerStepHz(second).ToArray());
        Assert.Equal(200.0, second.DurationMs);
    }

    [Fact]
    public void A_network_is_checked_when_built_and_a_missing_input_is_named()
    {
        Assert.Contains("values is missing", Assert.Throws<InvalidInputException>(() => NetworkInput.CreateConstant(default).OrThrow()).Message, StringComparison.Ordinal);
        var neurons = NetworkNeurons.Create(Enumerable.Repeat(Presets.RegularSpiking, 3), -65, 3).OrThrow();
        var e = Assert.Throws<InvalidInputException>(() =>
            Network.Create(neurons, Connectivity.Sparse.Create(4, []).OrThrow(), NetworkInput.CreateConstant([1.0, 2.0]).OrThrow()).OrThrow());
        Assert.Equal(2, e.Problems.Length);
    }
}

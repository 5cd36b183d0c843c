using NeuroFold.Core.Cells;
using NeuroFold.Core.Models;
using NeuroFold.Core.Populations;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Core.Tests;

/// <summary>The counterexamples of docs/TESTING.md, "Tempting properties that are not invariants", as facts.</summary>
public class NonInvariantTests
{
    static int[] SpikeCounts(IzhikevichParameters cell, params double[] inputs) =>
        [.. PopulationSimulation.Run(Population.Uniform(cell, IzhikevichState.AtNullcline(cell, -70), inputs).OrThrow(), TimeGrid.Create(0.1, 1000).OrThrow()).SpikeCounts];

    [Fact]
    public void More_input_can_give_fewer_spikes_for_bursting_cells()
    {
        Assert.Equal([181, 178], SpikeCounts(Presets.Chattering, 19.25, 19.5));
        Assert.Equal([106, 105], SpikeCounts(Presets.IntrinsicallyBursting, 23.75, 24.0));
    }

    [Fact]
    public void The_regular_spiking_count_is_monotone_over_the_same_inputs()
    {
        var counts = SpikeCounts(Presets.RegularSpiking, [.. Enumerable.Range(0, 161).Select(i => 0.25 * i)]);
        Assert.All(Enumerable.Range(1, counts.Length - 1), i => Assert.True(counts[i] >= counts[i - 1], $"{0.25 * i} µA/cm²"));
    }

    [Fact]
    public void Net2003_records_the_overshoot_above_the_peak()
    {
        var cell = Presets.RegularSpiking;
        var r = Simulation.Simulation.Run<Net2003Scheme>(cell, IzhikevichState.AtNullcline(cell, -70), TimeGrid.FromSteps(1.0, 200).OrThrow(), ConstantCurrent.Create(10).OrThrow(), Compartment.Default);
        int k = r.Trace.VMv.IndexOf(r.Trace.VMv.Max());
        Assert.Equal(998.66, r.Trace.VMv[k], 2);
        Assert.Equal(141.0, r.Trace.TimeMs[k]);
        var jaxley = Simulation.Simulation.Run(cell, IzhikevichState.AtNullcline(cell, -70), TimeGrid.FromSteps(1.0, 200).OrThrow(), ConstantCurrent.Create(10).OrThrow());
        Assert.True(jaxley.Spikes.Count > 0);
        Assert.All(jaxley.Trace.VMv, v => Assert.True(v < Izhikevich.PeakMv));
    }
}

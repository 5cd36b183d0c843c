using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using Xunit;

namespace NeuroFold.Cli.Tests;

/// <summary>The fold's progress hook, which drives the shell's progress bar, observes the run and changes nothing.</summary>
public sealed class ProgressHookTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(10, true)]
    [InlineData(7, false)]
    public void A_run_with_a_progress_hook_equals_one_without(int every, bool keepTrace)
    {
        var grid = TimeGrid.Create(0.01, 6000.0).Match(Succ: g => g, Fail: _ => throw new InvalidOperationException());
        var input = new CompositeStimulus([new StepCurrent(10, 5000, 12.0), new ConstantCurrent(1.5)]).Sample(grid);
        var p = Presets.Chattering;
        var s0 = IzhikevichState.AtNullcline(p, -70);
        var recording = new Recording(every, keepTrace);
        var whole = Simulation.Run<JaxleyScheme>(p, s0, grid, input.AsSpan(), 1.0, recording);
        var reports = new List<int>();
        var observed = Simulation.Run<JaxleyScheme, IzhikevichParameters>(p, s0, grid, input.AsSpan(), 1.0, recording, reports.Add);

        Assert.True(grid.Steps > Simulation.ProgressInterval, "the run must be long enough for several reports");
        Assert.True(reports.Count > 1);
        Assert.Equal(grid.Steps, reports[^1]);
        Assert.Equal(reports.Order().ToArray(), reports.ToArray());
        Assert.True(whole.Spikes.Count > 5);
        Assert.Equal(whole.Spikes.Steps.ToArray(), observed.Spikes.Steps.ToArray());
        Assert.Equal(whole.Spikes.TimesMs.ToArray(), observed.Spikes.TimesMs.ToArray());
        Assert.Equal(whole.Trace.TimeMs.ToArray(), observed.Trace.TimeMs.ToArray());
        Assert.Equal(whole.Trace.VMv.ToArray(), observed.Trace.VMv.ToArray());
        Assert.Equal(whole.Trace.U.ToArray(), observed.Trace.U.ToArray());
        Assert.Equal(whole.Final, observed.Final);
        Assert.Equal(whole.Status, observed.Status);
    }

    [Fact]
    public void A_non_finite_state_stops_the_run_and_names_its_step()
    {
        var grid = TimeGrid.FromSteps(0.025, 41).Match(Succ: g => g, Fail: _ => throw new InvalidOperationException());
        var input = new double[41];
        input[30] = 1e308;
        var p = Presets.RegularSpiking;
        var s0 = IzhikevichState.AtNullcline(p, -70);
        int last = -1;
        var result = Simulation.Run<JaxleyScheme, IzhikevichParameters>(p, s0, grid, input, 0.001, Recording.Full, n => last = n);
        Assert.Equal(new RunStatus.NonFinite(30, grid.TimeAfterStep(30), 0), result.Status);
        Assert.Equal(30, last);
        Assert.Equal(31, result.Trace.Count); // the initial state and steps 0 … 29
    }
}

using NeuroFold.Cli.Execution;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using Xunit;

namespace NeuroFold.Cli.Tests;

/// <summary>The chunked run behind the progress bar is the plain fold, bit for bit.</summary>
public sealed class IntegratorTests
{
    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(7, 1, true)]
    [InlineData(100, 3, true)]
    [InlineData(64, 10, true)]
    [InlineData(5, 7, true)]
    [InlineData(33, 1, false)]
    [InlineData(100_000, 2, true)]
    public void Chunked_run_equals_one_run(int chunk, int every, bool keepTrace)
    {
        var grid = TimeGrid.Create(0.1, 200.0).Match(Succ: g => g, Fail: _ => throw new InvalidOperationException());
        var input = new CompositeStimulus([new StepCurrent(10, 150, 12.0), new ConstantCurrent(1.5)]).Sample(grid);
        var p = Presets.Chattering;
        var s0 = IzhikevichState.AtNullcline(p, -70);
        var recording = new Recording(every, keepTrace);
        var whole = Simulation.Run<JaxleyScheme>(p, s0, grid, input.AsSpan(), 1.0, recording);
        int done = 0;
        var chunked = Integrator.RunInChunks<JaxleyScheme>(p, s0, grid, input.AsSpan(), 1.0, recording, chunk, n => done += n);

        Assert.Equal(grid.Steps, done);
        Assert.True(whole.Spikes.Count > 5);
        Assert.Equal(whole.Spikes.Steps.ToArray(), chunked.Spikes.Steps.ToArray());
        Assert.Equal(whole.Spikes.TimesMs.ToArray(), chunked.Spikes.TimesMs.ToArray());
        Assert.Equal(whole.Trace.TimeMs.ToArray(), chunked.Trace.TimeMs.ToArray());
        Assert.Equal(whole.Trace.VMv.ToArray(), chunked.Trace.VMv.ToArray());
        Assert.Equal(whole.Trace.U.ToArray(), chunked.Trace.U.ToArray());
        Assert.Equal(whole.Final, chunked.Final);
        Assert.Equal(whole.Status, chunked.Status);
    }

    [Fact]
    public void Chunked_run_reports_the_global_step_of_a_non_finite_state()
    {
        var grid = new TimeGrid(0.025, 1.0, 41);
        var input = new double[41];
        input[30] = 1e308;
        var p = Presets.RegularSpiking;
        var s0 = IzhikevichState.AtNullcline(p, -70);
        var whole = Simulation.Run<JaxleyScheme>(p, s0, grid, input, 0.001, Recording.Full);
        var chunked = Integrator.RunInChunks<JaxleyScheme>(p, s0, grid, input, 0.001, Recording.Full, 8, null);
        Assert.Equal(new RunStatus.NonFinite(30, grid.TimeAfterStep(30), 0), chunked.Status);
        Assert.Equal(whole.Status, chunked.Status);
        Assert.Equal(whole.Trace.VMv.ToArray(), chunked.Trace.VMv.ToArray());
    }
}

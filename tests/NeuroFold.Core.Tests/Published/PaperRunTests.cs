using NeuroFold.Core.Models;
using NeuroFold.Core.Published;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using Xunit;

namespace NeuroFold.Core.Tests.Published;

/// <summary>figure1.m's recording conventions: labels t_k, 30 mV recorded at a spike, no initial-state row.</summary>
public sealed class PaperRunTests
{
    static readonly PaperProtocol Tonic = PaperProtocols.Find("tonic-spiking").IfNone(() => throw new InvalidOperationException());

    [Fact]
    public void Records_30_at_each_spike_then_continues_from_c()
    {
        var r = Tonic.Run();
        Assert.NotEmpty(r.Spikes.Steps);
        foreach (int k in r.Spikes.Steps)
        {
            Assert.Equal(PaperScheme.RecordedPeakMv, r.Trace.VMv[k]);
            Assert.Equal(r.Trace.TimeMs[k], r.Spikes.TimesMs[r.Spikes.Steps.IndexOf(k)]);
        }

        int first = r.Spikes.Steps[0];
        var before = new IzhikevichState(r.Trace.VMv[first - 1], r.Trace.U[first - 1]);
        var next = PaperScheme.StepVariant(Tonic.Model, Tonic.TauMs, new IzhikevichState(Tonic.Model.Cell.C, r.Trace.U[first]), Tonic.Input(r.Trace.TimeMs[first + 1]));
        Assert.True(PaperScheme.StepVariant(Tonic.Model, Tonic.TauMs, before, Tonic.Input(r.Trace.TimeMs[first])).Spiked);
        Assert.Equal(next.State.V, r.Trace.VMv[first + 1]);
    }

    [Fact]
    public void Row_k_is_the_state_after_the_step_that_used_I_of_t_k()
    {
        var r = Tonic.Run();
        Assert.Equal(401, r.Trace.Count);
        Assert.Equal(0.0, r.Trace.TimeMs[0]);
        Assert.Equal(100.0, r.Trace.TimeMs[^1]);
        var first = PaperScheme.StepVariant(Tonic.Model, 0.25, Tonic.Initial, Tonic.Input(0.0));
        Assert.Equal(first.State.V, r.Trace.VMv[0]);
        Assert.Equal(first.State.U, r.Trace.U[0]);
    }

    [Fact]
    public void Stimulus_conditions_are_strict_in_t()
    {
        Assert.Equal(0.0, Tonic.Input(10.0));
        Assert.Equal(14.0, Tonic.Input(10.25));
        var dap = PaperProtocols.Find("depolarizing-after-potential").IfNone(() => throw new InvalidOperationException());
        Assert.Equal(0.0, dap.Input(11.0));
        Assert.Equal(20.0, dap.Input(9.000000000000002));
    }

    [Fact]
    public void A_non_finite_state_stops_the_run_and_is_reported()
    {
        var model = IzhikevichVariant.Standard(new(0.02, 0.2, -65, 8));
        double[] times = [0, 1, 2];
        double[] input = [0, double.NaN, 0];
        var r = PaperRun.Run(model, new IzhikevichState(-70, -14), 1.0, times, input);
        var nf = Assert.IsType<RunStatus.NonFinite>(r.Status);
        Assert.Equal(1, nf.Step);
        Assert.Equal(1, r.Trace.Count);
    }

    [Fact]
    public void The_gallery_has_20_features_A_to_T_and_the_8_classes()
    {
        Assert.Equal(20, PaperProtocols.Features.Length);
        for (int i = 0; i < 20; i++)
        {
            Assert.StartsWith($"({(char)('A' + i)}) ", PaperProtocols.Features[i].Title);
        }

        Assert.Equal(["rs", "ib", "ch", "fs", "tc", "tc-burst", "rz", "lts"], PaperProtocols.Classes.Select(p => p.Id));
        Assert.Equal(-16.0, PaperProtocols.Find("accommodation").Map(p => p.U0).IfNone(0));
        Assert.Equal(RecoveryForm.Accommodation, PaperProtocols.Find("ACCOMMODATION").Map(p => p.Model.Recovery).IfNone(RecoveryForm.Standard));
    }
}

using NeuroFold.Core.Models;
using NeuroFold.Core.Published;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using NeuroFold.Core.Tests.Support;
using Xunit;

namespace NeuroFold.Core.Tests.Published;

/// <summary>figure1.m's recording conventions, as the paper scheme's fold applies them: labels t_k, 30 mV recorded at a spike, no initial-state row.</summary>
public sealed class PaperRunTests
{
    static readonly PaperProtocol Tonic = PaperProtocols.Find("tonic-spiking").IfNone(() => throw new InvalidOperationException());

    static StepOutcome PaperStep(IzhikevichVariant model, double tauMs, IzhikevichState state, double input) =>
        Stepping.Step(PaperScheme.Prepare(model, tauMs, 1.0), state, input);

    [Fact]
    public void The_paper_convention_is_figure1s()
    {
        Assert.Equal(new TraceConvention(TimeLabels.MatlabColon, InitialRow: false, RecordedPeakMv: 30.0), PaperScheme.Convention);
        Assert.Equal(30.0, PaperScheme.RecordedPeakMv);
    }

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
        var next = PaperStep(Tonic.Model, Tonic.TauMs, new IzhikevichState(Tonic.Model.Cell.C, r.Trace.U[first]), Tonic.Input(r.Trace.TimeMs[first + 1]));
        Assert.True(PaperStep(Tonic.Model, Tonic.TauMs, before, Tonic.Input(r.Trace.TimeMs[first])).Spiked);
        Assert.Equal(next.State.V, r.Trace.VMv[first + 1]);
    }

    [Fact]
    public void Row_k_is_the_state_after_the_step_that_used_I_of_t_k()
    {
        var r = Tonic.Run();
        Assert.Equal(401, r.Trace.Count);
        Assert.Equal(0.0, r.Trace.TimeMs[0]);
        Assert.Equal(100.0, r.Trace.TimeMs[^1]);
        var first = PaperStep(Tonic.Model, 0.25, Tonic.Initial, Tonic.Input(0.0));
        Assert.Equal(first.State.V, r.Trace.VMv[0]);
        Assert.Equal(first.State.U, r.Trace.U[0]);
    }

    /// <summary>Guards PaperProtocol.Run's wiring: it is the paper step folded on the colon grid with the paper convention, input I(t_k) at each label.</summary>
    [Fact]
    public void Every_protocol_run_is_the_paper_fold_on_its_colon_grid()
    {
        foreach (var protocol in PaperProtocols.All)
        {
            var grid = protocol.Grid();
            var colon = MatlabColon.Build(0.0, protocol.TauMs, protocol.TMaxMs);
            Assert.Equal(TimeLabels.MatlabColon, grid.Labels);
            Assert.Equal(colon.Length, grid.Steps);
            var input = protocol.Sample(grid);
            for (int k = 0; k < grid.Steps; k++)
            {
                Assert.Equal(Bits.Of(protocol.Input(colon[k])), Bits.Of(input[k]));
            }

            var expected = Simulation.Simulation.Fold(
                PaperScheme.Prepare(protocol.Model, protocol.TauMs, 1.0), protocol.Initial, grid, input.AsSpan(), Recording.Full, PaperScheme.Convention, 0, null);
            var run = protocol.Run();
            Assert.True(Bits.Same(expected.Trace.TimeMs, run.Trace.TimeMs), protocol.Id);
            Assert.True(Bits.Same(expected.Trace.VMv, run.Trace.VMv), protocol.Id);
            Assert.True(Bits.Same(expected.Trace.U, run.Trace.U), protocol.Id);
            Assert.Equal(expected.Spikes.Steps.ToArray(), run.Spikes.Steps.ToArray());
            Assert.Equal(expected.Status, run.Status);
            Assert.True(Bits.Same(expected.Final, run.Final), protocol.Id);
        }
    }

    /// <summary>Guards that 30 mV is a recording convention only: without it the same fold records c at the spiking rows and nothing else changes.</summary>
    [Fact]
    public void The_recorded_peak_changes_the_spiking_rows_only()
    {
        var grid = Tonic.Grid();
        var input = Tonic.Sample(grid).AsSpan();
        var k = PaperScheme.Prepare(Tonic.Model, Tonic.TauMs, 1.0);
        var paper = Simulation.Simulation.Fold(k, Tonic.Initial, grid, input, Recording.Full, PaperScheme.Convention, 0, null);
        var plain = Simulation.Simulation.Fold(k, Tonic.Initial, grid, input, Recording.Full, PaperScheme.Convention with { RecordedPeakMv = null }, 0, null);
        Assert.Equal(paper.Trace.Count, plain.Trace.Count);
        Assert.Equal(paper.Spikes.Steps.ToArray(), plain.Spikes.Steps.ToArray());
        var spiking = paper.Spikes.Steps.ToHashSet();
        Assert.NotEmpty(spiking);
        for (int row = 0; row < paper.Trace.Count; row++)
        {
            Assert.Equal(Bits.Of(paper.Trace.U[row]), Bits.Of(plain.Trace.U[row]));
            Assert.Equal(spiking.Contains(row) ? PaperScheme.RecordedPeakMv : plain.Trace.VMv[row], paper.Trace.VMv[row]);
            Assert.Equal(spiking.Contains(row) ? Tonic.Model.Cell.C : plain.Trace.VMv[row], plain.Trace.VMv[row]);
        }
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
        var grid = Grids.Colon(1.0, 2.0);
        Assert.Equal(3, grid.Steps);
        double[] input = [0, double.NaN, 0];
        var r = Simulation.Simulation.Run<PaperScheme, IzhikevichVariant>(model, new IzhikevichState(-70, -14), grid, input, 1.0, Recording.Full);
        var nf = Assert.IsType<RunStatus.NonFinite>(r.Status);
        Assert.Equal(1, nf.Step);
        Assert.Equal(1.0, nf.TimeMs);
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

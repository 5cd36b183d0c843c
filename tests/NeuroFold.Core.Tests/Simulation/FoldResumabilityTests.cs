using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using NeuroFold.Core.Tests.Generators;
using NeuroFold.Core.Tests.Support;
using Xunit;

namespace NeuroFold.Core.Tests;

/// <summary>
/// The fold is resumable: steps [0, n) and then [n, n + m) from the first segment's final state give, concatenated,
/// the fold over [0, n + m) — trace rows, spikes, final state and status — for every thinning, both trace
/// conventions (Jaxley's, on an exact grid, and figure1.m's, on a MATLAB colon grid) and with or without a trace.
/// </summary>
public sealed class FoldResumabilityTests
{
    /// <summary>One split run: a scheme's step, a grid and convention, inputs (now and then a NaN), the split point and the recording.</summary>
    public sealed record SplitRun(
        string Scheme, IzhikevichParameters Parameters, IzhikevichState Initial, TimeGrid Grid, TraceConvention Convention, double[] Input, int Split, Recording Recording)
    {
        public override string ToString() =>
            $"{Scheme} {Convention.Labels} dt={Grid.DtMs} steps={Grid.Steps} split={Split} every={Recording.Every} trace={Recording.KeepTrace} p={Parameters} s0={Initial} nan={Array.FindIndex(Input, double.IsNaN)}";
    }

    static readonly string[] Schemes = ["jaxley", "paper", "net2003", "euler"];

    static Gen<(TimeGrid Grid, TraceConvention Convention)> GridAndConvention =>
        Gen.OneOf(
            from dt in Gen.Elements(0.025, 0.1, 0.25, 0.5, 1.0)
            from steps in Gen.Choose(0, 300)
            select (Grids.Steps(dt, steps), TraceConvention.AfterStep),
            from dt in Gen.Elements(0.1, 0.2, 0.25, 0.3, 0.5)
            from tenths in Gen.Choose(0, 600)
            select (Grids.Colon(dt, tenths / 10.0), PaperScheme.Convention));

    static Arbitrary<SplitRun> Runs =>
        (from scheme in Gen.Elements(Schemes)
         from grid in GridAndConvention
         from p in SchemeGens.Parameters
         from v0 in PopulationGens.Between(-80, 40)
         from input in PopulationGens.Between(-5, 40).ArrayOf(grid.Grid.Steps)
         from nan in Gen.Frequency((7, Gen.Constant(-1)), (1, Gen.Choose(0, Math.Max(0, grid.Grid.Steps - 1))))
         from split in Gen.Choose(Math.Min(1, grid.Grid.Steps), grid.Grid.Steps)
         from every in Gen.Choose(1, 7)
         from keep in Gen.Elements(true, false)
         select new SplitRun(scheme, p, IzhikevichState.AtNullcline(p, v0), grid.Grid, grid.Convention, WithNaN(input, nan), split, new Recording(every, keep))).ToArbitrary();

    static double[] WithNaN(double[] input, int at)
    {
        if (at >= 0 && at < input.Length)
        {
            input[at] = double.NaN;
        }

        return input;
    }

    [Property(MaxTest = 600)]
    public Property Two_segments_concatenate_to_the_whole_fold() =>
        Prop.ForAll(Runs, r =>
        {
            switch (r.Scheme)
            {
                case "jaxley":
                    Check(JaxleyScheme.Prepare(r.Parameters, r.Grid.DtMs, 1.0), r);
                    break;
                case "paper":
                    Check(PaperScheme.Prepare(r.Parameters, r.Grid.DtMs, 1.0), r);
                    break;
                case "net2003":
                    Check(Net2003Scheme.Prepare(r.Parameters, r.Grid.DtMs, 1.0), r);
                    break;
                default:
                    Check(ForwardEulerScheme.Prepare(r.Parameters, r.Grid.DtMs, 1.0), r);
                    break;
            }
        });

    /// <summary>Guards the thinning over a whole run: row r is kept when r % Every == 0, rows counted from the initial row (AfterStep) or the first step (paper).</summary>
    [Property(MaxTest = 300)]
    public Property A_thinned_trace_keeps_every_nth_row_of_the_full_trace() =>
        Prop.ForAll(Runs, r =>
        {
            var k = PaperScheme.Prepare(r.Parameters, r.Grid.DtMs, 1.0);
            var full = Simulation.Simulation.Fold(k, r.Initial, r.Grid, r.Input, Recording.Full, r.Convention, 0, null);
            var thin = Simulation.Simulation.Fold(k, r.Initial, r.Grid, r.Input, new Recording(r.Recording.Every, true), r.Convention, 0, null);
            int every = r.Recording.Every;
            Assert.Equal((full.Trace.Count + every - 1) / every, thin.Trace.Count);
            for (int row = 0; row < thin.Trace.Count; row++)
            {
                Assert.Equal(Bits.Of(full.Trace.TimeMs[row * every]), Bits.Of(thin.Trace.TimeMs[row]));
                Assert.Equal(Bits.Of(full.Trace.VMv[row * every]), Bits.Of(thin.Trace.VMv[row]));
                Assert.Equal(Bits.Of(full.Trace.U[row * every]), Bits.Of(thin.Trace.U[row]));
            }

            Assert.Equal(full.Spikes.Steps.ToArray(), thin.Spikes.Steps.ToArray());
        });

    [Fact]
    public void A_segment_that_starts_later_is_labelled_by_the_whole_grid()
    {
        var p = Presets.RegularSpiking;
        var grid = Grids.Colon(0.25, 10.0);
        var input = Enumerable.Repeat(14.0, grid.Steps).ToArray();
        var k = PaperScheme.Prepare(p, 0.25, 1.0);
        var tail = Simulation.Simulation.Fold(k, new IzhikevichState(-70, -14), grid, input.AsSpan(20), Recording.Full, PaperScheme.Convention, 20, null);
        Assert.Equal(grid.Steps - 20, tail.Trace.Count);
        Assert.Equal(grid.TimeAfterStep(20), tail.Trace.TimeMs[0]);
        Assert.Equal(10.0, tail.Trace.TimeMs[^1]);
    }

    [Fact]
    public void An_empty_segment_at_step_zero_takes_no_row_so_it_and_the_rest_concatenate_to_the_whole_run()
    {
        var grid = Grids.Steps(0.1, 5);
        var input = new double[5];
        var k = JaxleyScheme.Prepare(Presets.RegularSpiking, 0.1, 1.0);
        var s0 = new IzhikevichState(-70, -14);
        var whole = Simulation.Simulation.Fold(k, s0, grid, input, Recording.Full, TraceConvention.AfterStep, 0, null);
        int reported = -1;
        var empty = Simulation.Simulation.Fold(k, s0, grid, input.AsSpan(0, 0), Recording.Full, TraceConvention.AfterStep, 0, n => reported = n);
        var rest = Simulation.Simulation.Fold(k, empty.Final, grid, input, Recording.Full, TraceConvention.AfterStep, 0, null);
        Assert.Equal(0, empty.Trace.Count);
        Assert.Equal(0, reported);
        Assert.Equal(whole.Trace.Count, empty.Trace.Count + rest.Trace.Count);
        Assert.Equal(whole.Trace.VMv.ToArray(), rest.Trace.VMv.ToArray());

        var none = Grids.Steps(0.1, 0);
        var alone = Simulation.Simulation.Fold(k, s0, none, [], Recording.Full, TraceConvention.AfterStep, 0, null);
        Assert.Equal([0.0], alone.Trace.TimeMs.ToArray()); // an empty run of an empty grid still records its initial state
    }

    [Fact]
    public void A_segment_outside_the_grid_is_rejected()
    {
        var grid = Grids.Steps(0.1, 10);
        var k = JaxleyScheme.Prepare(Presets.RegularSpiking, 0.1, 1.0);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Simulation.Simulation.Fold(k, new IzhikevichState(-70, -14), grid, new double[5], Recording.Full, TraceConvention.AfterStep, 6, null));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Simulation.Simulation.Fold(k, new IzhikevichState(-70, -14), grid, new double[1], Recording.Full, TraceConvention.AfterStep, -1, null));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Simulation.Simulation.Fold(k, new IzhikevichState(-70, -14), grid, new double[1], new Recording(0, true), TraceConvention.AfterStep, 0, null));
    }

    static void Check<TStep>(in TStep step, SplitRun r)
        where TStep : struct, IStep<ScalarLane, bool>
    {
        var input = r.Input.AsSpan();
        int n = r.Split;
        var whole = Simulation.Simulation.Fold(step, r.Initial, r.Grid, input, r.Recording, r.Convention, 0, null);
        var first = Simulation.Simulation.Fold(step, r.Initial, r.Grid, input[..n], r.Recording, r.Convention, 0, null);
        if (n == 0 || !first.Status.IsCompleted)
        {
            // A run of no steps, or one that stopped in its first segment: the whole run is that segment.
            Same(whole, first, Trace.Empty, [], [], r);
            Assert.Equal(whole.Status, first.Status);
            Assert.True(Bits.Same(whole.Final, first.Final));
            return;
        }

        var second = Simulation.Simulation.Fold(step, first.Final, r.Grid, input[n..], r.Recording, r.Convention, n, null);
        Same(whole, first, second.Trace, second.Spikes.Steps, second.Spikes.TimesMs, r);
        Assert.Equal(whole.Status, second.Status);
        Assert.True(Bits.Same(whole.Final, second.Final), $"final {second.Final}, whole {whole.Final}: {r}");
    }

    /// <summary>The whole run equals the first segment followed by the rest (<paramref name="trace"/> and the spikes of the second).</summary>
    static void Same(
        SimulationResult whole,
        SimulationResult first,
        Trace trace,
        System.Collections.Immutable.ImmutableArray<int> steps,
        System.Collections.Immutable.ImmutableArray<double> times,
        SplitRun r)
    {
        Assert.True(Bits.Same(whole.Trace.TimeMs, first.Trace.TimeMs.AddRange(trace.TimeMs)), $"row times: {r}");
        Assert.True(Bits.Same(whole.Trace.VMv, first.Trace.VMv.AddRange(trace.VMv)), $"row v: {r}");
        Assert.True(Bits.Same(whole.Trace.U, first.Trace.U.AddRange(trace.U)), $"row u: {r}");
        Assert.Equal(whole.Spikes.Steps.ToArray(), first.Spikes.Steps.AddRange(steps).ToArray());
        Assert.True(Bits.Same(whole.Spikes.TimesMs, first.Spikes.TimesMs.AddRange(times)), $"spike times: {r}");
    }
}

using LanguageExt;
using static LanguageExt.Prelude;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Output.Transactions;
using NeuroFold.Cli.Plots;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Simulation;
using NeuroFold.IO.Files;

namespace NeuroFold.Cli.Execution;

/// <summary>The path of every single-neuron command (<c>simulate</c>, <c>run</c>, replay of either): run the fold, write all outputs through the one writer.</summary>
/// <remarks>
/// Outputs, in order: <c>trace.csv</c> (unless no trace), <c>spikes.csv</c>, <c>summary.json</c>, <c>trace.png</c> and
/// <c>trace.svg</c> (unless no plot or no trace), then the manifest <c>run.json</c>.
/// </remarks>
internal static class SimulationJob
{
    /// <summary>What a finished job wrote.</summary>
    /// <param name="Rows">Trace rows written.</param>
    /// <param name="Spikes">The spikes.</param>
    /// <param name="Statistics">The spike statistics written to summary.json.</param>
    /// <param name="Files">The outputs and the manifest.</param>
    internal sealed record Written(long Rows, SpikeTrain Spikes, SpikeStatistics Statistics, ArtifactWriter.Written Files);

    /// <summary>Runs, writes and reports on stdout/stderr; returns the exit code.</summary>
    /// <param name="spec">The resolved run.</param>
    /// <param name="command">The command, for the manifest.</param>
    /// <param name="outField">The field that named the output folder, for messages.</param>
    /// <param name="stdout">Where the report goes.</param>
    /// <param name="stderr">Where problems and progress go.</param>
    /// <param name="quiet">No report and no progress.</param>
    /// <param name="budget">The memory the run may plan to use.</param>
    public static int Execute(ResolvedSimulation spec, string command, string outField, Budget budget, TextWriter stdout, TextWriter stderr, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var estimate = Estimates.Simulate(spec);
        var fits = (budget.CheckMemory("--max-memory", estimate, Estimates.SimulateShrink), Budget.CheckDisk(outField, spec.OutDir, Estimates.SimulateDisk(spec), Estimates.SimulateShrink))
            .Apply((_, _) => unit);
        if (fits.IsFail)
        {
            return Problems.Report(stderr, fits.FailToSeq());
        }

        return Outputs.Into(outField, spec.OutDir, Planned(spec), stderr, set =>
        {
            bool show = ProgressView.ShouldShow(stderr, quiet, spec.Grid.Steps, TraceRows(spec));
            var outcome = ProgressView.Run(show, stderr, spec.Grid.Steps, CountFiles(spec), view => Produce(spec, command, set, view, budget.Left(estimate)));
            return outcome.Match(
                Right: written => Report(spec, written, stdout, quiet),
                Left: failure => failure.Report(stderr));
        });
    }

    /// <summary>Every output a run of <paramref name="spec"/> may write.</summary>
    public static IEnumerable<string> Planned(ResolvedSimulation spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Recording.KeepTrace)
        {
            yield return "trace.csv";
        }

        yield return "spikes.csv";
        yield return "summary.json";
        if (DrawsPlots(spec))
        {
            yield return "trace.png";
            yield return "trace.svg";
        }
    }

    /// <summary>Steps run per segment: the trace of one segment is in memory at a time, the rest is already on disk.</summary>
    public const int SegmentSteps = 1 << 16;

    /// <summary>Bytes a spike takes while a run holds it (its step and time, and the list's growth).</summary>
    public const int BytesPerSpike = 24;

    /// <summary>Runs <paramref name="spec"/> and writes its outputs into <paramref name="set"/>, committing it; a non-finite run writes nothing.</summary>
    /// <remarks>
    /// The run goes a segment of <see cref="SegmentSteps"/> steps at a time (the fold is resumable, so the bytes are those
    /// of one whole run): each segment's input is sampled, folded, and its trace rows are written to the staged
    /// <c>trace.csv</c> at once, so the trace never lives in memory. Spikes are kept (for <c>spikes.csv</c>, the
    /// statistics and the figure); when they would take more than <paramref name="spikeBytes"/>, the run stops and writes nothing.
    /// </remarks>
    public static Either<RunFailure, Written> Produce(ResolvedSimulation spec, string command, OutputSet set, ProgressView? view, long spikeBytes = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(set);
        var grid = spec.Grid;
        var stimulus = spec.Stimulus();
        bool plots = DrawsPlots(spec);
        var plot = plots ? new TracePlotData(TraceRows(spec), grid.DurationMs, grid.DtMs) : null;
        var spikeSteps = new List<int>();
        var spikeTimes = new List<double>();
        long rows = 0;
        var state = spec.Initial;
        using (var trace = spec.Recording.KeepTrace ? set.Create("trace.csv") : null)
        {
            using var writer = trace is null ? null : Artifact.TextWriterOn(trace.Stream);
            if (writer is not null)
            {
                Csv.WriteTraceHeader(writer, spec.Columns.V, spec.Columns.U);
            }

            int first = 0;
            do
            {
                int count = Math.Min(SegmentSteps, grid.Steps - first);
                var input = stimulus.Sample(grid, first, count);
                int reported = 0;
                var segment = spec.RunSegment(state, first, input.AsSpan(), view is null ? null : done =>
                {
                    view.Stepped(done - reported);
                    reported = done;
                });
                if (segment.Status is RunStatus.NonFinite nf)
                {
                    return RunFailure.NonFinite(nf, $"neuron {nf.Neuron}");
                }

                if (writer is not null)
                {
                    Csv.WriteTraceRows(writer, segment.Trace, spec.Columns.V, spec.Columns.U);
                }

                rows += segment.Trace.Count;
                plot?.AddRows(segment.Trace);
                plot?.AddInput(input.AsSpan(), first);
                spikeSteps.AddRange(segment.Spikes.Steps);
                spikeTimes.AddRange(segment.Spikes.TimesMs);
                if ((long)spikeSteps.Count * BytesPerSpike > spikeBytes)
                {
                    return new RunFailure(
                        $"the run produced more than {spikeSteps.Count} spikes by step {first + count}, more than the memory budget leaves for them ({Bytes.Describe(spikeBytes)}); nothing was written. Raise --max-memory or shorten --t-max",
                        ExitCodes.InvalidInput);
                }

                state = segment.Final;
                first += count;
            }
            while (first < grid.Steps);

            if (writer is not null)
            {
                writer.Flush();
                trace!.Complete();
                view?.Wrote();
            }
        }

        var spikes = new SpikeTrain([.. spikeSteps], [.. spikeTimes]);
        var stats = SpikeStatistics.Compute(spikes, grid);
        var files = new List<Artifact>
        {
            Artifact.Text("spikes.csv", w => Csv.WriteSpikes(w, spikes.Steps.AsSpan(), [], grid)),
            Artifact.Json("summary.json", w => SummaryFile.Write(w, stats)),
        };
        if (plot is not null && rows > 0)
        {
            var figure = TracePlot.Build(spec, plot, spikes);
            files.Add(new Artifact("trace.png", PlotFiles.Png(figure, TracePlot.Width, TracePlot.Height)));
            files.Add(new Artifact("trace.svg", PlotFiles.Svg(figure, TracePlot.Width, TracePlot.Height)));
        }

        return new Written(rows, spikes, stats, ArtifactWriter.Write(set, command, w => RunSpecWriter.Write(w, spec), files, view));
    }

    /// <summary>How many trace rows a completed run of <paramref name="spec"/> writes (about: the fold says exactly).</summary>
    public static int TraceRows(ResolvedSimulation spec) => spec.Recording.KeepTrace ? (spec.Grid.Steps / spec.Recording.Every) + 1 : 0;

    /// <summary>Whether a run of <paramref name="spec"/> draws trace.png and trace.svg.</summary>
    public static bool DrawsPlots(ResolvedSimulation spec) => spec.Plot && spec.Recording.KeepTrace;

    static int CountFiles(ResolvedSimulation spec) => 3 + (spec.Recording.KeepTrace ? 1 : 0) + (DrawsPlots(spec) ? 2 : 0);

    static int Report(ResolvedSimulation spec, Written written, TextWriter stdout, bool quiet)
    {
        if (quiet)
        {
            return ExitCodes.Ok;
        }

        var s = written.Statistics;
        stdout.WriteLine(
            $"simulated {spec.Preset} ({spec.Scheme} scheme): {spec.Grid.Steps} steps of {Numbers.Format(spec.Grid.DtMs)} ms, " +
            $"{s.SpikeCount} spikes, mean rate {s.MeanRateHz.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} Hz");
        var files = written.Files;
        for (int i = 0; i < files.Outputs.Count; i++)
        {
            string detail = files.Outputs[i].File switch
            {
                "trace.csv" => $" ({written.Rows} rows)",
                "spikes.csv" => $" ({written.Spikes.Count} spikes)",
                _ => "",
            };
            stdout.WriteLine($"wrote {files.Paths[i]}{detail}");
        }

        if (spec.Plot && !spec.Recording.KeepTrace)
        {
            stdout.WriteLine("no plots: --no-trace keeps no trace to draw");
        }

        files.ReportManifest(stdout);
        return ExitCodes.Ok;
    }
}

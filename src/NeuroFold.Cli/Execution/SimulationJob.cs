using LanguageExt;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Output.Transactions;
using NeuroFold.Cli.Plots;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Cli.Execution;

/// <summary>The path of every single-neuron command (<c>simulate</c>, <c>run</c>, replay of either): run the fold, write all outputs through the one writer.</summary>
/// <remarks>
/// Outputs, in order: <c>trace.csv</c> (unless no trace), <c>spikes.csv</c>, <c>summary.json</c>, <c>trace.png</c> and
/// <c>trace.svg</c> (unless no plot or no trace), then the manifest <c>run.json</c>.
/// </remarks>
internal static class SimulationJob
{
    /// <summary>What a finished job wrote.</summary>
    /// <param name="Result">The simulation result.</param>
    /// <param name="Statistics">The spike statistics written to summary.json.</param>
    /// <param name="Files">The outputs and the manifest.</param>
    internal sealed record Written(SimulationResult Result, SpikeStatistics Statistics, ArtifactWriter.Written Files);

    /// <summary>Runs, writes and reports on stdout/stderr; returns the exit code.</summary>
    /// <param name="spec">The resolved run.</param>
    /// <param name="command">The command, for the manifest.</param>
    /// <param name="outField">The field that named the output folder, for messages.</param>
    /// <param name="stdout">Where the report goes.</param>
    /// <param name="stderr">Where problems and progress go.</param>
    /// <param name="quiet">No report and no progress.</param>
    public static int Execute(ResolvedSimulation spec, string command, string outField, TextWriter stdout, TextWriter stderr, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        return Outputs.Into(outField, spec.OutDir, Planned(spec), stderr, set =>
        {
            bool show = ProgressView.ShouldShow(stderr, quiet, spec.Grid.Steps, TraceRows(spec));
            var outcome = ProgressView.Run(show, stderr, spec.Grid.Steps, CountFiles(spec), view => Produce(spec, command, set, view));
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

    /// <summary>Runs <paramref name="spec"/> and writes its outputs into <paramref name="set"/>, committing it; a non-finite run writes nothing.</summary>
    public static Either<RunFailure, Written> Produce(ResolvedSimulation spec, string command, OutputSet set, ProgressView? view)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var input = spec.Input();
        int reported = 0;
        var result = spec.Run(input.AsSpan(), view is null ? null : done =>
        {
            view.Stepped(done - reported);
            reported = done;
        });
        if (result.Status is RunStatus.NonFinite nf)
        {
            return RunFailure.NonFinite(nf, $"neuron {nf.Neuron}");
        }

        var stats = SpikeStatistics.Compute(result.Spikes, spec.Grid);
        var files = new List<Artifact>();
        if (spec.Recording.KeepTrace)
        {
            files.Add(Artifact.Text("trace.csv", w => Csv.WriteTrace(w, result.Trace, spec.Columns.V, spec.Columns.U)));
        }

        files.Add(Artifact.Text("spikes.csv", w => Csv.WriteSpikes(w, result.Spikes.Steps.AsSpan(), [], spec.Grid)));
        files.Add(Artifact.Json("summary.json", w => SummaryFile.Write(w, stats)));
        if (DrawsPlots(spec) && result.Trace.Count > 0)
        {
            var figure = TracePlot.Build(spec, result, input.AsSpan());
            files.Add(new Artifact("trace.png", PlotFiles.Png(figure, TracePlot.Width, TracePlot.Height)));
            files.Add(new Artifact("trace.svg", PlotFiles.Svg(figure, TracePlot.Width, TracePlot.Height)));
        }

        return new Written(result, stats, ArtifactWriter.Write(set, command, w => RunSpecWriter.Write(w, spec), files, view));
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
                "trace.csv" => $" ({written.Result.Trace.Count} rows)",
                "spikes.csv" => $" ({written.Result.Spikes.Count} spikes)",
                _ => "",
            };
            stdout.WriteLine($"wrote {files.Paths[i]}{detail}");
        }

        if (spec.Plot && !spec.Recording.KeepTrace)
        {
            stdout.WriteLine("no plots: --no-trace keeps no trace to draw");
        }

        stdout.WriteLine($"wrote {files.ManifestPath} (manifest; check with: neurofold replay {files.ManifestPath})");
        return ExitCodes.Ok;
    }
}

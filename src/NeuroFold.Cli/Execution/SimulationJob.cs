using LanguageExt;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Plots;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Cli.Execution;

/// <summary>The one path every command takes from a resolved spec to files: check the folder, run, write all outputs atomically.</summary>
/// <remarks>
/// Outputs, in order: <c>trace.csv</c> (unless no trace), <c>spikes.csv</c>, <c>summary.json</c>, <c>trace.png</c> and
/// <c>trace.svg</c> (unless no plot or no trace), then <c>run.json</c>, the manifest holding the SHA-256 of each. All go
/// through <see cref="AtomicWriter.WriteAll"/>: they appear together or not at all.
/// </remarks>
internal static class SimulationJob
{
    /// <summary>What a finished job wrote.</summary>
    /// <param name="Result">The simulation result.</param>
    /// <param name="Statistics">The spike statistics written to summary.json.</param>
    /// <param name="Outputs">Hashes of the outputs the manifest lists.</param>
    /// <param name="Paths">Full paths of every file written, manifest last.</param>
    internal sealed record Written(SimulationResult Result, SpikeStatistics Statistics, IReadOnlyList<OutputFile> Outputs, IReadOnlyList<string> Paths);

    /// <summary>Checks the output folder, runs, writes and reports on stdout/stderr; returns the exit code.</summary>
    public static int Execute(ResolvedSimulation spec, FieldNames names, TextWriter stdout, TextWriter stderr, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var folder = OutputFolder.Check(names.Of("out"), spec.OutDir);
        if (folder.IsFail)
        {
            return Problems.Report(stderr, folder.FailToSeq());
        }

        bool show = ProgressView.ShouldShow(stderr, quiet, spec.Grid.Steps, TraceRows(spec));
        var outcome = ProgressView.Run(show, stderr, spec.Grid.Steps, CountFiles(spec), view => Produce(spec, spec.OutDir, view, Integrator.DefaultChunkSteps));
        return outcome.Match(
            Right: written => Report(spec, written, stdout, quiet),
            Left: nf => NonFinite(stderr, nf));
    }

    /// <summary>Runs <paramref name="spec"/> and writes its outputs into <paramref name="dir"/>; a non-finite run writes nothing.</summary>
    public static Either<RunStatus.NonFinite, Written> Produce(ResolvedSimulation spec, string dir, ProgressView? view, int chunkSteps)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var input = spec.Stimulus.Sample(spec.Grid);
        var result = Integrator.Run(spec, input.AsSpan(), chunkSteps, view is null ? null : view.Stepped);
        if (result.Status is RunStatus.NonFinite nf)
        {
            return nf;
        }

        var stats = SpikeStatistics.Compute(result.Spikes, spec.Grid);
        var files = new List<(string Name, Action<Stream> Write)>();
        if (spec.Recording.KeepTrace)
        {
            files.Add(("trace.csv", AtomicWriter.Text(w => Csv.WriteTrace(w, result.Trace, spec.Columns.V, spec.Columns.U))));
        }

        files.Add(("spikes.csv", AtomicWriter.Text(w => Csv.WriteSpikes(w, 0, result.Spikes))));
        files.Add(("summary.json", Json.Document(w => SummaryFile.Write(w, stats))));
        if (DrawsPlots(spec) && result.Trace.Count > 0)
        {
            var figure = TracePlot.Build(spec, result, input.AsSpan());
            files.Add(("trace.png", PlotFiles.Png(figure, TracePlot.Width, TracePlot.Height)));
            files.Add(("trace.svg", PlotFiles.Svg(figure, TracePlot.Width, TracePlot.Height)));
        }

        var outputs = new List<OutputFile>();
        var batch = new List<(string Path, Action<Stream> Write)>();
        foreach (var (name, write) in files)
        {
            batch.Add((Path.Combine(dir, name), stream =>
            {
                view?.Writing(name);
                using var hashing = new HashingStream(stream);
                write(hashing);
                outputs.Add(new OutputFile(name, hashing.BytesWritten, hashing.Sha256Hex()));
                view?.Wrote();
            }));
        }

        batch.Add((Path.Combine(dir, Manifest.FileName), Json.Document(w => Manifest.Write(w, spec, outputs))));
        var paths = AtomicWriter.WriteAll(batch);
        view?.Wrote();
        return new Written(result, stats, outputs, paths);
    }

    /// <summary>How many trace rows a completed run of <paramref name="spec"/> writes.</summary>
    public static int TraceRows(ResolvedSimulation spec) => spec.Recording.KeepTrace ? (spec.Grid.Steps / spec.Recording.Every) + 1 : 0;

    /// <summary>Whether a run of <paramref name="spec"/> draws trace.png and trace.svg.</summary>
    public static bool DrawsPlots(ResolvedSimulation spec) => spec.Plot && spec.Recording.KeepTrace;

    static int CountFiles(ResolvedSimulation spec) => 3 + (spec.Recording.KeepTrace ? 1 : 0) + (DrawsPlots(spec) ? 2 : 0);

    static int NonFinite(TextWriter stderr, RunStatus.NonFinite nf)
    {
        stderr.WriteLine($"error: the run left the finite range at step {nf.Step} (t = {Numbers.Format(nf.TimeMs)} ms), neuron {nf.Neuron}; nothing was written");
        return ExitCodes.NonFinite;
    }

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
        var paths = written.Paths;
        for (int i = 0; i < written.Outputs.Count; i++)
        {
            string detail = written.Outputs[i].File switch
            {
                "trace.csv" => $" ({written.Result.Trace.Count} rows)",
                "spikes.csv" => $" ({written.Result.Spikes.Count} spikes)",
                _ => "",
            };
            stdout.WriteLine($"wrote {paths[i]}{detail}");
        }

        if (spec.Plot && !spec.Recording.KeepTrace)
        {
            stdout.WriteLine("no plots: --no-trace keeps no trace to draw");
        }

        stdout.WriteLine($"wrote {paths[^1]} (manifest; check with: neurofold replay {paths[^1]})");
        return ExitCodes.Ok;
    }
}

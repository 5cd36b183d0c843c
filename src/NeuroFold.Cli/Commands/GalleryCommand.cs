using System.CommandLine;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Execution;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Output.Transactions;
using NeuroFold.Cli.Plots;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Published;
using NeuroFold.Core.Simulation;
using static LanguageExt.Prelude;
using NeuroFold.IO;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold gallery</c>: Izhikevich's published protocols (2004 Fig. 1 features, 2003 Fig. 2 classes) under <c>PaperScheme</c>.</summary>
internal static class GalleryCommand
{
    /// <summary>The command's name, in manifests.</summary>
    public const string Name = "gallery";

    /// <summary>Output folder when <c>--out</c> is not given.</summary>
    public const string DefaultOut = "neurofold-out/gallery";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var outDir = Vocabulary.Out(Name);
        var feature = Vocabulary.Text("--feature", "ID", "run one protocol only, by id: " + string.Join(", ", PaperProtocols.All.Select(p => p.Id)));
        var quiet = Vocabulary.Quiet();
        var command = new Command(
            Name,
            "Run the 20 features of Izhikevich (2004) and the 2003 classes exactly as his MATLAB code does; writes DIR/<id>/trace.csv, DIR/<id>/spikes.csv, " +
            "DIR/features.png/.svg and the manifest DIR/run.json. Exit codes: 0 ok, 2 invalid input, 3 non-finite run.");
        command.Options.Add(outDir);
        command.Options.Add(feature);
        command.Options.Add(quiet);
        command.SetAction(r => Execute(r.GetValue(outDir), r.GetValue(feature), FieldNames.Flags, stdout, stderr, r.GetValue(quiet)));
        return command;
    }

    /// <summary>The protocols to run: all, or the one named <paramref name="feature"/>.</summary>
    public static Validation<Error, GallerySelection> Select(string field, string? feature) =>
        feature is null
            ? Success<Error, GallerySelection>(new(PaperProtocols.All, null))
            : PaperProtocols.Find(feature).Match(
                Some: p => Success<Error, GallerySelection>(new([p], p.Id)),
                None: () => Fail<Error, GallerySelection>(Error.New(
                    $"{field} must be one of {string.Join(", ", PaperProtocols.All.Select(p => p.Id))}; got '{Excerpt.Of(feature)}'")));

    /// <summary>Runs the gallery (or one entry) and writes its files; returns the exit code.</summary>
    public static int Execute(string? outDir, string? feature, FieldNames names, TextWriter stdout, TextWriter stderr, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(names);
        var resolved = (Select(names.Of("feature"), feature), Fields.Out(names.Of("out"), outDir, DefaultOut)).Apply((s, d) => (Selection: s, Dir: d));
        return resolved.Match(
            Succ: x => Outputs.Into(names.Of("out"), x.Dir, Planned(x.Selection), stderr, set => Produce(x.Selection, set).Match(
                Right: written => Report(x.Selection, written, stdout, quiet),
                Left: failure => failure.Report(stderr))),
            Fail: errors => Problems.Report(stderr, errors));
    }

    /// <summary>Every output a gallery run of <paramref name="selection"/> may write.</summary>
    public static IEnumerable<string> Planned(GallerySelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        foreach (var protocol in selection.Protocols)
        {
            yield return $"{protocol.Id}/trace.csv";
            yield return $"{protocol.Id}/spikes.csv";
        }

        if (selection.Feature is null)
        {
            yield return "features.png";
            yield return "features.svg";
        }
    }

    /// <summary>Runs the selected protocols and writes their files into <paramref name="set"/>, committing it; a non-finite protocol writes nothing.</summary>
    public static Either<RunFailure, (IReadOnlyList<(PaperProtocol Protocol, SimulationResult Result)> Runs, ArtifactWriter.Written Files)> Produce(
        GallerySelection selection, OutputSet set)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var runs = new List<(PaperProtocol Protocol, SimulationResult Result)>(selection.Protocols.Length);
        foreach (var protocol in selection.Protocols)
        {
            var result = protocol.Run();
            if (result.Status is RunStatus.NonFinite nf)
            {
                return RunFailure.NonFinite(nf, $"protocol {protocol.Id}");
            }

            runs.Add((protocol, result));
        }

        var files = new List<Artifact>();
        foreach (var (protocol, result) in runs)
        {
            var grid = protocol.Grid();
            files.Add(Artifact.Text($"{protocol.Id}/trace.csv", w => Csv.WriteTrace(w, result.Trace, v: true, u: true)));
            files.Add(Artifact.Text($"{protocol.Id}/spikes.csv", w => Csv.WriteSpikes(w, result.Spikes.Steps.AsSpan(), [], grid)));
        }

        if (selection.Feature is null)
        {
            var panels = runs.Where(r => PaperProtocols.Features.Contains(r.Protocol)).ToList();
            var figure = FeatureFigure.Build(panels);
            files.Add(new Artifact("features.png", PlotFiles.Png(figure, FeatureFigure.Width, FeatureFigure.Height)));
            files.Add(new Artifact("features.svg", FeatureFigure.Svg(figure, panels.Count)));
        }

        return (runs, ArtifactWriter.Write(set, Name, w => WriteSpec(w, selection), files));
    }

    /// <summary>The resolved spec of a gallery run: which protocol (null: all).</summary>
    public static void WriteSpec(Utf8JsonWriter w, GallerySelection selection)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(selection);
        w.WriteStartObject();
        if (selection.Feature is null)
        {
            w.WriteNull("feature");
        }
        else
        {
            w.WriteString("feature", selection.Feature);
        }

        w.WriteEndObject();
    }

    /// <summary>Reads a gallery spec back (for replay): every problem with its JSON path.</summary>
    public static Validation<Error, GallerySelection> ReadSpec(JsonElement spec, FieldNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var fields = new SpecObject(spec, names, ["feature"], names.Of("").TrimEnd('.'));
        string? feature = fields.Text("feature");
        return fields.Problems.Count > 0 ? Fail<Error, GallerySelection>(fields.Problems.ToSeq()) : Select(names.Of("feature"), feature);
    }

    static int Report(GallerySelection selection, (IReadOnlyList<(PaperProtocol Protocol, SimulationResult Result)> Runs, ArtifactWriter.Written Files) written, TextWriter stdout, bool quiet)
    {
        if (quiet)
        {
            return ExitCodes.Ok;
        }

        foreach (var (protocol, result) in written.Runs)
        {
            stdout.WriteLine($"{protocol.Id}: {result.Trace.Count} steps of {Csv.Format(protocol.TauMs)} ms, {result.Spikes.Count} spikes");
        }

        string dir = Path.GetDirectoryName(written.Files.ManifestPath)!;
        stdout.WriteLine(selection.Feature is null
            ? $"wrote {written.Runs.Count} protocols and {Path.Combine(dir, "features.png")} (+ .svg) under {dir}"
            : $"wrote {Path.Combine(dir, selection.Feature)} (the figure is drawn only when every feature runs)");
        written.Files.ReportManifest(stdout);
        return ExitCodes.Ok;
    }
}

/// <summary>The protocols a gallery run selected: all (<see cref="Feature"/> null) or one.</summary>
/// <param name="Protocols">The protocols, in the paper's order.</param>
/// <param name="Feature">The id asked for, or null for all.</param>
internal sealed record GallerySelection(System.Collections.Immutable.ImmutableArray<PaperProtocol> Protocols, string? Feature);

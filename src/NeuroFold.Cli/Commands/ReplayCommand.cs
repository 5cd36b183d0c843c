using System.CommandLine;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using NeuroFold.Cli.Execution;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold replay DIR/run.json</c>: re-runs a manifest's resolved spec in a temporary folder and compares SHA-256 hashes.</summary>
/// <remarks>
/// Each output listed in the manifest is checked twice: the file beside the manifest against its recorded hash (catches a
/// hand-edited or corrupted output) and the re-run's file against the recorded hash (catches a changed spec or a tool
/// that no longer reproduces the run). Exit 0 and "identical" when every one matches; exit 4 naming each file that differs.
/// </remarks>
internal static class ReplayCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var manifest = new Argument<string>("MANIFEST") { Description = "the run.json a run wrote into its output folder" };
        var quiet = Vocabulary.Quiet();
        var command = new Command(
            "replay",
            "Re-run DIR/run.json (of simulate, run, gallery, sweep or network) into a temporary folder and compare the SHA-256 of every output with the manifest and with the files in DIR. " +
            "Exit codes: 0 identical, 2 unreadable or invalid manifest, 4 some file differs (each is named).");
        command.Arguments.Add(manifest);
        command.Options.Add(quiet);
        command.SetAction(r => Execute(r.GetValue(manifest)!, stdout, stderr, r.GetValue(quiet)));
        return command;
    }

    /// <summary>Replays <paramref name="manifestPath"/>; returns the exit code.</summary>
    public static int Execute(string manifestPath, TextWriter stdout, TextWriter stderr, bool quiet)
    {
        Manifest manifest;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(manifestPath));
            var read = Manifest.Read(document, manifestPath);
            if (read.IsFail)
            {
                return Problems.Report(stderr, read.FailToSeq());
            }

            manifest = read.SuccessToSeq().Head;
        }
        catch (JsonException e)
        {
            return Problems.Report(stderr, Problems.One($"MANIFEST: '{manifestPath}' is not valid JSON ({e.Message})"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Problems.Report(stderr, Problems.One($"MANIFEST: cannot read '{manifestPath}' ({e.Message})"));
        }

        string temp = Path.Combine(Path.GetTempPath(), $"neurofold-replay-{Guid.NewGuid():N}");
        var names = FieldNames.JsonAt("$.spec");
        if (manifest.ToolVersion != Manifest.CurrentToolVersion)
        {
            stderr.WriteLine($"note: the manifest was made by neurofold {manifest.ToolVersion}; this is {Manifest.CurrentToolVersion}");
        }

        try
        {
            var rerun = Rerun(manifest, names, temp, stderr, quiet);
            if (rerun.IsLeft)
            {
                return rerun.Match(Right: _ => ExitCodes.Ok, Left: problems => Problems.Report(stderr, problems.Map(e => Error.New($"{manifestPath}: {e.Message}"))));
            }

            var produced = rerun.Match(Right: x => x, Left: _ => throw new InvalidOperationException());
            string dir = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
            var differences = produced.Match(
                Right: outputs => Compare(manifest.Outputs, outputs, dir),
                Left: failure => manifest.Outputs.Select(o => $"{o.File}: not reproduced; {failure.Message}").ToList());
            if (differences.Count == 0)
            {
                stdout.WriteLine($"identical: all {manifest.Outputs.Count} outputs match {manifestPath} ({manifest.Command}: {string.Join(", ", manifest.Outputs.Select(o => o.File))})");
                return ExitCodes.Ok;
            }

            foreach (string d in differences)
            {
                stderr.WriteLine($"differs: {d}");
            }

            stdout.WriteLine($"not identical: {differences.Count} difference(s) against {manifestPath}");
            return ExitCodes.ReplayMismatch;
        }
        finally
        {
            TryDeleteFolder(temp);
        }
    }

    /// <summary>Re-runs the manifest's command from its spec into <paramref name="temp"/>: invalid specs on the left, the run's outcome on the right.</summary>
    static Either<Seq<Error>, Either<RunFailure, IReadOnlyList<OutputFile>>> Rerun(Manifest manifest, FieldNames names, string temp, TextWriter stderr, bool quiet)
    {
        switch (manifest.Command)
        {
            case "simulate" or "run":
            {
                var (options, problems) = RunSpecReader.Read(manifest.Spec, "$.spec");
                var resolved = SimulateResolver.Resolve(options with { Out = temp }, names);
                return Checked(problems, resolved, spec =>
                {
                    bool show = ProgressView.ShouldShow(stderr, quiet, spec.Grid.Steps, SimulationJob.TraceRows(spec));
                    return ProgressView.Run(show, stderr, spec.Grid.Steps, manifest.Outputs.Count + 1, view => SimulationJob.Produce(spec, manifest.Command, temp, view))
                        .Map(w => w.Files.Outputs);
                });
            }

            case GalleryCommand.Name:
                return Checked(Seq<Error>(), GalleryCommand.ReadSpec(manifest.Spec, names), selection =>
                    GalleryCommand.Produce(selection, temp).Map(w => w.Files.Outputs));
            case SweepCommand.Name:
            {
                var (options, problems) = Sweeps.SweepResolver.Read(manifest.Spec, names);
                return Checked(problems, Sweeps.SweepResolver.Resolve(options with { Out = temp }, names), spec =>
                    SweepCommand.Produce(spec, options.Grid, temp).Map(w => w.Files.Outputs));
            }

            case NetworkCommand.Name:
            {
                var (options, problems) = NetworkResolver.Read(manifest.Spec, names);
                return Checked(problems, NetworkResolver.Resolve(options with { Out = temp }, names), spec =>
                    NetworkCommand.Produce(spec, temp, null).Map(w => w.Files.Outputs));
            }

            default:
                return Left<Seq<Error>, Either<RunFailure, IReadOnlyList<OutputFile>>>(
                    Problems.One($"$.command \"{manifest.Command}\" has no replay; the commands that write manifests are simulate, run, gallery, sweep and network"));
        }
    }

    static Either<Seq<Error>, Either<RunFailure, IReadOnlyList<OutputFile>>> Checked<T>(
        Seq<Error> problems, Validation<Error, T> resolved, Func<T, Either<RunFailure, IReadOnlyList<OutputFile>>> run)
    {
        var all = problems + resolved.Match(Succ: _ => Seq<Error>(), Fail: es => es);
        return all.IsEmpty
            ? Right<Seq<Error>, Either<RunFailure, IReadOnlyList<OutputFile>>>(run(resolved.SuccessToSeq().Head))
            : Left<Seq<Error>, Either<RunFailure, IReadOnlyList<OutputFile>>>(all);
    }

    /// <summary>Every disagreement between the recorded hashes, the files beside the manifest and the re-run's files.</summary>
    static List<string> Compare(IReadOnlyList<OutputFile> recorded, IReadOnlyList<OutputFile> rerun, string dir)
    {
        var differences = new List<string>();
        foreach (var entry in recorded)
        {
            string path = Path.Combine(dir, entry.File);
            if (!File.Exists(path))
            {
                differences.Add($"{entry.File}: missing from {dir}");
            }
            else if (HashingStream.HashFile(path) != entry.Sha256)
            {
                differences.Add($"{entry.File}: the file in {dir} does not match its SHA-256 in the manifest (edited or corrupted)");
            }

            var again = rerun.FirstOrDefault(o => o.File == entry.File);
            if (again is null)
            {
                differences.Add($"{entry.File}: the re-run did not produce it");
            }
            else if (again.Sha256 != entry.Sha256)
            {
                differences.Add($"{entry.File}: the re-run produced different bytes (SHA-256 {again.Sha256[..12]}…, manifest {Short(entry.Sha256)}…)");
            }
        }

        foreach (var extra in rerun)
        {
            if (!recorded.Any(o => o.File == extra.File))
            {
                differences.Add($"{extra.File}: the re-run produced it but the manifest does not list it");
            }
        }

        return differences;
    }

    static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;

    static void TryDeleteFolder(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

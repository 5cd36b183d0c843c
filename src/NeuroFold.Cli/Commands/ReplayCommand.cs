using System.CommandLine;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
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
        var quiet = new System.CommandLine.Option<bool>("--quiet") { Description = "no progress bar; the verdict and any differences are still printed" };
        var command = new Command(
            "replay",
            "Re-run DIR/run.json into a temporary folder and compare the SHA-256 of every output with the manifest and with the files in DIR. " +
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
        var (options, problems) = RunSpecReader.Read(manifest.Spec, "$.spec");
        var resolved = SimulateResolver.Resolve(options with { Out = temp }, names);
        var all = problems + resolved.Match(Succ: _ => Seq<Error>.Empty, Fail: es => es);
        if (!all.IsEmpty)
        {
            return Problems.Report(stderr, all.Map(e => Error.New($"{manifestPath}: {e.Message}")));
        }

        var spec = resolved.SuccessToSeq().Head;
        if (manifest.ToolVersion != Manifest.CurrentToolVersion)
        {
            stderr.WriteLine($"note: the manifest was made by neurofold {manifest.ToolVersion}; this is {Manifest.CurrentToolVersion}");
        }

        try
        {
            bool show = ProgressView.ShouldShow(stderr, quiet, spec.Grid.Steps, SimulationJob.TraceRows(spec));
            var produced = ProgressView.Run(show, stderr, spec.Grid.Steps, manifest.Outputs.Count + 1, view => SimulationJob.Produce(spec, temp, view, Integrator.DefaultChunkSteps));
            string dir = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
            var differences = produced.Match(
                Right: written => Compare(manifest.Outputs, written.Outputs, dir),
                Left: nf => manifest.Outputs.Select(o => $"{o.File}: not reproduced; the re-run left the finite range at step {nf.Step} (t = {Numbers.Format(nf.TimeMs)} ms)").ToList());
            if (differences.Count == 0)
            {
                stdout.WriteLine($"identical: all {manifest.Outputs.Count} outputs match {manifestPath} ({string.Join(", ", manifest.Outputs.Select(o => o.File))})");
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

using System.CommandLine;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Execution;
using NeuroFold.Cli.Specs;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold run SPEC.json</c>: everything <c>simulate</c> does, from a JSON spec (fields map one to one onto its flags).</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var spec = new Argument<string>("SPEC") { Description = "run spec: a JSON object of simulate's settings in camelCase (see README, \"Run specs\", and examples/)" };
        var outDir = Vocabulary.Out("<spec file name without .json>; the spec's \"out\" when it has one");
        var quiet = Vocabulary.Quiet();
        var command = new Command(
            "run",
            "Run a JSON spec; writes the same files as simulate (trace.csv, spikes.csv, summary.json, trace.png, trace.svg, run.json). " +
            "Exit codes: 0 ok, 2 invalid spec (every problem listed with its JSON path, nothing written), 3 non-finite run.");
        command.Arguments.Add(spec);
        command.Options.Add(outDir);
        command.Options.Add(quiet);
        command.SetAction(r => Execute(r.GetValue(spec)!, r.GetValue(outDir), stdout, stderr, r.GetValue(quiet)));
        return command;
    }

    /// <summary>Reads, validates, runs and writes; returns the exit code.</summary>
    public static int Execute(string specPath, string? outDir, TextWriter stdout, TextWriter stderr, bool quiet)
    {
        string json;
        try
        {
            json = File.ReadAllText(specPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Problems.Report(stderr, Problems.One($"SPEC: cannot read '{specPath}' ({e.Message})"));
        }

        var (options, problems) = RunSpecReader.Parse(json, specPath);
        options = options with { Out = outDir ?? options.Out ?? Path.Combine("neurofold-out", Path.GetFileNameWithoutExtension(specPath)) };
        var names = outDir is null ? FieldNames.Json : FieldNames.Json.With("out", "--out");
        var resolved = SimulateResolver.Resolve(options, names);
        var all = problems + resolved.Match(Succ: _ => Seq<Error>.Empty, Fail: es => es);
        if (!all.IsEmpty)
        {
            return Problems.Report(stderr, all);
        }

        return resolved.Match(
            Succ: s => SimulationJob.Execute(s, "simulate", names.Of("out"), stdout, stderr, quiet),
            Fail: es => Problems.Report(stderr, es));
    }
}

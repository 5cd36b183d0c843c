using System.CommandLine;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Execution;
using NeuroFold.Cli.Specs;
using NeuroFold.IO;
using NeuroFold.IO.Files;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold run SPEC.json</c>: everything <c>simulate</c> does, from a JSON spec (fields map one to one onto its flags).</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var spec = new Argument<string>("SPEC") { Description = "run spec: a JSON object of simulate's settings in camelCase (see README, \"Run specs\", and examples/)" };
        var outDir = Vocabulary.Out("<spec file name without .json>; the spec's \"out\" when it has one");
        var quiet = Vocabulary.Quiet();
        var maxMemory = Vocabulary.MaxMemory();
        var command = new Command(
            "run",
            "Run a JSON spec; writes the same files as simulate (trace.csv, spikes.csv, summary.json, trace.png, trace.svg, run.json). " +
            "Exit codes: 0 ok, 2 invalid spec (every problem listed with its JSON path, nothing written), 3 non-finite run.");
        command.Arguments.Add(spec);
        command.Options.Add(outDir);
        command.Options.Add(maxMemory);
        command.Options.Add(quiet);
        command.SetAction(r => Execute(r.GetValue(spec)!, r.GetValue(outDir), r.GetValue(maxMemory), stdout, stderr, r.GetValue(quiet)));
        return command;
    }

    /// <summary>The largest spec file read.</summary>
    public const long MaxSpecBytes = 16 * Bytes.MiB;

    /// <summary>The text of a spec: strict UTF-8 (a byte-order mark allowed), or a problem naming the file.</summary>
    public static Validation<Error, string> Utf8(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            var span = bytes.AsSpan();
            if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                span = span[3..];
            }

            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            return Error.New($"SPEC: '{Excerpt.Of(path)}' is not valid UTF-8 (byte {e.Index} of the first bad sequence); save it as UTF-8");
        }
    }

    /// <summary>Reads, validates, runs and writes; returns the exit code.</summary>
    public static int Execute(string specPath, string? outDir, string? maxMemory, TextWriter stdout, TextWriter stderr, bool quiet)
    {
        var read = InputFile.ReadAll("SPEC", specPath, MaxSpecBytes, "run spec").Bind(bytes => Utf8(specPath, bytes));
        if (read.IsFail)
        {
            return Problems.Report(stderr, read.FailToSeq());
        }

        string json = read.SuccessToSeq().Head;
        var (options, problems) = RunSpecReader.Parse(json, specPath);
        options = options with { Out = outDir ?? options.Out ?? Path.Combine("neurofold-out", Path.GetFileNameWithoutExtension(specPath)) };
        var names = outDir is null ? FieldNames.Json : FieldNames.Json.With("out", "--out");
        var resolved = SimulateResolver.Resolve(options, names);
        var budget = Budget.Resolve("--max-memory", maxMemory);
        var all = problems + resolved.Match(Succ: _ => Seq<Error>.Empty, Fail: es => es) + budget.Match(Succ: _ => Seq<Error>.Empty, Fail: es => es);
        if (!all.IsEmpty)
        {
            return Problems.Report(stderr, all);
        }

        return SimulationJob.Execute(resolved.SuccessToSeq().Head, "simulate", names.Of("out"), budget.SuccessToSeq().Head, stdout, stderr, quiet);
    }
}

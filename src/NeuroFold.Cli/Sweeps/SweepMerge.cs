using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Execution;
using NeuroFold.Cli.Output;
using NeuroFold.IO;
using NeuroFold.IO.Files;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Sweeps;

/// <summary>Puts the shards of one sweep back together: the checks that they are one sweep's complete, intact parts, and their rows in point order.</summary>
/// <remarks>
/// The parts must have the same spec apart from <c>shard</c> (hence the same grid, cut into the same N), be made by
/// this version of neurofold, and hold each of the N parts exactly once. Each part's <c>sweep.csv</c> is checked
/// against its manifest (size and SHA-256, without following links, as replay checks a folder) and hashed again while
/// it is parsed, so the rows merged are the bytes the manifest vouches for; every field must be the text the sweep
/// writes for its value. Every problem of every part is reported.
/// </remarks>
internal static class SweepMerge
{
    /// <summary>What the merge writes: the whole sweep, its grid texts and every point's row.</summary>
    /// <param name="Spec">The unsharded sweep (its folder: the merge's output folder).</param>
    /// <param name="Grid">The <c>--grid</c> texts.</param>
    /// <param name="Rows">Every grid point's row.</param>
    /// <param name="Parts">The number of parts merged.</param>
    internal sealed record Merged(SweepSpec Spec, IReadOnlyList<string> Grid, SweepRows Rows, int Parts);

    /// <summary>Loads and checks the parts in <paramref name="dirs"/> and merges their rows; <paramref name="budget"/> must hold the merge.</summary>
    public static Validation<Error, Merged> Merge(IReadOnlyList<string> dirs, string outDir, Budget budget)
    {
        ArgumentNullException.ThrowIfNull(dirs);
        ArgumentNullException.ThrowIfNull(budget);
        var problems = new List<Error>();
        var parts = new List<SweepPart>();
        for (int k = 0; k < dirs.Count; k++)
        {
            SweepPart.Load($"DIR #{k + 1}", dirs[k], outDir).Match(Succ: parts.Add, Fail: es => problems.AddRange(es));
        }

        problems.AddRange(OutsideTheParts(dirs, outDir));
        bool fits = true;
        if (parts.Count > 0)
        {
            problems.AddRange(OneSweep(parts));
            var fit = budget.CheckMemory("--max-memory", Estimates.Merge(parts[0].Spec.Whole), Estimates.MergeShrink);
            fits = fit.IsSuccess;
            problems.AddRange(fit.FailToSeq());
        }

        // Each part's file is checked even when the set is not complete, so that every problem shows at once.
        var rows = new List<(SweepShard Shard, SweepRows Rows)>();
        if (fits)
        {
            foreach (var part in parts)
            {
                ReadRows(part).Match(Succ: r => rows.Add((part.Shard, r)), Fail: es => problems.AddRange(es));
            }
        }

        if (problems.Count > 0)
        {
            return Fail<Error, Merged>(problems.DistinctBy(e => e.Message).ToSeq());
        }

        var ordered = rows.OrderBy(r => r.Shard.Index).Select(r => r.Rows).ToList();
        return Success<Error, Merged>(new Merged(parts[0].Spec.Whole, parts[0].Grid, SweepRows.Concat(ordered), parts.Count));
    }

    /// <summary>The parts are of one sweep (same spec apart from the shard), cut into one N, each of the N parts once.</summary>
    static List<Error> OneSweep(List<SweepPart> parts)
    {
        var problems = new List<Error>();
        var first = parts[0];
        foreach (var part in parts.Skip(1))
        {
            var differences = first.Differences(part);
            if (differences.Count > 0)
            {
                problems.Add(Error.New(
                    $"'{Excerpt.Of(part.Dir)}' is not a part of the same sweep as '{Excerpt.Of(first.Dir)}': its spec differs in {string.Join("; ", differences)}"));
            }
            else if (part.Shard.Count != first.Shard.Count)
            {
                problems.Add(Error.New(
                    $"'{Excerpt.Of(part.Dir)}' is shard {part.Shard} and '{Excerpt.Of(first.Dir)}' is shard {first.Shard}: the parts of one merge must be cut into the same number of shards"));
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        int n = first.Shard.Count;
        foreach (var twice in parts.GroupBy(p => p.Shard.Index).Where(g => g.Count() > 1).OrderBy(g => g.Key))
        {
            problems.Add(Error.New($"shard {twice.Key}/{n} is given {twice.Count()} times ({string.Join(", ", twice.Select(p => $"'{Excerpt.Of(p.Dir)}'"))}); each part must be merged once"));
        }

        var present = parts.Select(p => p.Shard.Index).ToHashSet();
        var missing = Enumerable.Range(0, n).Where(i => !present.Contains(i)).ToList();
        if (missing.Count > 0)
        {
            string listed = string.Join(", ", missing.Take(20).Select(i => $"{i}/{n}")) + (missing.Count > 20 ? $" and {missing.Count - 20} more" : "");
            problems.Add(Error.New($"{missing.Count} of the {n} shards {(missing.Count == 1 ? "is" : "are")} missing: {listed}; a merge needs every part"));
        }

        return problems;
    }

    /// <summary>The output folder must not be a part's folder or hold one: the merge replaces its folder as a whole.</summary>
    static List<Error> OutsideTheParts(IReadOnlyList<string> dirs, string outDir)
    {
        var problems = new List<Error>();
        string? output = FullPath(outDir);
        if (output is null)
        {
            return problems;
        }

        foreach (string dir in dirs)
        {
            string? part = FullPath(dir);
            if (part is not null && (part == output || part.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                problems.Add(Error.New($"--out '{Excerpt.Of(outDir)}' {(part == output ? "is" : "holds")} the part '{Excerpt.Of(dir)}', and a merge replaces its output folder as a whole; choose a folder outside the parts"));
            }
        }

        return problems;
    }

    static string? FullPath(string dir)
    {
        try
        {
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        }
        catch (Exception e) when (e is ArgumentException or IOException)
        {
            return null;
        }
    }

    /// <summary>The part's rows from its <c>sweep.csv</c>, once the file matches its manifest (and the bytes parsed are the bytes hashed).</summary>
    static Validation<Error, SweepRows> ReadRows(SweepPart part)
    {
        string dir = part.Dir;
        var listed = part.Manifest.Outputs[0];
        var differences = ReplayCheck.Folder(dir, part.Manifest.Outputs);
        if (differences.Count > 0)
        {
            return Fail<Error, SweepRows>(differences.Select(d => Error.New($"'{Excerpt.Of(dir)}': {d}")).ToSeq());
        }

        string path = Path.Combine(dir, SweepPart.CsvName);
        string source = Excerpt.Of(path);
        return InputFile.Open(source, path, listed.Bytes, "shard's sweep.csv").Bind(opened =>
        {
            using var hashing = new HashingReadStream(opened.Stream);
            Validation<Error, SweepRows> rows;
            using (var reader = new StreamReader(hashing, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, 1 << 16, leaveOpen: true))
            {
                try
                {
                    rows = SweepCsv.Read(reader, part.Spec, source);
                    while (reader.Read() >= 0)
                    {
                        // read to the end, so that the whole file is hashed
                    }
                }
                catch (System.Text.DecoderFallbackException)
                {
                    return Fail<Error, SweepRows>(Error.New($"{source} is not valid UTF-8"));
                }
            }

            string sha = hashing.Sha256Hex();
            return sha == listed.Sha256 && hashing.BytesRead == listed.Bytes
                ? rows
                : Fail<Error, SweepRows>(Error.New($"{source} changed while it was read (its bytes no longer match the SHA-256 in its manifest)"));
        });
    }
}

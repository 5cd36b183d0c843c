using System.Text;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Specs;
using NeuroFold.IO;
using NeuroFold.IO.Files;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Sweeps;

/// <summary>One shard's folder as <c>merge</c> reads it: its manifest, its resolved spec and the spec of the whole sweep it is part of.</summary>
/// <param name="Dir">The folder as given.</param>
/// <param name="ManifestPath">Its <c>run.json</c>.</param>
/// <param name="Manifest">The manifest.</param>
/// <param name="Grid">The <c>--grid</c> texts the spec records.</param>
/// <param name="Spec">The shard's resolved spec (its folder: the merge's output folder).</param>
/// <param name="Shard">Which part it is.</param>
/// <param name="WholeSpecJson">The spec the unsharded sweep writes (the shard's without <c>shard</c>): parts of one sweep have the same.</param>
internal sealed record SweepPart(string Dir, string ManifestPath, Manifest Manifest, IReadOnlyList<string> Grid, SweepSpec Spec, SweepShard Shard, string WholeSpecJson)
{
    /// <summary>The one output a shard writes.</summary>
    public const string CsvName = "sweep.csv";

    /// <summary>Reads and checks the manifest in <paramref name="dir"/>: a sweep shard made by this tool, whose spec resolves; every problem is reported.</summary>
    /// <param name="field">How messages name the folder (<c>DIR #2</c>).</param>
    /// <param name="dir">The shard's folder.</param>
    /// <param name="outDir">The merge's output folder (the resolved spec's folder).</param>
    public static Validation<Error, SweepPart> Load(string field, string dir, string outDir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        string manifestPath = Path.Combine(dir, Manifest.FileName);
        string source = Excerpt.Of(manifestPath);
        return InputFile.ReadAll(field, manifestPath, Output.Transactions.FolderScan.MaxManifestBytes, "manifest")
            .Bind(bytes => Parse(field, manifestPath, bytes))
            .Bind(manifest =>
            {
                var problems = new List<Error>();
                if (manifest.Command != Commands.SweepCommand.Name)
                {
                    return Fail<Error, SweepPart>(Error.New($"{source}: $.command is \"{Excerpt.Of(manifest.Command)}\"; merge puts together the shards of a sweep (neurofold sweep --shard I/N)"));
                }

                if (manifest.ToolVersion != Manifest.CurrentToolVersion)
                {
                    problems.Add(Error.New(
                        $"{source}: made by neurofold {Excerpt.Of(manifest.ToolVersion)}, but this is {Manifest.CurrentToolVersion}; merge with the version that made the parts (the merged manifest names the version that made its bytes)"));
                }

                var names = FieldNames.JsonAt("$.spec").With("out", "--out");
                var (options, read) = SweepResolver.Read(manifest.Spec, names);
                problems.AddRange(read.Map(e => Error.New($"{source}: {e.Message}")));
                if (options.Shard is null)
                {
                    problems.Add(Error.New($"{source}: $.spec has no shard: it is a whole sweep, which needs no merge"));
                }

                if (manifest.Outputs.Count != 1 || manifest.Outputs[0].File != CsvName)
                {
                    problems.Add(Error.New(
                        $"{source}: $.outputs must list {CsvName} alone, as a shard writes it; got [{string.Join(", ", manifest.Outputs.Select(o => Excerpt.Of(o.File)))}]"));
                }

                var resolved = SweepResolver.Resolve(options with { Out = outDir }, names);
                if (resolved.IsFail)
                {
                    // the merge's --out is checked once, by the command; here only the spec's own fields
                    problems.AddRange(resolved.FailToSeq().Where(e => !e.Message.StartsWith("--out", StringComparison.Ordinal)).Map(e => Error.New($"{source}: {e.Message}")));
                }

                if (problems.Count > 0 || resolved.IsFail)
                {
                    return Fail<Error, SweepPart>(problems.Count > 0 ? problems.ToSeq() : Problems.One($"{source}: its spec does not resolve"));
                }

                var spec = resolved.SuccessToSeq().Head;
                return Success<Error, SweepPart>(new SweepPart(dir, manifestPath, manifest, options.Grid, spec, spec.Shard!.Value, WholeSpec(spec, options.Grid)));
            });
    }

    /// <summary>The spec an unsharded run of <paramref name="spec"/>'s sweep writes into its manifest, as text.</summary>
    public static string WholeSpec(SweepSpec spec, IReadOnlyList<string> grid)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var buffer = new MemoryStream();
        Json.Document(w => SweepResolver.Write(w, spec.Whole, grid))(buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The spec fields in which <paramref name="other"/>'s whole sweep differs from this one's, as "field: other's value, not this one's".</summary>
    public IReadOnlyList<string> Differences(SweepPart other)
    {
        ArgumentNullException.ThrowIfNull(other);
        using var mine = JsonDocument.Parse(WholeSpecJson);
        using var theirs = JsonDocument.Parse(other.WholeSpecJson);
        var differences = new List<string>();
        foreach (var p in mine.RootElement.EnumerateObject())
        {
            string a = p.Value.GetRawText();
            string b = theirs.RootElement.TryGetProperty(p.Name, out var q) ? q.GetRawText() : "(none)";
            if (a != b)
            {
                differences.Add($"{p.Name}: {Flat(b)}, not {Flat(a)}");
            }
        }

        return differences;
    }

    static string Flat(string json) => Excerpt.Of(string.Join(" ", json.Split('\n', StringSplitOptions.TrimEntries)));

    /// <summary>A manifest file's bytes, parsed (also for the parts of a fit).</summary>
    internal static Validation<Error, Manifest> Parse(string field, string path, byte[] bytes)
    {
        try
        {
            string text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            using var document = JsonDocument.Parse(text);
            return Manifest.Read(document, Excerpt.Of(path));
        }
        catch (DecoderFallbackException)
        {
            return Fail<Error, Manifest>(Error.New($"{field}: '{Excerpt.Of(path)}' is not valid UTF-8"));
        }
        catch (JsonException e)
        {
            return Fail<Error, Manifest>(Error.New($"{field}: '{Excerpt.Of(path)}' is not valid JSON ({e.Message})"));
        }
    }
}

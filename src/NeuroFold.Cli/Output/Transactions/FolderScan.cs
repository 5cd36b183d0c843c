using System.Text.Json;
using NeuroFold.IO;
using NeuroFold.IO.Files;

namespace NeuroFold.Cli.Output.Transactions;

/// <summary>What an output folder holds, split into the set an earlier run wrote (listed by its <c>run.json</c>) and everything else (the user's).</summary>
/// <param name="Exists">Whether the folder exists.</param>
/// <param name="Owned">Relative paths ('/'-separated) the folder's own manifest lists, <c>run.json</c> included; empty when it has none.</param>
/// <param name="Foreign">Entries no NeuroFold run wrote, with what they are: they are carried over into the new set, never deleted.</param>
/// <param name="Collisions">Foreign entries that stand where the new run writes: the run is refused, naming them.</param>
internal sealed record FolderScan(bool Exists, IReadOnlySet<string> Owned, IReadOnlyList<(string Path, FileKind Kind)> Foreign, IReadOnlyList<string> Collisions)
{
    /// <summary>The largest manifest read to learn which files are NeuroFold's.</summary>
    public const long MaxManifestBytes = 16 * Bytes.MiB;

    /// <summary>Reads <paramref name="folder"/>; <paramref name="planned"/> are the relative paths the new run may write.</summary>
    public static FolderScan Of(string folder, IReadOnlySet<string> planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        if (FileFacts.Of(folder).Kind != FileKind.Directory)
        {
            return new FolderScan(false, new HashSet<string>(), [], []);
        }

        var owned = OwnedBy(folder);
        var foreign = new List<(string, FileKind)>();
        var collisions = new List<string>();
        Walk(folder, "", owned, planned, foreign, collisions);
        return new FolderScan(true, owned, foreign, collisions);
    }

    /// <summary>The files the manifest in <paramref name="folder"/> lists, and the manifest itself; empty when there is no readable NeuroFold manifest.</summary>
    public static HashSet<string> OwnedBy(string folder)
    {
        var owned = new HashSet<string>(StringComparer.Ordinal);
        string path = Path.Combine(folder, Manifest.FileName);
        if (FileFacts.Of(path).Kind != FileKind.Regular)
        {
            return owned;
        }

        var bytes = InputFile.ReadAll("run.json", path, MaxManifestBytes, "manifest");
        if (bytes.IsFail)
        {
            return owned;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes.SuccessToSeq().Head);
            var manifest = Manifest.Read(document, path);
            if (manifest.IsFail)
            {
                return owned;
            }

            owned.Add(Manifest.FileName);
            foreach (var output in manifest.SuccessToSeq().Head.Outputs)
            {
                owned.Add(output.File);
            }
        }
        catch (JsonException)
        {
        }

        return owned;
    }

    /// <summary>The full path of a '/'-separated relative path inside <paramref name="folder"/>.</summary>
    public static string Combine(string folder, string relative) =>
        relative.Length == 0 ? folder : Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>True when some path of <paramref name="paths"/> lies inside the folder <paramref name="relative"/>.</summary>
    public static bool HasInside(IEnumerable<string> paths, string relative) =>
        paths.Any(p => p.Length > relative.Length && p[relative.Length] == '/' && p.StartsWith(relative, StringComparison.Ordinal));

    static void Walk(string folder, string relative, IReadOnlySet<string> owned, IReadOnlySet<string> planned, List<(string, FileKind)> foreign, List<string> collisions)
    {
        foreach (string entry in Directory.EnumerateFileSystemEntries(Combine(folder, relative)).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(entry);
            string r = relative.Length == 0 ? name : $"{relative}/{name}";
            var kind = FileFacts.Of(entry).Kind;
            if (owned.Contains(r) && kind != FileKind.Directory)
            {
                continue;
            }

            bool inside = HasInside(owned, r) || HasInside(planned, r);
            if (kind == FileKind.Directory && inside && !planned.Contains(r))
            {
                Walk(folder, r, owned, planned, foreign, collisions);
                continue;
            }

            foreign.Add((r, kind));
            if (planned.Contains(r) || (HasInside(planned, r) && kind != FileKind.Directory))
            {
                collisions.Add(r);
            }
        }
    }
}

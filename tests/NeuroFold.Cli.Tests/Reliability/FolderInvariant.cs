using System.Security.Cryptography;
using System.Text.Json;

namespace NeuroFold.Cli.Tests.Reliability;

/// <summary>The promise of an output folder: it holds one complete set (every file its manifest lists, with the listed bytes, and no other NeuroFold file), never a temporary file, and every file of the user's.</summary>
internal static class FolderInvariant
{
    /// <summary>Every file below <paramref name="folder"/> (relative, '/'-separated) with its SHA-256.</summary>
    public static SortedDictionary<string, string> Snapshot(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return files;
        }

        foreach (string f in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(folder, f).Replace('\\', '/')] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)));
        }

        return files;
    }

    /// <summary>The problems with <paramref name="folder"/> against the two sets it may hold and the user's files it must keep; empty when it keeps the promise.</summary>
    /// <param name="folder">The output folder.</param>
    /// <param name="sets">The complete sets it may hold (snapshots of NeuroFold's files, run.json included), or an empty snapshot for "no set yet".</param>
    /// <param name="user">The user's files and their hashes: each must be in the folder, unchanged.</param>
    /// <param name="userMayBeBeside">Whether a user's file may for now stand in a hidden folder beside the output folder (between a crash and the next run).</param>
    public static List<string> Check(string folder, IReadOnlyList<SortedDictionary<string, string>> sets, IReadOnlyDictionary<string, string> user, bool userMayBeBeside)
    {
        var problems = new List<string>();
        var now = Snapshot(folder);
        foreach (string f in now.Keys)
        {
            if (f.Contains(".neurofold-", StringComparison.Ordinal) || f.EndsWith(".tmp", StringComparison.Ordinal))
            {
                problems.Add($"temporary file inside the folder: {f}");
            }
        }

        var ours = new SortedDictionary<string, string>(now.Where(kv => !user.ContainsKey(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);
        if (!sets.Any(s => s.Count == ours.Count && s.All(kv => ours.TryGetValue(kv.Key, out string? h) && h == kv.Value)))
        {
            problems.Add($"the folder holds neither complete set: [{string.Join(", ", ours.Keys)}]");
        }

        if (now.TryGetValue("run.json", out _))
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "run.json")));
            foreach (var o in manifest.RootElement.GetProperty("outputs").EnumerateArray())
            {
                string file = o.GetProperty("file").GetString()!;
                if (!now.TryGetValue(file, out string? h) || h != o.GetProperty("sha256").GetString())
                {
                    problems.Add($"the manifest lists {file}, which is missing or has other bytes");
                }
            }
        }

        var beside = userMayBeBeside ? BesideFiles(folder) : [];
        foreach (var (file, hash) in user)
        {
            bool here = now.TryGetValue(file, out string? h) && h == hash;
            if (!here && !beside.Contains(hash))
            {
                problems.Add($"the user's file {file} is gone or changed");
            }
        }

        return problems;
    }

    /// <summary>Problems with what lies beside the folder once the next run has tidied: nothing of NeuroFold's may be left.</summary>
    public static List<string> NothingBeside(string folder)
    {
        string parent = Path.GetDirectoryName(folder)!;
        string prefix = $".{Path.GetFileName(folder)}.neurofold-";
        return Directory.EnumerateFileSystemEntries(parent)
            .Select(e => Path.GetFileName(e))
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => $"left beside the folder: {n}")
            .ToList();
    }

    static HashSet<string> BesideFiles(string folder)
    {
        string parent = Path.GetDirectoryName(folder)!;
        string prefix = $".{Path.GetFileName(folder)}.neurofold-";
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        foreach (string dir in Directory.EnumerateDirectories(parent).Where(d => Path.GetFileName(d).StartsWith(prefix, StringComparison.Ordinal)))
        {
            foreach (string f in Directory.GetFiles(dir, "*", SearchOption.AllDirectories))
            {
                hashes.Add(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));
            }
        }

        return hashes;
    }
}

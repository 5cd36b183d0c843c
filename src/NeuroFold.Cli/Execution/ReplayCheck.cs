using System.Globalization;
using System.Security.Cryptography;
using NeuroFold.Cli.Output;
using NeuroFold.IO;
using NeuroFold.IO.Files;

namespace NeuroFold.Cli.Execution;

/// <summary>Replay's checks of a folder against its manifest, which no file in the folder can fool, and its temporary folders.</summary>
/// <remarks>
/// Every listed output is inspected without following links and without opening it: a link, a folder, a pipe or a
/// device is reported, never read; a regular file whose size differs from the recorded one is reported without being
/// hashed; only then is it opened (again without following links, and checked to be the file inspected) and hashed.
/// </remarks>
internal static class ReplayCheck
{
    const string TempPrefix = "neurofold-replay-";

    /// <summary>Every disagreement between the manifest's list and the files beside it.</summary>
    public static List<string> Folder(string dir, IReadOnlyList<OutputFile> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var differences = new List<string>();
        foreach (var entry in recorded)
        {
            string? problem = Inspect(dir, entry);
            if (problem is not null)
            {
                differences.Add($"{entry.File}: {problem}");
            }
        }

        return differences;
    }

    /// <summary>Entries of <paramref name="dir"/> that neither the manifest lists nor contain listed outputs ('/'-separated, sorted).</summary>
    public static List<string> Unlisted(string dir, IReadOnlyList<OutputFile> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var listed = new HashSet<string>(recorded.Select(o => o.File), StringComparer.Ordinal) { Manifest.FileName };
        var unlisted = new List<string>();
        Walk(dir, "", listed, unlisted);
        return unlisted;
    }

    /// <summary>Every disagreement between the recorded hashes and the re-run's files, with the file it concerns.</summary>
    public static List<(string File, string Message)> Rerun(IReadOnlyList<OutputFile> recorded, IReadOnlyList<OutputFile> rerun)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(rerun);
        var differences = new List<(string File, string Message)>();
        foreach (var entry in recorded)
        {
            var again = rerun.FirstOrDefault(o => o.File == entry.File);
            if (again is null)
            {
                differences.Add((entry.File, $"{entry.File}: the re-run did not produce it"));
            }
            else if (again.Sha256 != entry.Sha256)
            {
                differences.Add((entry.File, $"{entry.File}: the re-run produced different bytes (SHA-256 {Short(again.Sha256)}…, manifest {Short(entry.Sha256)}…)"));
            }
        }

        foreach (var extra in rerun)
        {
            if (!recorded.Any(o => o.File == extra.File))
            {
                differences.Add((extra.File, $"{extra.File}: the re-run produced it but the manifest does not list it"));
            }
        }

        return differences;
    }

    /// <summary>A new, empty temporary folder for a re-run, named after this process so a later replay can tell a dead one's leftovers.</summary>
    public static string NewTemporaryFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), $"{TempPrefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Removes the temporary folders of replays whose process no longer runs (one killed with <c>kill -9</c>, say).</summary>
    public static void RemoveStaleTemporaryFolders()
    {
        try
        {
            foreach (string dir in Directory.EnumerateDirectories(Path.GetTempPath(), $"{TempPrefix}*"))
            {
                string rest = Path.GetFileName(dir)[TempPrefix.Length..];
                int dash = rest.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && !Processes.IsAlive(pid))
                {
                    DeleteTree(dir);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Deletes a folder tree without following links out of it; errors are ignored.</summary>
    public static void DeleteTree(string path)
    {
        try
        {
            var facts = FileFacts.Of(path);
            if (facts.Kind == FileKind.Directory)
            {
                foreach (string entry in Directory.EnumerateFileSystemEntries(path).ToList())
                {
                    DeleteTree(entry);
                }

                Directory.Delete(path, recursive: false);
            }
            else if (facts.Exists)
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    static string? Inspect(string dir, OutputFile entry)
    {
        // Every folder on the way must be a real folder: a link there would lead the check out of the output folder.
        string current = dir;
        foreach (string part in entry.File.Split('/')[..^1])
        {
            current = Path.Combine(current, part);
            var up = FileFacts.Of(current);
            if (up.Kind != FileKind.Directory)
            {
                return up.Kind == FileKind.Missing ? $"missing from {dir}" : $"'{part}' in its path is not a folder (a link or a file); replay does not follow links";
            }
        }

        string path = FolderScan(dir, entry.File);
        var facts = FileFacts.Of(path);
        switch (facts.Kind)
        {
            case FileKind.Missing:
                return $"missing from {dir}";
            case FileKind.Regular:
                break;
            case FileKind.SymbolicLink:
                return "is a symbolic link; replay does not follow links (an output is a regular file)";
            case FileKind.Directory:
                return "is a folder, not the file the manifest lists";
            default:
                return $"is a {Describe(facts.Kind)}, not a regular file; it was not read";
        }

        if (facts.Size != entry.Bytes)
        {
            return $"has {facts.Size} bytes, the manifest records {entry.Bytes} (edited, truncated or replaced)";
        }

        string? sha = HashNoFollow(path, facts);
        return sha is null ? "changed while it was checked"
            : sha != entry.Sha256 ? "the file does not match its SHA-256 in the manifest (edited or corrupted)"
            : null;
    }

    static string FolderScan(string dir, string relative) => Output.Transactions.FolderScan.Combine(dir, relative);

    static string? HashNoFollow(string path, FileFacts inspected)
    {
        try
        {
            Microsoft.Win32.SafeHandles.SafeFileHandle handle;
            if (Native.IsLinux)
            {
                var opened = Native.OpenReadNoFollow(path, out _);
                if (opened is null)
                {
                    return null;
                }

                var now = FileFacts.Of(opened);
                if (now.Kind != FileKind.Regular || !now.IsSameFileAs(inspected) || now.Size != inspected.Size)
                {
                    opened.Dispose();
                    return null;
                }

                handle = opened;
            }
            else
            {
                handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            }

            using var stream = new FileStream(handle, FileAccess.Read, 1 << 16);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            long left = inspected.Size;
            int n;
            while (left > 0 && (n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left))) > 0)
            {
                sha.AppendData(buffer, 0, n);
                left -= n;
            }

            return left != 0 || stream.ReadByte() >= 0 ? null : Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    static void Walk(string dir, string relative, HashSet<string> listed, List<string> unlisted)
    {
        foreach (string entry in Directory.EnumerateFileSystemEntries(FolderScan(dir, relative)).Order(StringComparer.Ordinal))
        {
            string r = relative.Length == 0 ? Path.GetFileName(entry) : $"{relative}/{Path.GetFileName(entry)}";
            var kind = FileFacts.Of(entry).Kind;
            if (listed.Contains(r) && kind == FileKind.Regular)
            {
                continue;
            }

            if (kind == FileKind.Directory && Output.Transactions.FolderScan.HasInside(listed, r))
            {
                Walk(dir, r, listed, unlisted);
                continue;
            }

            if (!listed.Contains(r))
            {
                unlisted.Add(kind == FileKind.Directory ? $"{r}/" : r);
            }
        }
    }

    static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "named pipe (FIFO)",
        FileKind.CharacterDevice or FileKind.BlockDevice => "device",
        FileKind.Socket => "socket",
        _ => "special file",
    };

    static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}

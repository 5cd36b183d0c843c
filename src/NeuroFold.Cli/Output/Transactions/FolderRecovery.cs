using System.Security.Cryptography;
using NeuroFold.IO.Files;

namespace NeuroFold.Cli.Output.Transactions;

/// <summary>Finishing or undoing what an interrupted commit left beside an output folder, and draining the old set after a swap.</summary>
/// <remarks>
/// The rule for every entry of a folder being drained: NeuroFold's own files (its manifest's list, the manifest) are
/// deleted; a second name of a file that is also in the output folder is deleted; anything else is the user's and is
/// moved back into the output folder, or, if something now stands there, left where it is with a warning. So a
/// user's file is never deleted, whatever moment a run was killed at.
/// </remarks>
internal static class FolderRecovery
{
    /// <summary>The prefix of every entry a transaction keeps beside the folder named <paramref name="name"/>.</summary>
    public static string SiblingPrefix(string name) => $".{name}.neurofold-";

    /// <summary>The lock file's name.</summary>
    public static string LockName(string name) => $"{SiblingPrefix(name)}lock";

    /// <summary>Finishes or undoes an interrupted commit (by its journal) and removes every leftover staging folder; returns what it did worth telling.</summary>
    public static List<string> Recover(string parent, string name, Journal? journal, IFileOps ops)
    {
        var notes = new List<string>();
        string folder = Path.Combine(parent, name);
        string prefix = SiblingPrefix(name);
        var leftovers = Directory.EnumerateFileSystemEntries(parent)
            .Select(p => Path.GetFileName(p))
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && (n.EndsWith(".new", StringComparison.Ordinal) || n.EndsWith(".old", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (leftovers.Count == 0)
        {
            return notes;
        }

        if (journal is null)
        {
            notes.Add($"found {leftovers.Count} folder(s) left by an interrupted run beside '{folder}' but no readable journal; they were left in place: {string.Join(", ", leftovers)}");
            return notes;
        }

        // An interrupted fallback swap: the old set was renamed aside and the new one not yet into place.
        if (journal.Phase == Journal.Phases.Aside && journal.Aside is { } aside && leftovers.Contains(aside) && FileFacts.Of(folder).Kind == FileKind.Missing)
        {
            ops.Move(Path.Combine(parent, aside), folder);
            leftovers.Remove(aside);
            notes.Add($"restored '{folder}' from an interrupted run (it had been renamed aside)");
        }

        bool swapped = journal.ManifestSha256 is { } sha && ManifestSha(folder) == sha;
        foreach (string leftover in leftovers)
        {
            string path = Path.Combine(parent, leftover);
            bool isOld = (leftover == journal.Aside && swapped)
                         || (leftover == journal.Stage && swapped && journal.Phase is Journal.Phases.Exchanging or Journal.Phases.Exchanged);
            bool isStage = leftover == journal.Stage && !isOld;
            if (isOld)
            {
                notes.AddRange(DrainOld(path, folder, ops));
                notes.Add($"finished an interrupted run's commit into '{folder}'");
            }
            else if (isStage)
            {
                notes.AddRange(AbandonNew(path, folder, journal.Carried, ops));
                notes.Add($"removed the unfinished output of an interrupted run beside '{folder}'");
            }
            else
            {
                notes.Add($"left '{path}' in place: it is not the folder the journal names");
            }
        }

        return notes;
    }

    /// <summary>Drains the folder holding an old set after a swap (see the remarks of the class); deletes it when empty.</summary>
    public static List<string> DrainOld(string old, string folder, IFileOps ops)
    {
        var notes = new List<string>();
        var owned = FolderScan.OwnedBy(old);
        Drain(old, folder, "", owned, ops, notes);

        // The manifest goes last: until then it still says which of the files left are NeuroFold's.
        string manifest = Path.Combine(old, Manifest.FileName);
        if (owned.Contains(Manifest.FileName) && FileFacts.Of(manifest).Exists)
        {
            ops.DeleteFile(manifest);
        }

        RemoveIfEmpty(old, ops, notes);
        return notes;
    }

    /// <summary>Removes a stage that was never swapped in: the user's files linked into it go back if they are gone from the folder, the rest is deleted.</summary>
    public static List<string> AbandonNew(string stage, string folder, IReadOnlyList<string> carried, IFileOps ops)
    {
        var notes = new List<string>();
        var linked = new HashSet<string>(carried, StringComparer.Ordinal);
        Abandon(stage, folder, "", linked, ops, notes);
        RemoveIfEmpty(stage, ops, notes);
        return notes;
    }

    /// <summary>Deletes a folder tree the transaction wrote entirely itself (files, then folders, bottom up).</summary>
    public static void DeleteOwnTree(string path, IFileOps ops)
    {
        var facts = FileFacts.Of(path);
        if (facts.Kind == FileKind.Missing)
        {
            return;
        }

        if (facts.Kind != FileKind.Directory)
        {
            ops.DeleteFile(path);
            return;
        }

        foreach (string entry in Directory.EnumerateFileSystemEntries(path).ToList())
        {
            DeleteOwnTree(entry, ops);
        }

        ops.DeleteEmptyDirectory(path);
    }

    static void Drain(string old, string folder, string relative, HashSet<string> owned, IFileOps ops, List<string> notes)
    {
        foreach (string entry in Directory.EnumerateFileSystemEntries(FolderScan.Combine(old, relative)).Order(StringComparer.Ordinal).ToList())
        {
            string r = relative.Length == 0 ? Path.GetFileName(entry) : $"{relative}/{Path.GetFileName(entry)}";
            if (r == Manifest.FileName && owned.Contains(r))
            {
                continue; // deleted last, by DrainOld
            }

            var here = FileFacts.Of(entry);
            string target = FolderScan.Combine(folder, r);
            var there = FileFacts.Of(target);
            if (here.Kind == FileKind.Directory)
            {
                if (there.Kind == FileKind.Directory || FolderScan.HasInside(owned, r))
                {
                    Drain(old, folder, r, owned, ops, notes);
                    RemoveIfEmpty(entry, ops, notes);
                }
                else
                {
                    PutBack(entry, target, there, ops, notes);
                }
            }
            else if (owned.Contains(r) || here.IsSameFileAs(there))
            {
                ops.DeleteFile(entry);
            }
            else
            {
                PutBack(entry, target, there, ops, notes);
            }
        }
    }

    static void Abandon(string stage, string folder, string relative, HashSet<string> linked, IFileOps ops, List<string> notes)
    {
        foreach (string entry in Directory.EnumerateFileSystemEntries(FolderScan.Combine(stage, relative)).Order(StringComparer.Ordinal).ToList())
        {
            string r = relative.Length == 0 ? Path.GetFileName(entry) : $"{relative}/{Path.GetFileName(entry)}";
            var here = FileFacts.Of(entry);
            if (here.Kind == FileKind.Directory)
            {
                Abandon(stage, folder, r, linked, ops, notes);
                RemoveIfEmpty(entry, ops, notes);
                continue;
            }

            string target = FolderScan.Combine(folder, r);
            var there = FileFacts.Of(target);
            if (linked.Contains(r) && !here.IsSameFileAs(there))
            {
                PutBack(entry, target, there, ops, notes);
            }
            else
            {
                ops.DeleteFile(entry);
            }
        }
    }

    /// <summary>Moves a user's entry back into the output folder, unless something stands there now.</summary>
    static void PutBack(string entry, string target, FileFacts there, IFileOps ops, List<string> notes)
    {
        if (there.Exists)
        {
            notes.Add($"kept '{entry}': it is not NeuroFold's and '{target}' exists now");
            return;
        }

        string? parent = Path.GetDirectoryName(target);
        if (parent is not null && FileFacts.Of(parent).Kind == FileKind.Missing)
        {
            ops.CreateDirectory(parent);
        }

        ops.Move(entry, target);
    }

    static void RemoveIfEmpty(string path, IFileOps ops, List<string> notes)
    {
        if (FileFacts.Of(path).Kind != FileKind.Directory)
        {
            return;
        }

        if (Directory.EnumerateFileSystemEntries(path).Any())
        {
            notes.Add($"kept '{path}': it still holds files that are not NeuroFold's");
            return;
        }

        ops.DeleteEmptyDirectory(path);
    }

    /// <summary>The SHA-256 of <c>run.json</c> in <paramref name="folder"/>, or null.</summary>
    public static string? ManifestSha(string folder)
    {
        string path = Path.Combine(folder, Manifest.FileName);
        if (FileFacts.Of(path).Kind != FileKind.Regular)
        {
            return null;
        }

        var bytes = InputFile.ReadAll("run.json", path, FolderScan.MaxManifestBytes, "manifest");
        return bytes.IsFail ? null : Convert.ToHexStringLower(SHA256.HashData(bytes.SuccessToSeq().Head));
    }
}

namespace NeuroFold.Cli.Output.Transactions;

/// <summary>Every file-system operation an output transaction makes: the seam the fault-injection tests fail or "kill" at.</summary>
/// <remarks>
/// <see cref="FileOps.Real"/> is the only implementation the tool uses. Reading (listing a folder, inspecting a path,
/// reading a manifest) goes around the seam: it changes nothing, so a fault there cannot break the invariant.
/// </remarks>
internal interface IFileOps
{
    /// <summary>Creates a folder (and its missing parents).</summary>
    void CreateDirectory(string path);

    /// <summary>Creates a new file for writing; fails if it exists.</summary>
    Stream CreateFile(string path);

    /// <summary>Flushes a file's bytes to the disk.</summary>
    void Flush(FileStream stream);

    /// <summary>Renames a file or folder; fails if <paramref name="to"/> exists.</summary>
    void Move(string from, string to);

    /// <summary>Swaps two existing folders atomically; false where the platform or file system cannot.</summary>
    bool TryExchange(string a, string b);

    /// <summary>Makes <paramref name="link"/> a second name of the file <paramref name="existing"/>; false where the file system cannot.</summary>
    bool TryHardLink(string existing, string link);

    /// <summary>Deletes a file, link or other non-folder entry.</summary>
    void DeleteFile(string path);

    /// <summary>Deletes an empty folder.</summary>
    void DeleteEmptyDirectory(string path);

    /// <summary>Replaces the content of the open lock file with <paramref name="content"/> (padded with spaces to the old length, in one write) and flushes it to the disk.</summary>
    void WriteJournal(FileStream lockFile, ReadOnlySpan<byte> content);

    /// <summary>Flushes a folder's entries to the disk.</summary>
    void SyncDirectory(string path);
}

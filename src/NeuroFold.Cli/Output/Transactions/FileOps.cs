using NeuroFold.IO.Files;

namespace NeuroFold.Cli.Output.Transactions;

/// <summary>The real file-system operations of an output transaction.</summary>
internal sealed class FileOps : IFileOps
{
    FileOps()
    {
    }

    /// <summary>The one instance.</summary>
    public static IFileOps Real { get; } = new FileOps();

    /// <inheritdoc />
    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    /// <inheritdoc />
    public Stream CreateFile(string path) => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);

    /// <inheritdoc />
    public void Flush(FileStream stream) => stream.Flush(flushToDisk: true);

    /// <inheritdoc />
    public void Move(string from, string to)
    {
        if (Native.IsLinux)
        {
            int errno = Native.RenameNoReplaceTo(from, to);
            if (errno == 0)
            {
                return;
            }

            if (errno is not (Native.EINVAL or Native.ENOSYS))
            {
                throw new IOException($"cannot rename '{from}' to '{to}' (errno {errno})");
            }
        }

        if (Directory.Exists(from))
        {
            Directory.Move(from, to);
        }
        else
        {
            File.Move(from, to, overwrite: false);
        }
    }

    /// <inheritdoc />
    public bool TryExchange(string a, string b)
    {
        if (!Native.IsLinux)
        {
            return false;
        }

        int errno = Native.Exchange(a, b);
        return errno == 0 || (errno is Native.EINVAL or Native.ENOSYS or Native.EOPNOTSUPP ? false : throw new IOException($"cannot swap '{a}' and '{b}' (errno {errno})"));
    }

    /// <inheritdoc />
    public bool TryHardLink(string existing, string link)
    {
        if (!Native.IsLinux)
        {
            return false;
        }

        int errno = Native.HardLink(existing, link);
        return errno == 0 || (errno is Native.EPERM or Native.EOPNOTSUPP or Native.EXDEV or 31 /* EMLINK */ ? false : throw new IOException($"cannot link '{existing}' as '{link}' (errno {errno})"));
    }

    /// <inheritdoc />
    public void DeleteFile(string path) => File.Delete(path);

    /// <inheritdoc />
    public void DeleteEmptyDirectory(string path) => Directory.Delete(path, recursive: false);

    /// <inheritdoc />
    /// <remarks>
    /// One write over the whole old content, the new journal padded with spaces to the old length, and never a
    /// truncation first: a truncate-then-write left an empty lock file (read as idle, so the stage it named was never
    /// cleaned up) when a run was killed between the two. A small write to a regular file is not cut short by a
    /// signal, so a killed run leaves the old journal or the new one.
    /// </remarks>
    public void WriteJournal(FileStream lockFile, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(lockFile);
        var buffer = new byte[Math.Max(content.Length, (int)Math.Min(lockFile.Length, int.MaxValue))];
        content.CopyTo(buffer);
        buffer.AsSpan(content.Length).Fill((byte)' ');
        lockFile.Position = 0;
        lockFile.Write(buffer);
        lockFile.Flush(flushToDisk: true);
    }

    /// <inheritdoc />
    public void SyncDirectory(string path)
    {
        if (Native.IsLinux)
        {
            Native.SyncDirectory(path);
        }
    }
}

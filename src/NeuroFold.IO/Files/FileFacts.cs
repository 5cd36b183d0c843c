using Microsoft.Win32.SafeHandles;

namespace NeuroFold.IO.Files;

/// <summary>What the file system says about one path, read without following a final symbolic link and without opening it.</summary>
/// <param name="Kind">What the path names.</param>
/// <param name="Size">Size in bytes (regular files; 0 otherwise).</param>
/// <param name="Device">The file system it lives on (0 where the platform cannot tell).</param>
/// <param name="Inode">Its identity on that file system (0 where the platform cannot tell).</param>
/// <param name="ModifiedTicks">Last write time, UTC ticks.</param>
/// <remarks>
/// On Linux the facts come from <c>statx</c>, so FIFOs, devices and sockets are told apart from regular files; elsewhere
/// from <see cref="FileSystemInfo"/>, which cannot tell them apart (they read as regular files there).
/// </remarks>
public readonly record struct FileFacts(FileKind Kind, long Size, ulong Device, ulong Inode, long ModifiedTicks)
{
    /// <summary>True when the path exists (as anything, a dangling link included).</summary>
    public bool Exists => Kind != FileKind.Missing;

    /// <summary>True for the same file on the same file system (a hard link of it included); false where identity is unknown.</summary>
    public bool IsSameFileAs(FileFacts other) =>
        Exists && other.Exists && Inode != 0 && Device == other.Device && Inode == other.Inode;

    /// <summary>The facts of <paramref name="path"/>; a link is described, not followed.</summary>
    public static FileFacts Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Native.IsLinux)
        {
            var buffer = Native.Statx(path, follow: false, out int errno);
            return buffer is null
                ? errno is Native.ENOENT or Native.ENOTDIR ? default : throw new IOException($"cannot inspect '{path}' (errno {errno})")
                : FromStatx(buffer);
        }

        return Portable(path);
    }

    /// <summary>The facts of the file behind an open handle.</summary>
    public static FileFacts Of(SafeFileHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (Native.IsLinux)
        {
            var buffer = Native.Statx(handle, out int errno);
            return buffer is null ? throw new IOException($"cannot inspect an open file (errno {errno})") : FromStatx(buffer);
        }

        return new FileFacts(FileKind.Regular, RandomAccess.GetLength(handle), 0, 0, 0);
    }

    static FileFacts FromStatx(byte[] b)
    {
        int mode = BitConverter.ToUInt16(b, 28) & 0xF000;
        var kind = mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
        long seconds = BitConverter.ToInt64(b, 112);
        uint nanoseconds = BitConverter.ToUInt32(b, 120);
        ulong device = ((ulong)BitConverter.ToUInt32(b, 136) << 32) | BitConverter.ToUInt32(b, 140);
        return new FileFacts(
            kind,
            kind == FileKind.Regular ? (long)BitConverter.ToUInt64(b, 40) : 0,
            device,
            BitConverter.ToUInt64(b, 32),
            DateTime.UnixEpoch.Ticks + (seconds * TimeSpan.TicksPerSecond) + (nanoseconds / 100));
    }

    static FileFacts Portable(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return new FileFacts(FileKind.SymbolicLink, 0, 0, 0, info.LastWriteTimeUtc.Ticks);
        }

        if (info.Exists)
        {
            return new FileFacts(FileKind.Regular, info.Length, 0, 0, info.LastWriteTimeUtc.Ticks);
        }

        var dir = new DirectoryInfo(path);
        return dir.Exists ? new FileFacts(FileKind.Directory, 0, 0, 0, dir.LastWriteTimeUtc.Ticks) : default;
    }
}

using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NeuroFold.IO.Files;

/// <summary>The few Linux system calls .NET does not expose: <c>statx</c>, <c>renameat2</c>, <c>link</c>, <c>open</c> without following links, <c>fsync</c> of a folder.</summary>
/// <remarks>
/// Every entry point is guarded by <see cref="IsLinux"/>; callers fall back to portable (weaker) behaviour elsewhere.
/// <c>struct statx</c> has the same layout on every Linux architecture, which is why it is used instead of <c>stat</c>.
/// </remarks>
internal static partial class Native
{
    /// <summary><c>AT_FDCWD</c>: paths relative to the working folder.</summary>
    const int AtFdCwd = -100;

    /// <summary><c>AT_SYMLINK_NOFOLLOW</c>.</summary>
    const int AtSymlinkNoFollow = 0x100;

    /// <summary><c>AT_EMPTY_PATH</c>: stat the descriptor itself.</summary>
    const int AtEmptyPath = 0x1000;

    /// <summary><c>STATX_BASIC_STATS</c>.</summary>
    const uint StatxBasicStats = 0x7ff;

    /// <summary><c>RENAME_EXCHANGE</c>.</summary>
    const uint RenameExchange = 2;

    /// <summary><c>RENAME_NOREPLACE</c>.</summary>
    const uint RenameNoReplace = 1;

    /// <summary><c>errno</c> values (the same on x64 and arm64 Linux).</summary>
    internal const int ENOTDIR = 20, ENOENT = 2, EEXIST = 17, EXDEV = 18, EINVAL = 22, ENOSYS = 38, ELOOP = 40, EOPNOTSUPP = 95, EPERM = 1, ENOTEMPTY = 39;

    /// <summary>True where these calls are available.</summary>
    public static bool IsLinux { get; } = OperatingSystem.IsLinux();

    /// <summary><c>statx</c> of <paramref name="path"/> (of the link itself when <paramref name="follow"/> is false); null with <paramref name="errno"/> on failure.</summary>
    public static byte[]? Statx(string path, bool follow, out int errno)
    {
        var buffer = new byte[256];
        int rc = statx(AtFdCwd, path, follow ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer);
        errno = rc == 0 ? 0 : Marshal.GetLastPInvokeError();
        return rc == 0 ? buffer : null;
    }

    /// <summary><c>statx</c> of an open descriptor.</summary>
    public static byte[]? Statx(SafeFileHandle handle, out int errno)
    {
        var buffer = new byte[256];
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            int rc = statx((int)handle.DangerousGetHandle(), string.Empty, AtEmptyPath, StatxBasicStats, buffer);
            errno = rc == 0 ? 0 : Marshal.GetLastPInvokeError();
            return rc == 0 ? buffer : null;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Atomically swaps two existing paths (<c>renameat2(…, RENAME_EXCHANGE)</c>); 0 or the errno.</summary>
    public static int Exchange(string a, string b) => renameat2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>Renames <paramref name="from"/> to <paramref name="to"/>, failing if <paramref name="to"/> exists (<c>RENAME_NOREPLACE</c>); 0 or the errno.</summary>
    public static int RenameNoReplaceTo(string from, string to) => renameat2(AtFdCwd, from, AtFdCwd, to, RenameNoReplace) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>A hard link <paramref name="link"/> to <paramref name="existing"/>; 0 or the errno.</summary>
    public static int HardLink(string existing, string link) => NativeLink(existing, link) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>Opens a file for reading without following a final symbolic link and without blocking on a FIFO; the handle or the errno.</summary>
    public static SafeFileHandle? OpenReadNoFollow(string path, out int errno)
    {
        // O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC; O_NOFOLLOW differs between x64 and arm64.
        int noFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;
        int fd = open(path, noFollow | 0x800 | 0x80000);
        if (fd < 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        errno = 0;
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Flushes a folder's entries to disk (so renames inside it survive a power cut); errors are ignored.</summary>
    public static void SyncDirectory(string path)
    {
        // O_RDONLY | O_DIRECTORY | O_CLOEXEC; O_DIRECTORY differs between x64 and arm64.
        int directory = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x4000 : 0x10000;
        int fd = open(path, directory | 0x80000);
        if (fd >= 0)
        {
            _ = fsync(fd);
            _ = close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int renameat2(int olddirfd, string oldpath, int newdirfd, string newpath, uint flags);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeLink(string existing, string link);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int close(int fd);
}

using LanguageExt;
using LanguageExt.Common;
using Microsoft.Win32.SafeHandles;
using static LanguageExt.Prelude;

namespace NeuroFold.IO.Files;

/// <summary>Reading a file the user named: regular files only, never more than a stated number of bytes, never blocking on a pipe or a device.</summary>
/// <remarks>
/// The path is inspected before it is opened (a folder, FIFO, device or socket is refused without being opened for
/// reading); a link is followed to its final target, which must be a regular file. On Linux the target is then opened
/// with <c>O_NOFOLLOW | O_NONBLOCK</c> and checked again through the open descriptor, so a file swapped for a pipe
/// between the check and the open is still refused. A file that grows past its cap while it is read is refused too.
/// </remarks>
public static class InputFile
{
    /// <summary>Checks that <paramref name="path"/> is a regular file of at most <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="field">The field that named the file (flag or JSON path), for messages.</param>
    /// <param name="path">The path as given.</param>
    /// <param name="maxBytes">The most bytes it may have.</param>
    /// <param name="what">What the file is, for messages ("run spec", "manifest", ".npy array").</param>
    public static Validation<Error, FileFacts> Inspect(string field, string path, long maxBytes, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        string quoted = Excerpt.Of(path);
        if (path.Length == 0)
        {
            return Fail<Error, FileFacts>(Error.New($"{field} must name a {what} file, got an empty path"));
        }

        string target;
        FileFacts facts;
        try
        {
            target = FinalTarget(path);
            facts = FileFacts.Of(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Fail<Error, FileFacts>(Error.New($"{field}: cannot inspect '{quoted}' ({e.Message})"));
        }

        string? refusal = facts.Kind switch
        {
            FileKind.Regular => null,
            FileKind.Missing => target == path ? "does not exist" : $"is a link to '{Excerpt.Of(target)}', which does not exist",
            FileKind.Directory => $"is a folder; give the {what} file itself",
            FileKind.Fifo => $"is a named pipe (FIFO); a {what} must be a regular file (reading a pipe can wait forever)",
            FileKind.CharacterDevice or FileKind.BlockDevice => $"is a device; a {what} must be a regular file (reading a device may never end)",
            FileKind.Socket => $"is a socket; a {what} must be a regular file",
            _ => $"is not a regular file; a {what} must be one",
        };
        if (refusal is not null)
        {
            return Fail<Error, FileFacts>(Error.New($"{field}: '{quoted}' {refusal}"));
        }

        return facts.Size > maxBytes
            ? Fail<Error, FileFacts>(Error.New($"{field}: '{quoted}' has {Bytes.Describe(facts.Size)}; a {what} may have at most {Bytes.Describe(maxBytes)}"))
            : Success<Error, FileFacts>(facts);
    }

    /// <summary>The whole file, when it passes <see cref="Inspect"/>.</summary>
    public static Validation<Error, byte[]> ReadAll(string field, string path, long maxBytes, string what) =>
        Open(field, path, maxBytes, what).Bind(opened =>
        {
            using var stream = opened.Stream;
            return ReadAtMost(field, path, stream, maxBytes, what);
        });

    /// <summary>Opens the file for reading when it passes <see cref="Inspect"/>; the caller disposes the stream and reads at most <see cref="FileFacts.Size"/> bytes.</summary>
    public static Validation<Error, (Stream Stream, FileFacts Facts)> Open(string field, string path, long maxBytes, string what) =>
        Inspect(field, path, maxBytes, what).Bind(facts =>
        {
            try
            {
                string target = FinalTarget(path);
                SafeFileHandle handle;
                if (Native.IsLinux)
                {
                    var opened = Native.OpenReadNoFollow(target, out int errno);
                    if (opened is null)
                    {
                        return Fail<Error, (Stream, FileFacts)>(Error.New($"{field}: cannot open '{Excerpt.Of(path)}' (errno {errno})"));
                    }

                    var now = FileFacts.Of(opened);
                    if (now.Kind != FileKind.Regular || !now.IsSameFileAs(facts))
                    {
                        opened.Dispose();
                        return Fail<Error, (Stream, FileFacts)>(Error.New($"{field}: '{Excerpt.Of(path)}' changed while it was opened; a {what} must be a regular file that stays put"));
                    }

                    handle = opened;
                }
                else
                {
                    handle = File.OpenHandle(target, FileMode.Open, FileAccess.Read, FileShare.Read);
                }

                return Success<Error, (Stream, FileFacts)>((new FileStream(handle, FileAccess.Read, 1 << 16), facts));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return Fail<Error, (Stream, FileFacts)>(Error.New($"{field}: cannot open '{Excerpt.Of(path)}' ({e.Message})"));
            }
        });

    static Validation<Error, byte[]> ReadAtMost(string field, string path, Stream stream, long maxBytes, string what)
    {
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                total += n;
                if (total > maxBytes)
                {
                    return Fail<Error, byte[]>(Error.New($"{field}: '{Excerpt.Of(path)}' grew past {Bytes.Describe(maxBytes)} while it was read; a {what} may have at most that"));
                }

                buffer.Write(chunk, 0, n);
            }

            return Success<Error, byte[]>(buffer.ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail<Error, byte[]>(Error.New($"{field}: cannot read '{Excerpt.Of(path)}' ({e.Message})"));
        }
    }

    /// <summary>The path a chain of links ends at (the path itself when it is not a link).</summary>
    static string FinalTarget(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null)
        {
            return path;
        }

        return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
    }
}

using System.Text;

namespace NeuroFold.Cli.Output;

/// <summary>Writes a set of files so that none is ever seen half-written.</summary>
/// <remarks>
/// Every file is first written to a hidden temporary name in its target folder; only when all of them are complete are
/// they moved into place (a rename within one folder). If anything fails, the temporary files are deleted and the
/// folder keeps what it had before.
/// </remarks>
internal static class AtomicWriter
{
    static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes every (path, writer) pair; returns the final paths in order.</summary>
    public static IReadOnlyList<string> WriteAll(IReadOnlyList<(string Path, Action<Stream> Write)> files)
    {
        var temps = new List<(string Temp, string Final)>(files.Count);
        try
        {
            foreach (var (path, write) in files)
            {
                string full = Path.GetFullPath(path);
                string dir = Path.GetDirectoryName(full)!;
                Directory.CreateDirectory(dir);
                string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
                temps.Add((temp, full));
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }
            }

            foreach (var (temp, final) in temps)
            {
                File.Move(temp, final, overwrite: true);
            }

            return temps.ConvertAll(t => t.Final);
        }
        catch
        {
            foreach (var (temp, _) in temps)
            {
                TryDelete(temp);
            }

            throw;
        }
    }

    /// <summary>A writer for text content (UTF-8 without BOM, '\n' line ends).</summary>
    public static Action<Stream> Text(Action<TextWriter> write) => stream =>
    {
        using var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        write(writer);
    };

    static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

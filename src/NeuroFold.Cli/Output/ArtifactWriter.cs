using System.Text.Json;
using NeuroFold.Cli.Execution;

namespace NeuroFold.Cli.Output;

/// <summary>The one writer of every command's outputs: the files, then the manifest <c>run.json</c> that lists them.</summary>
/// <remarks>
/// Each file is hashed (SHA-256) and counted while it is written; the manifest records the command, the fully resolved
/// spec, the tool version, the platform and every file's size and hash (<see cref="Manifest"/>). Everything goes through
/// <see cref="AtomicWriter.WriteAll"/>: the files appear together or not at all.
/// </remarks>
internal static class ArtifactWriter
{
    /// <summary>What a run wrote.</summary>
    /// <param name="Outputs">The outputs as the manifest lists them, in the order written.</param>
    /// <param name="Paths">Full path of each output, in the same order.</param>
    /// <param name="ManifestPath">Full path of <c>run.json</c>.</param>
    internal sealed record Written(IReadOnlyList<OutputFile> Outputs, IReadOnlyList<string> Paths, string ManifestPath);

    /// <summary>Writes <paramref name="files"/> and their manifest into <paramref name="outDir"/>.</summary>
    /// <param name="outDir">The output folder.</param>
    /// <param name="command">The command that made the run (replay dispatches on it).</param>
    /// <param name="spec">Writes the resolved spec object: what replay re-runs.</param>
    /// <param name="files">The outputs.</param>
    /// <param name="view">Progress of the writing, if shown.</param>
    public static Written Write(string outDir, string command, Action<Utf8JsonWriter> spec, IReadOnlyList<Artifact> files, ProgressView? view = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var outputs = new List<OutputFile>(files.Count);
        var batch = new List<(string Path, Action<Stream> Write)>(files.Count + 1);
        foreach (var file in files)
        {
            batch.Add((Path.Combine(outDir, file.Name.Replace('/', Path.DirectorySeparatorChar)), stream =>
            {
                view?.Writing(file.Name);
                using var hashing = new HashingStream(stream);
                file.Write(hashing);
                outputs.Add(new OutputFile(file.Name, hashing.BytesWritten, hashing.Sha256Hex()));
                view?.Wrote();
            }));
        }

        batch.Add((Path.Combine(outDir, Manifest.FileName), Json.Document(w => Manifest.Write(w, command, spec, outputs))));
        var paths = AtomicWriter.WriteAll(batch);
        view?.Wrote();
        return new Written(outputs, paths.Take(files.Count).ToList(), paths[^1]);
    }
}

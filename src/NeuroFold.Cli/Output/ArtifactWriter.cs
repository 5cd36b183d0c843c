using System.Text.Json;
using NeuroFold.Cli.Execution;
using NeuroFold.Cli.Output.Transactions;

namespace NeuroFold.Cli.Output;

/// <summary>The one writer of every command's outputs: the files, then the manifest <c>run.json</c> that lists them, committed as one set.</summary>
/// <remarks>
/// Each file is hashed (SHA-256) and counted while it is written; the manifest records the command, the fully resolved
/// spec, the tool version, the platform and every file's size and hash (<see cref="Manifest"/>). Everything goes into
/// the transaction <see cref="OutputSet"/>, which swaps the complete set into the folder at once.
/// </remarks>
internal static class ArtifactWriter
{
    /// <summary>What a run wrote.</summary>
    /// <param name="Outputs">The outputs as the manifest lists them, in the order written.</param>
    /// <param name="Paths">Full path of each output, in the same order.</param>
    /// <param name="ManifestPath">Full path of <c>run.json</c>.</param>
    internal sealed record Written(IReadOnlyList<OutputFile> Outputs, IReadOnlyList<string> Paths, string ManifestPath)
    {
        /// <summary>The report's last line: where the manifest is and how to check the run with it.</summary>
        public void ReportManifest(TextWriter stdout)
        {
            ArgumentNullException.ThrowIfNull(stdout);
            stdout.WriteLine($"wrote {ManifestPath} (manifest; check with: neurofold replay {ManifestPath})");
        }

        /// <summary>A line per file written, then <see cref="ReportManifest"/>.</summary>
        public void ReportFiles(TextWriter stdout)
        {
            ArgumentNullException.ThrowIfNull(stdout);
            foreach (string path in Paths)
            {
                stdout.WriteLine($"wrote {path}");
            }

            ReportManifest(stdout);
        }
    }

    /// <summary>Writes <paramref name="files"/> into <paramref name="set"/> (after what was already streamed into it), then commits it with its manifest.</summary>
    /// <param name="set">The open output transaction.</param>
    /// <param name="command">The command that made the run (replay dispatches on it).</param>
    /// <param name="spec">Writes the resolved spec object: what replay re-runs.</param>
    /// <param name="files">The outputs not yet written.</param>
    /// <param name="view">Progress of the writing, if shown.</param>
    public static Written Write(OutputSet set, string command, Action<Utf8JsonWriter> spec, IReadOnlyList<Artifact> files, ProgressView? view = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            view?.Writing(file.Name);
            set.Write(file.Name, file.Write);
            view?.Wrote();
        }

        var written = set.Commit(command, spec);
        view?.Wrote();
        return written;
    }
}

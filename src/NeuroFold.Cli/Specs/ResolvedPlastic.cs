using System.Collections.Immutable;
using NeuroFold.Core.Networks;

namespace NeuroFold.Cli.Specs;

/// <summary>A validated plastic <c>network</c> run (<c>--model polychronization</c>): the network, its length, the snapshots and what the manifest records.</summary>
/// <param name="Network">The network with its thalamic drive.</param>
/// <param name="Seconds">Whole seconds to run (<c>tMax</c> / 1000).</param>
/// <param name="Seed">Seed of the generated network and drive (recorded also when files replace them).</param>
/// <param name="SnapshotAt">Seconds after whose weight update the state is written, ascending, without repeats.</param>
/// <param name="Targets">The targets file used, with its hash, or null (generated).</param>
/// <param name="Delays">The delays file used, or null.</param>
/// <param name="Weights">The initial weights file used, or null.</param>
/// <param name="Drive">The drive file used, or null.</param>
/// <param name="Threads">Worker threads (results do not depend on it).</param>
/// <param name="OutDir">Output folder.</param>
internal sealed record ResolvedPlastic(
    PlasticNetwork Network,
    int Seconds,
    long Seed,
    ImmutableArray<int> SnapshotAt,
    RecordedFile? Targets,
    RecordedFile? Delays,
    RecordedFile? Weights,
    RecordedFile? Drive,
    int Threads,
    string OutDir)
{
    /// <summary>The model's name.</summary>
    public static string Model => NetworkResolver.Polychronization;

    /// <summary>Steps of 1 ms.</summary>
    public int Steps => Seconds * 1000;

    /// <summary>The file names of the snapshot after <paramref name="second"/>: weights, sd and state (v and u).</summary>
    public static (string Weights, string Sd, string State) SnapshotFiles(int second) =>
        ($"weights-{second:D4}s.npy", $"sd-{second:D4}s.npy", $"state-{second:D4}s.npy");
}

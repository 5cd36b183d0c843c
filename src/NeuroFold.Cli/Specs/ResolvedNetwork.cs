using NeuroFold.Core.Networks;

namespace NeuroFold.Cli.Specs;

/// <summary>A validated <c>network</c> run: the model, its length, thread count, output folder and the spec to record.</summary>
/// <param name="Model">Model name (izhikevich2003 or sparse).</param>
/// <param name="Network">The network with its input.</param>
/// <param name="Steps">Number of 1 ms steps.</param>
/// <param name="Threads">Worker threads (results do not depend on it).</param>
/// <param name="OutDir">Output folder.</param>
/// <param name="Spec">The resolved spec as (key, value) pairs for run.json, in a fixed order; excludes the thread count.</param>
internal sealed record ResolvedNetwork(string Model, Network Network, int Steps, int Threads, string OutDir, IReadOnlyList<(string Key, string Value)> Spec);

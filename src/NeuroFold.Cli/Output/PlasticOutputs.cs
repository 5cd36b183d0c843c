using System.Collections.Immutable;
using System.Text.Json;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Networks;
using NeuroFold.IO;

namespace NeuroFold.Cli.Output;

/// <summary><c>summary.json</c> and the snapshot arrays of a plastic <c>network</c> run (camelCase, like every JSON file).</summary>
/// <remarks>Nothing here depends on the thread count, the clock or the machine, so equal runs give equal bytes.</remarks>
internal static class PlasticOutputs
{
    /// <summary>Sizes, totals and the per-second spike counts (E, I) and mean excitatory weights.</summary>
    public static void WriteSummary(Utf8JsonWriter w, ResolvedPlastic spec, PlasticResult result)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(result);
        var neurons = spec.Network.Neurons;
        w.WriteStartObject();
        w.WriteString("model", ResolvedPlastic.Model);
        WriteRun(w, neurons, spec.Network.Targets.Length, spec.Seconds, spec.Steps, result.SpikeCount);
        WriteSeconds(w, result);
        w.WriteStartArray("snapshotSeconds");
        foreach (var s in result.Snapshots)
        {
            w.WriteNumberValue(s.Second);
        }

        w.WriteEndArray();
        w.WriteString("stateLayout", "state-SSSSs.npy has shape (2, N): row 0 is v (mV), row 1 is u, at the end of the second's last step");
        w.WriteEndObject();
    }

    /// <summary>The summary of a sparse run with STDP: sizes, totals, the rule and per second the spike counts (E, I) and mean excitatory weights.</summary>
    public static void WriteSparseSummary(Utf8JsonWriter w, ResolvedNetwork spec, PlasticResult result)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(result);
        var neurons = spec.Network.Neurons;
        var rule = spec.StdpRule;
        w.WriteStartObject();
        w.WriteString("model", spec.Model);
        w.WriteString("plasticity", NetworkResolver.Stdp);
        WriteRun(w, neurons, spec.Network.Connectivity.SynapseCount, spec.Steps / 1000, spec.Steps, result.SpikeCount);
        w.WriteStartObject("rule");
        w.WriteNumber("traceAtSpike", rule.TraceAtSpike);
        w.WriteNumber("traceDecay", rule.TraceDecay);
        w.WriteNumber("ltdFactor", rule.LtdFactor);
        w.WriteNumber("drift", rule.Drift);
        w.WriteNumber("sdDecay", rule.SdDecay);
        w.WriteNumber("maxWeight", rule.MaxWeight);
        w.WriteEndObject();
        WriteSeconds(w, result);
        w.WriteEndObject();
    }

    /// <summary>The per-second spike counts (E, I) and mean excitatory weights, and the histogram bin count.</summary>
    static void WriteSeconds(Utf8JsonWriter w, PlasticResult result)
    {
        w.WriteStartArray("excitatorySpikesPerSecond");
        foreach (var s in result.Seconds)
        {
            w.WriteNumberValue(s.ExcitatorySpikes);
        }

        w.WriteEndArray();
        w.WriteStartArray("inhibitorySpikesPerSecond");
        foreach (var s in result.Seconds)
        {
            w.WriteNumberValue(s.InhibitorySpikes);
        }

        w.WriteEndArray();
        w.WriteStartArray("meanExcitatoryWeightPerSecond");
        foreach (var s in result.Seconds)
        {
            w.WriteNumberValue(s.MeanExcitatoryWeight);
        }

        w.WriteEndArray();
        w.WriteNumber("weightBins", PlasticResult.WeightBins);
    }

    /// <summary>The snapshot files of <paramref name="snapshot"/>: weights and sd as (N, M), the state as (2, N).</summary>
    public static IEnumerable<Artifact> Snapshot(PlasticSnapshot snapshot, int neurons, int synapsesPerNeuron)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var (weights, sd, state) = ResolvedPlastic.SnapshotFiles(snapshot.Second);
        ImmutableArray<int> shape = [neurons, synapsesPerNeuron];
        yield return new Artifact(weights, s => s.Write(Npy.Serialize(new NpyArray(shape, snapshot.Weights))));
        yield return new Artifact(sd, s => s.Write(Npy.Serialize(new NpyArray(shape, snapshot.Sd))));
        yield return new Artifact(state, s => s.Write(Npy.Serialize(new NpyArray([2, neurons], [.. snapshot.V, .. snapshot.U]))));
    }

    /// <summary>The fields every plastic network's summary starts with (after its model): the population, the synapses, the length of the run and its spikes.</summary>
    internal static void WriteRun(Utf8JsonWriter w, NetworkNeurons neurons, long synapses, int seconds, int steps, int spikeCount)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(neurons);
        w.WriteNumber("neurons", neurons.Count);
        w.WriteNumber("excitatory", neurons.Excitatory);
        w.WriteNumber("inhibitory", neurons.Inhibitory);
        w.WriteNumber("synapses", synapses);
        w.WriteNumber("seconds", seconds);
        w.WriteNumber("steps", steps);
        w.WriteNumber("dtMs", NetworkSimulation.StepMs);
        w.WriteNumber("spikeCount", spikeCount);
    }
}

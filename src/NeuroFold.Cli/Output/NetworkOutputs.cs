using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NeuroFold.Core.Networks;

namespace NeuroFold.Cli.Output;

/// <summary>The files of a <c>network</c> run as bytes: spikes.csv, summary.json and the run manifest run.json.</summary>
/// <remarks>Nothing here depends on the thread count, the clock or the machine, so equal runs give equal bytes.</remarks>
internal static class NetworkOutputs
{
    static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary><c>neuron,t_ms</c> rows, 0-based neurons, sorted by time then neuron (the order of the result).</summary>
    public static byte[] SpikesCsv(NetworkResult result)
    {
        var sb = new StringBuilder((result.SpikeCount * 12) + 16);
        sb.Append(Csv.SpikesHeader).Append('\n');
        for (int k = 0; k < result.SpikeCount; k++)
        {
            sb.Append(result.SpikeNeurons[k].ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(Csv.Format(result.SpikeSteps[k] * NetworkSimulation.StepMs)).Append('\n');
        }

        return Utf8NoBom.GetBytes(sb.ToString());
    }

    /// <summary>Rates per population (Hz), total spikes and the dominant frequency of the population rate.</summary>
    public static byte[] SummaryJson(string model, Network network, NetworkResult result, int steps)
    {
        var neurons = network.Neurons;
        var rate = PopulationRate.PerStepHz(result, neurons.Count, steps, NetworkSimulation.StepMs);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("model", model);
            w.WriteNumber("neurons", neurons.Count);
            w.WriteNumber("excitatory", neurons.Excitatory);
            w.WriteNumber("inhibitory", neurons.Inhibitory);
            w.WriteNumber("synapses", network.Connectivity.SynapseCount);
            w.WriteNumber("steps", steps);
            w.WriteNumber("dt_ms", NetworkSimulation.StepMs);
            w.WriteNumber("total_spikes", result.SpikeCount);
            w.WriteNumber("rate_all_hz", PopulationRate.MeanHz(result, 0, neurons.Count, steps, NetworkSimulation.StepMs));
            w.WriteNumber("rate_exc_hz", PopulationRate.MeanHz(result, 0, neurons.Excitatory, steps, NetworkSimulation.StepMs));
            w.WriteNumber("rate_inh_hz", PopulationRate.MeanHz(result, neurons.Excitatory, neurons.Count, steps, NetworkSimulation.StepMs));
            w.WriteNumber("dominant_frequency_hz", PopulationRate.DominantFrequencyHz(rate.AsSpan(), NetworkSimulation.StepMs));
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>The run manifest: tool, version, command, the resolved spec and the SHA-256 of every other output.</summary>
    public static byte[] RunJson(IReadOnlyList<(string Key, string Value)> spec, IReadOnlyList<(string Name, byte[] Bytes)> outputs)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("tool", "neurofold");
            w.WriteString("version", typeof(NetworkOutputs).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            w.WriteString("command", "network");
            w.WriteStartObject("spec");
            foreach (var (key, value) in spec)
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
            w.WriteStartObject("outputs");
            foreach (var (name, bytes) in outputs)
            {
                w.WriteString(name, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}

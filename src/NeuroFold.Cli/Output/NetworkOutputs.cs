using System.Text.Json;
using NeuroFold.Core.Networks;

namespace NeuroFold.Cli.Output;

/// <summary><c>summary.json</c> of a <c>network</c> run: sizes, rates per population and the dominant rhythm (camelCase, like every JSON file).</summary>
/// <remarks>Nothing here depends on the thread count, the clock or the machine, so equal runs give equal bytes.</remarks>
internal static class NetworkOutputs
{
    /// <summary>Rates per population (Hz), total spikes and the dominant frequency of the population rate.</summary>
    public static void WriteSummary(Utf8JsonWriter w, string model, Network network, NetworkResult result, int steps)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(result);
        var neurons = network.Neurons;
        var rate = PopulationRate.PerStepHz(result, neurons.Count, steps, NetworkSimulation.StepMs);
        w.WriteStartObject();
        w.WriteString("model", model);
        w.WriteNumber("neurons", neurons.Count);
        w.WriteNumber("excitatory", neurons.Excitatory);
        w.WriteNumber("inhibitory", neurons.Inhibitory);
        w.WriteNumber("synapses", network.Connectivity.SynapseCount);
        w.WriteNumber("steps", steps);
        w.WriteNumber("dtMs", NetworkSimulation.StepMs);
        w.WriteNumber("spikeCount", result.SpikeCount);
        w.WriteNumber("rateAllHz", PopulationRate.MeanHz(result, 0, neurons.Count, steps, NetworkSimulation.StepMs));
        w.WriteNumber("rateExcitatoryHz", PopulationRate.MeanHz(result, 0, neurons.Excitatory, steps, NetworkSimulation.StepMs));
        w.WriteNumber("rateInhibitoryHz", PopulationRate.MeanHz(result, neurons.Excitatory, neurons.Count, steps, NetworkSimulation.StepMs));
        w.WriteNumber("dominantFrequencyHz", PopulationRate.DominantFrequencyHz(rate.AsSpan(), NetworkSimulation.StepMs));
        w.WriteEndObject();
    }
}

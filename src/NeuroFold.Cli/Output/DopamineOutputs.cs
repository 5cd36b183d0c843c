using System.Text.Json;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Networks;

namespace NeuroFold.Cli.Output;

/// <summary><c>summary.json</c> of a <c>network --model dopamine-stdp</c> run (camelCase, like every JSON file).</summary>
/// <remarks>Nothing here depends on the thread count, the clock or the machine, so equal runs give equal bytes.</remarks>
internal static class DopamineOutputs
{
    /// <summary>Sizes, totals, the rewarded synapse and per second: spike counts (E, I), mean weights, the rewarded weight, DA and rewards.</summary>
    public static void WriteSummary(Utf8JsonWriter w, ResolvedDopamine spec, DopamineResult result)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(result);
        var neurons = spec.Network.Neurons;
        var plastic = result.Plastic;
        int m = spec.Network.SynapsesPerNeuron;
        int row = (spec.Protocol.RewardedNeuron * m) + spec.Protocol.RewardedSlot;
        w.WriteStartObject();
        w.WriteString("model", ResolvedDopamine.Model);
        PlasticOutputs.WriteRun(w, neurons, spec.Network.Targets.Length, spec.Seconds, spec.Steps, plastic.SpikeCount);
        w.WriteStartObject("rewardedSynapse");
        w.WriteNumber("neuron", spec.Protocol.RewardedNeuron);
        w.WriteNumber("slot", spec.Protocol.RewardedSlot);
        w.WriteNumber("target", spec.Network.Targets[row]);
        w.WriteNumber("finalWeight", plastic.Final.Weights[row]);
        w.WriteEndObject();
        w.WriteNumber("rewardsScheduled", result.RewardsScheduled);
        w.WriteNumber("rewardsGiven", result.RewardsGiven);
        Array(w, "excitatorySpikesPerSecond", plastic.Seconds, s => s.ExcitatorySpikes);
        Array(w, "inhibitorySpikesPerSecond", plastic.Seconds, s => s.InhibitorySpikes);
        Array(w, "meanExcitatoryWeightPerSecond", plastic.Seconds, s => s.MeanExcitatoryWeight);
        Array(w, "meanOtherWeightPerSecond", result.Seconds, s => s.MeanOtherWeight);
        Array(w, "rewardedWeightPerSecond", result.Seconds, s => s.RewardedWeight);
        Array(w, "dopaminePerSecond", result.Seconds, s => s.Dopamine);
        Array(w, "rewardsScheduledPerSecond", result.Seconds, s => s.RewardsScheduled);
        Array(w, "rewardsGivenPerSecond", result.Seconds, s => s.RewardsGiven);
        w.WriteString("perSecondLayout", "entry s is the end of second s + 1 (weights and DA after its last step; counts within it)");
        w.WriteEndObject();
    }

    static void Array<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Func<T, double> value)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteNumberValue(value(item));
        }

        w.WriteEndArray();
    }
}

using LanguageExt;
using NeuroFold.Cli.Commands;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Output.Transactions;
using NeuroFold.Cli.Plots;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Networks;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Cli.Execution;

/// <summary>A <c>network --model dopamine-stdp</c> run: run, then write spikes, summary, pictures and the manifest.</summary>
internal static class DopamineJob
{
    /// <summary>Every output the run writes.</summary>
    public static IReadOnlyList<string> Planned { get; } = ["spikes.csv", "summary.json", "raster.png", "raster.svg", "rewarded.png", "rewarded.svg"];

    /// <summary>Runs the network (a progress line per tenth on <paramref name="progress"/> when it lasts 10 s or more) and writes its files into <paramref name="set"/>, committing it.</summary>
    public static Either<RunFailure, (DopamineResult Result, ArtifactWriter.Written Files)> Produce(ResolvedDopamine spec, OutputSet set, TextWriter? progress)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var hook = PlasticArtifacts.Progress(progress, spec.Seconds);
        var rule = PlasticityRule.Daspnet2007;
        var result = PlasticSimulation.Run(spec.Network, rule, spec.Protocol, spec.Seconds, spec.Threads, hook);
        var plastic = result.Plastic;
        if (plastic.Status is RunStatus.NonFinite nf)
        {
            return RunFailure.NonFinite(nf, $"neuron {nf.Neuron}");
        }

        var network = spec.Network;
        int last = Math.Max(0, spec.Steps - 1000);
        string title = $"dopamine-modulated STDP network (Izhikevich 2007), second {spec.Seconds}";
        var files = new List<Artifact>
        {
            PlasticArtifacts.Spikes(plastic.SpikeSteps, plastic.SpikeNeurons, spec.Steps),
            Artifact.Json("summary.json", w => DopamineOutputs.WriteSummary(w, spec, result)),
        };
        files.AddRange(PlasticArtifacts.Raster(title, network.Neurons.Count, network.Neurons.Excitatory, plastic.SpikeSteps, plastic.SpikeNeurons, spec.Steps, last));
        files.AddRange(PlasticArtifacts.Picture("rewarded", RewardedSynapsePlot.Create(result, rule.MaxWeight), RewardedSynapsePlot.Width, RewardedSynapsePlot.Height));
        return (result, ArtifactWriter.Write(set, NetworkCommand.Name, w => DopamineResolver.Write(w, spec), files));
    }

    /// <summary>The report on stdout.</summary>
    public static int Report(ResolvedDopamine spec, (DopamineResult Result, ArtifactWriter.Written Files) written, TextWriter stdout, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(stdout);
        if (quiet)
        {
            return ExitCodes.Ok;
        }

        var r = written.Result;
        var lastSecond = r.Seconds.Length == 0 ? default : r.Seconds[^1];
        stdout.WriteLine($"simulated {ResolvedDopamine.Model}: {spec.Network.Neurons.Count} neurons, {spec.Network.Targets.Length} synapses, {spec.Seconds} s, {r.Plastic.SpikeCount} spikes, {r.RewardsGiven} rewards; rewarded synapse {lastSecond.RewardedWeight:0.###}, mean of the others {lastSecond.MeanOtherWeight:0.###} mV/ms");
        written.Files.ReportFiles(stdout);
        return ExitCodes.Ok;
    }
}

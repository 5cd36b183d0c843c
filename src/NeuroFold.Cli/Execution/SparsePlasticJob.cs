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

/// <summary>A <c>network --model sparse --plasticity stdp</c> run: run, then write spikes, summary, raster, the weight distribution and the manifest.</summary>
internal static class SparsePlasticJob
{
    /// <summary>Every output the run writes.</summary>
    public static IReadOnlyList<string> Planned { get; } = ["spikes.csv", "summary.json", "raster.png", "raster.svg", "weights.png", "weights.svg"];

    /// <summary>Runs the network (a progress line per tenth on <paramref name="progress"/> when it lasts 10 s or more) and writes its files into <paramref name="set"/>, committing it.</summary>
    public static Either<RunFailure, (PlasticResult Result, ArtifactWriter.Written Files)> Produce(ResolvedNetwork spec, OutputSet set, TextWriter? progress)
    {
        ArgumentNullException.ThrowIfNull(spec);
        int seconds = spec.Steps / 1000;
        var hook = PlasticArtifacts.Progress(progress, seconds);
        var rule = spec.StdpRule;
        var result = PlasticSimulation.Run(spec.Network, rule, seconds, spec.Threads, hook);
        if (result.Status is RunStatus.NonFinite nf)
        {
            return RunFailure.NonFinite(nf, $"neuron {nf.Neuron}");
        }

        var network = spec.Network;
        string title = $"sparse network with STDP, N = {network.Neurons.Count}, {network.Connectivity.SynapseCount} synapses";
        int excitatorySynapses = ((Connectivity.Sparse)network.Connectivity).RowStart[network.Neurons.Excitatory];
        var weights = WeightDistributionPlot.Create(result, rule.MaxWeight, excitatorySynapses.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var files = new List<Artifact>
        {
            PlasticArtifacts.Spikes(result.SpikeSteps, result.SpikeNeurons, spec.Steps),
            Artifact.Json("summary.json", w => PlasticOutputs.WriteSparseSummary(w, spec, result)),
        };
        files.AddRange(PlasticArtifacts.Raster(title, network.Neurons.Count, network.Neurons.Excitatory, result.SpikeSteps, result.SpikeNeurons, spec.Steps, 0));
        files.AddRange(PlasticArtifacts.Picture("weights", weights, WeightDistributionPlot.Width, WeightDistributionPlot.Height));
        return (result, ArtifactWriter.Write(set, NetworkCommand.Name, w => NetworkResolver.Write(w, spec), files));
    }

    /// <summary>The report on stdout.</summary>
    public static int Report(ResolvedNetwork spec, (PlasticResult Result, ArtifactWriter.Written Files) written, TextWriter stdout, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(stdout);
        if (quiet)
        {
            return ExitCodes.Ok;
        }

        var network = spec.Network;
        stdout.WriteLine($"simulated {spec.Model} with STDP: {network.Neurons.Count} neurons, {network.Connectivity.SynapseCount} synapses, {spec.Steps} steps of 1 ms, {written.Result.SpikeCount} spikes");
        written.Files.ReportFiles(stdout);
        return ExitCodes.Ok;
    }
}

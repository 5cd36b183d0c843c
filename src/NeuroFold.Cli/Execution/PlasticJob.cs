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

/// <summary>A plastic <c>network</c> run (<c>--model polychronization</c>): run, then write spikes, summary, pictures, snapshots and the manifest.</summary>
internal static class PlasticJob
{
    /// <summary>Every output the run writes.</summary>
    public static IReadOnlyList<string> Planned(ResolvedPlastic spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var names = new List<string> { "spikes.csv", "summary.json", "raster.png", "raster.svg", "weights.png", "weights.svg" };
        foreach (int second in spec.SnapshotAt)
        {
            var (w, sd, state) = ResolvedPlastic.SnapshotFiles(second);
            names.AddRange([w, sd, state]);
        }

        return names;
    }

    /// <summary>Runs the network (a progress line per tenth on <paramref name="progress"/> when it lasts 10 s or more) and writes its files into <paramref name="set"/>, committing it.</summary>
    public static Either<RunFailure, (PlasticResult Result, ArtifactWriter.Written Files)> Produce(ResolvedPlastic spec, OutputSet set, TextWriter? progress)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var hook = PlasticArtifacts.Progress(progress, spec.Seconds);
        var rule = PlasticityRule.Spnet2006;
        var result = PlasticSimulation.Run(spec.Network, rule, spec.Seconds, spec.SnapshotAt.AsSpan(), spec.Threads, hook);
        if (result.Status is RunStatus.NonFinite nf)
        {
            return RunFailure.NonFinite(nf, $"neuron {nf.Neuron}");
        }

        var network = spec.Network;
        int n = network.Neurons.Count;
        int last = Math.Max(0, spec.Steps - 1000);
        string title = $"polychronization network (Izhikevich 2006), second {spec.Seconds}";
        var files = new List<Artifact>
        {
            PlasticArtifacts.Spikes(result.SpikeSteps, result.SpikeNeurons, spec.Steps),
            Artifact.Json("summary.json", w => PlasticOutputs.WriteSummary(w, spec, result)),
        };
        files.AddRange(PlasticArtifacts.Raster(title, network.Neurons.Count, network.Neurons.Excitatory, result.SpikeSteps, result.SpikeNeurons, spec.Steps, last));
        files.AddRange(PlasticArtifacts.Picture("weights", WeightDistributionPlot.Create(result, rule.MaxWeight), WeightDistributionPlot.Width, WeightDistributionPlot.Height));
        foreach (var snapshot in result.Snapshots)
        {
            files.AddRange(PlasticOutputs.Snapshot(snapshot, n, network.SynapsesPerNeuron));
        }

        return (result, ArtifactWriter.Write(set, NetworkCommand.Name, w => PlasticResolver.Write(w, spec), files));
    }

    /// <summary>The report on stdout.</summary>
    public static int Report(ResolvedPlastic spec, (PlasticResult Result, ArtifactWriter.Written Files) written, TextWriter stdout, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(stdout);
        if (quiet)
        {
            return ExitCodes.Ok;
        }

        stdout.WriteLine($"simulated {ResolvedPlastic.Model}: {spec.Network.Neurons.Count} neurons, {spec.Network.Targets.Length} plastic-delay synapses, {spec.Seconds} s, {written.Result.SpikeCount} spikes");
        written.Files.ReportFiles(stdout);
        return ExitCodes.Ok;
    }
}

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
        int reported = 0;
        Action<int>? hook = progress is null || spec.Seconds < 10 ? null : done =>
        {
            int tenth = 10 * done / spec.Seconds;
            if (tenth > reported)
            {
                reported = tenth;
                progress.WriteLine($"network: {done}/{spec.Seconds} s ({tenth * 10}%)");
            }
        };
        var rule = PlasticityRule.Spnet2006;
        var result = PlasticSimulation.Run(spec.Network, rule, spec.Seconds, spec.SnapshotAt.AsSpan(), spec.Threads, hook);
        if (result.Status is RunStatus.NonFinite nf)
        {
            return RunFailure.NonFinite(nf, $"neuron {nf.Neuron}");
        }

        var network = spec.Network;
        int n = network.Neurons.Count;
        int last = Math.Max(0, spec.Steps - 1000);
        var grid = TimeGrid.FromSteps(NetworkSimulation.StepMs, spec.Steps).Match(Succ: x => x, Fail: _ => throw new InvalidOperationException("the resolver bounds the steps"));
        string title = $"polychronization network (Izhikevich 2006), second {spec.Seconds}";
        var weights = WeightDistributionPlot.Create(result, rule.MaxWeight);
        var files = new List<Artifact>
        {
            Artifact.Text("spikes.csv", w => Csv.WriteSpikes(w, result.SpikeSteps.AsSpan(), result.SpikeNeurons.AsSpan(), grid)),
            Artifact.Json("summary.json", w => PlasticOutputs.WriteSummary(w, spec, result)),
            new("raster.png", s => s.Write(RasterPlot.Png(title, n, network.Neurons.Excitatory, result.SpikeSteps.AsSpan(), result.SpikeNeurons.AsSpan(), last, spec.Steps - last))),
            new("raster.svg", s => s.Write(RasterPlot.Svg(title, n, network.Neurons.Excitatory, result.SpikeSteps.AsSpan(), result.SpikeNeurons.AsSpan(), last, spec.Steps - last))),
            new("weights.png", PlotFiles.Png(weights, WeightDistributionPlot.Width, WeightDistributionPlot.Height)),
            new("weights.svg", Artifact.TextContent(w => w.Write(PlotFiles.RenumberClipPaths(weights.GetSvgXml(WeightDistributionPlot.Width, WeightDistributionPlot.Height))))),
        };
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
        foreach (string path in written.Files.Paths)
        {
            stdout.WriteLine($"wrote {path}");
        }

        stdout.WriteLine($"wrote {written.Files.ManifestPath} (manifest; check with: neurofold replay {written.Files.ManifestPath})");
        return ExitCodes.Ok;
    }
}

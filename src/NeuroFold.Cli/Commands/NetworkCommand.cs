using System.CommandLine;
using System.Globalization;
using LanguageExt;
using NeuroFold.Cli.Execution;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Output.Transactions;
using NeuroFold.Cli.Plots;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Networks;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using NeuroFold.IO.Files;
using static NeuroFold.Cli.Commands.Vocabulary;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold network</c>: the 2003 network or a sparse one; spikes, summary, raster and manifest out.</summary>
internal static class NetworkCommand
{
    /// <summary>The command's name, in manifests.</summary>
    public const string Name = "network";

    /// <summary>Runs longer than this many neuron-steps report progress on stderr.</summary>
    const long ProgressThreshold = 20_000_000;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = Text("--model", "NAME", "izhikevich2003 (the paper's 1000-neuron network, dense, no delays; default), sparse (K random partners, delays 1..max-delay ms) polychronization (Izhikevich 2006: STDP with axonal delays, spnet.m bit for bit) or dopamine-stdp (Izhikevich 2007: dopamine-modulated STDP, one rewarded synapse, daspnet.m)");
        var tMax = TMax($"{NetworkResolver.DefaultTMaxMs}, or the rows of --input-file; a whole number: one 1 ms step per ms");
        var seed = Seed();
        var neurons = Text("--neurons", "N", $"neuron count (default 1000 for izhikevich2003, {NetworkResolver.DefaultSparseNeurons} for sparse)");
        var table = Text("--neuron-table", "P.csv", "a CSV 'neuron,a,b,c,d' replacing the generated neuron parameters");
        var k = Text("--k", "K", $"sparse: presynaptic partners per neuron (default {NetworkResolver.DefaultK})");
        var maxDelay = Text("--max-delay", "ms", $"sparse: delays are drawn from 1..max-delay ms (default {NetworkResolver.DefaultMaxDelay})");
        var g = Text("--g", "1", "sparse: extra weight scale (default 1: the paper's weights times 1000/K)");
        var weights = Text("--weights", "W.npy", "izhikevich2003: N x N float64 .npy, row = postsynaptic, column = presynaptic, replacing the generated S; polychronization: N x M float64 initial weights of each neuron's slots");
        var targets = Text("--targets", "T.npy", "polychronization: int32 N x M .npy, the 0-based target of slot j of neuron i (with --delays, --weights and --drive, replacing the generated network)");
        var delays = Text("--delays", "D.npy", "polychronization: int32 N x M .npy, the delay of each slot, 1..20 ms");
        var drive = Text("--drive", "K.npy", "polychronization: int32 .npy, the 0-based neuron that gets the thalamic input (20) at each 1 ms step");
        var snapshotAt = Text("--snapshot-at", "S,S,...", "polychronization: seconds after whose weight update weights-SSSSs.npy, sd-SSSSs.npy and state-SSSSs.npy (v, u) are written");
        var plasticity = Text("--plasticity", "RULE", "sparse: none (default) or stdp (spnet.m's STDP on the excitatory synapses: traces 0.1/0.95, LTD 1.2, weights updated every second with drift 0.01, sd decay 0.9, bounds 0..g*1000/K); writes DIR/weights.png and DIR/weights.svg too");
        var input = Deprecated(Text("--input-file", "I.npy", "steps x N float64 .npy: the external input of every step, replacing the thalamic noise"), "--input");
        var threads = Threads();
        var outDir = Out(Name);
        var quiet = Quiet();
        var maxMemory = MaxMemory();

        var command = new Command(
            Name,
            "Simulate a network with Izhikevich's net.m update (1 ms steps, t = 1 … t_max); writes DIR/spikes.csv, DIR/summary.json, DIR/raster.png, " +
            "DIR/raster.svg and the manifest DIR/run.json (polychronization also DIR/weights.png, DIR/weights.svg and the snapshots; dopamine-stdp DIR/rewarded.png and DIR/rewarded.svg). Exit codes: 0 ok, 2 invalid input, 3 non-finite run.");
        foreach (var o in new System.CommandLine.Option[] { model, tMax, seed, neurons, table, k, maxDelay, g, weights, targets, delays, drive, snapshotAt, plasticity, input, threads, outDir, maxMemory, quiet })
        {
            command.Options.Add(o);
        }

        command.SetAction(r =>
        {
            string? count = r.GetValue(neurons);
            string? tablePath = r.GetValue(table);
            if (count is not null && tablePath is null && !int.TryParse(count, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) && File.Exists(count))
            {
                stderr.WriteLine("warning: --neurons P.csv is deprecated; use --neuron-table P.csv");
                (count, tablePath) = (null, count);
            }

            return Execute(
                new NetworkOptions(
                    r.GetValue(model), r.GetValue(tMax), r.GetValue(seed), count, Given(tablePath), r.GetValue(k), r.GetValue(maxDelay),
                    r.GetValue(g), Given(r.GetValue(weights)), Given(r.GetValue(input)), r.GetValue(threads), r.GetValue(outDir),
                    Given(r.GetValue(targets)), Given(r.GetValue(delays)), Given(r.GetValue(drive)), r.GetValue(snapshotAt), r.GetValue(plasticity)),
                r.GetValue(maxMemory),
                stdout,
                stderr,
                r.GetValue(quiet));
        });
        return command;
    }

    static RecordedFile? Given(string? path) => path is null ? null : new RecordedFile(path, null);

    /// <summary>Validates, runs and writes; returns the exit code.</summary>
    public static int Execute(NetworkOptions options, string? maxMemory, TextWriter stdout, TextWriter stderr, bool quiet) =>
        NetworkResolver.IsDopamine(options?.Model) ? ExecuteDopamine(options!, maxMemory, stdout, stderr, quiet) :
        NetworkResolver.IsPlastic(options?.Model) ? ExecutePlastic(options!, maxMemory, stdout, stderr, quiet) : NetworkResolver.Resolve(options!, FieldNames.Flags, Budget.Resolve("--max-memory", maxMemory)).Match(
            Succ: spec => spec.Stdp
                ? Outputs.Into(FieldNames.Flags.Of("out"), spec.OutDir, SparsePlasticJob.Planned, stderr, set => SparsePlasticJob.Produce(spec, set, quiet ? null : stderr).Match(
                    Right: written => SparsePlasticJob.Report(spec, written, stdout, quiet),
                    Left: failure => failure.Report(stderr)))
                : Outputs.Into(FieldNames.Flags.Of("out"), spec.OutDir, Planned, stderr, set => Produce(spec, set, quiet ? null : stderr).Match(
                    Right: written => Report(spec, written, stdout, quiet),
                    Left: failure => failure.Report(stderr))),
            Fail: errors => Problems.Report(stderr, errors));

    /// <summary>The plastic model (<c>--model polychronization</c>): validates, runs and writes; returns the exit code.</summary>
    static int ExecutePlastic(NetworkOptions options, string? maxMemory, TextWriter stdout, TextWriter stderr, bool quiet) =>
        PlasticResolver.Resolve(options, FieldNames.Flags, Budget.Resolve("--max-memory", maxMemory)).Match(
            Succ: spec => Outputs.Into(FieldNames.Flags.Of("out"), spec.OutDir, PlasticJob.Planned(spec), stderr, set => PlasticJob.Produce(spec, set, quiet ? null : stderr).Match(
                Right: written => PlasticJob.Report(spec, written, stdout, quiet),
                Left: failure => failure.Report(stderr))),
            Fail: errors => Problems.Report(stderr, errors));

    /// <summary>The dopamine-STDP model (<c>--model dopamine-stdp</c>): validates, runs and writes; returns the exit code.</summary>
    static int ExecuteDopamine(NetworkOptions options, string? maxMemory, TextWriter stdout, TextWriter stderr, bool quiet) =>
        DopamineResolver.Resolve(options, FieldNames.Flags, Budget.Resolve("--max-memory", maxMemory)).Match(
            Succ: spec => Outputs.Into(FieldNames.Flags.Of("out"), spec.OutDir, DopamineJob.Planned, stderr, set => DopamineJob.Produce(spec, set, quiet ? null : stderr).Match(
                Right: written => DopamineJob.Report(spec, written, stdout, quiet),
                Left: failure => failure.Report(stderr))),
            Fail: errors => Problems.Report(stderr, errors));

    /// <summary>Every output a network run writes.</summary>
    public static IReadOnlyList<string> Planned { get; } = ["spikes.csv", "summary.json", "raster.png", "raster.svg"];

    /// <summary>Runs the network (with progress lines on <paramref name="progress"/> when long) and writes its files into <paramref name="set"/>, committing it.</summary>
    public static Either<RunFailure, (NetworkResult Result, ArtifactWriter.Written Files)> Produce(ResolvedNetwork spec, OutputSet set, TextWriter? progress)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var network = spec.Network;
        var run = Run(network, spec.Steps, spec.Threads, spec.SpikeBytes, progress);
        if (run.IsLeft)
        {
            return run.Match(Right: _ => throw new InvalidOperationException(), Left: f => f);
        }

        var result = run.Match(Right: r => r, Left: _ => throw new InvalidOperationException());
        if (result.Status is RunStatus.NonFinite nf)
        {
            return RunFailure.NonFinite(nf, $"neuron {nf.Neuron}");
        }

        string title = spec.IsSparse
            ? $"sparse network, N = {network.Neurons.Count}, {network.Connectivity.SynapseCount} synapses"
            : $"Izhikevich (2003) network, N = {network.Neurons.Count}";
        var grid = TimeGrid.FromSteps(NetworkSimulation.StepMs, spec.Steps).Match(Succ: x => x, Fail: _ => throw new InvalidOperationException("the resolver bounds the steps"));
        var files = new List<Artifact>
        {
            Artifact.Text("spikes.csv", w => Csv.WriteSpikes(w, result.SpikeSteps.AsSpan(), result.SpikeNeurons.AsSpan(), grid)),
            Artifact.Json("summary.json", w => NetworkOutputs.WriteSummary(w, spec.Model, network, result, spec.Steps)),
            new("raster.png", s => s.Write(RasterPlot.Png(title, network, result, spec.Steps))),
            new("raster.svg", s => s.Write(RasterPlot.Svg(title, network, result, spec.Steps))),
        };
        return (result, ArtifactWriter.Write(set, Name, w => NetworkResolver.Write(w, spec), files));
    }

    /// <summary>Bytes a network spike takes while held (its step and neuron, the lists' growth, the final copy).</summary>
    const int BytesPerSpike = 24;

    /// <summary>Runs the network within <paramref name="spikeBytes"/> of spikes; when it is long, with a progress line on <paramref name="progress"/> at every tenth.</summary>
    /// <remarks>
    /// When every neuron firing at every step would fit, the run is one call; otherwise it goes in segments whose
    /// worst case fits (the network is resumable: segments give the bytes of one run) and stops, writing nothing, once
    /// the spikes held take more than half the allowance.
    /// </remarks>
    static Either<RunFailure, NetworkResult> Run(Network network, int steps, int threads, long spikeBytes, TextWriter? progress)
    {
        int n = network.Neurons.Count;
        long work = (long)n * steps;
        int reported = 0;
        int offset = 0;
        Action<int>? hook = progress is null || work < ProgressThreshold || steps < 20 ? null : done =>
        {
            int tenth = (int)(10L * (offset + done) / steps);
            if (tenth > reported)
            {
                reported = tenth;
                progress.WriteLine($"network: {offset + done}/{steps} ms ({tenth * 10}%)");
            }
        };
        if ((double)work * BytesPerSpike <= spikeBytes)
        {
            return NetworkSimulation.Run(network, NetworkState.Initial(network), steps, threads, hook);
        }

        int segment = (int)Math.Clamp(spikeBytes / 2 / BytesPerSpike / Math.Max(1, n), 1, steps);
        var state = NetworkState.Initial(network);
        var spikeSteps = new List<int>();
        var spikeNeurons = new List<int>();
        RunStatus status = new RunStatus.Completed();
        int ran = 0;
        while (offset < steps)
        {
            int count = Math.Min(segment, steps - offset);
            var part = NetworkSimulation.Run(network, state, count, threads, hook);
            spikeSteps.AddRange(part.SpikeSteps);
            spikeNeurons.AddRange(part.SpikeNeurons);
            state = part.Final;
            status = part.Status;
            ran += part.StepCount;
            offset += count;
            if (!status.IsCompleted)
            {
                break;
            }

            if ((long)spikeSteps.Count * BytesPerSpike > spikeBytes / 2)
            {
                return new RunFailure(
                    $"the network produced {spikeSteps.Count} spikes by {offset} ms, more than the memory budget leaves for them ({Bytes.Describe(spikeBytes)}); nothing was written. Raise --max-memory, or run fewer neurons or a shorter --t-max",
                    ExitCodes.InvalidInput);
            }
        }

        return new NetworkResult([.. spikeSteps], [.. spikeNeurons], state, status, 0, ran);
    }

    static int Report(ResolvedNetwork spec, (NetworkResult Result, ArtifactWriter.Written Files) written, TextWriter stdout, bool quiet)
    {
        if (quiet)
        {
            return ExitCodes.Ok;
        }

        var network = spec.Network;
        stdout.WriteLine($"simulated {spec.Model}: {network.Neurons.Count} neurons, {network.Connectivity.SynapseCount} synapses, {spec.Steps} steps of 1 ms, {written.Result.SpikeCount} spikes");
        written.Files.ReportFiles(stdout);
        return ExitCodes.Ok;
    }
}

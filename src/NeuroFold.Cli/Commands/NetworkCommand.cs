using System.CommandLine;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Plots;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Networks;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold network</c>: the 2003 network or a sparse one; spikes, summary, raster and manifest out.</summary>
internal static class NetworkCommand
{
    /// <summary>Runs longer than this many neuron-steps report progress on stderr.</summary>
    const long ProgressThreshold = 20_000_000;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = Text("--model", "NAME", "izhikevich2003 (the paper's 1000-neuron network, dense, no delays; default) or sparse (K random partners, delays 1..max-delay ms)");
        var tMax = Text("--t-max", "ms", $"run length in ms = steps of 1 ms (default {NetworkResolver.DefaultTMaxMs}, or the rows of --input)");
        var seed = Text("--seed", "N", "seed of every random number: parameters, weights, partners, delays, thalamic noise (default 1)");
        var neurons = Text("--neurons", "N|P.csv", $"neuron count (default 1000 for izhikevich2003, {NetworkResolver.DefaultSparseNeurons} for sparse) or a CSV 'neuron,a,b,c,d' replacing the generated parameters");
        var k = Text("--k", "K", $"sparse: presynaptic partners per neuron (default {NetworkResolver.DefaultK})");
        var maxDelay = Text("--max-delay", "ms", $"sparse: delays are drawn from 1..max-delay ms (default {NetworkResolver.DefaultMaxDelay})");
        var g = Text("--g", "1", "sparse: extra weight scale (default 1: the paper's weights times 1000/K)");
        var weights = Text("--weights", "W.npy", "izhikevich2003: N x N float64 .npy, row = postsynaptic, column = presynaptic, replacing the generated S");
        var input = Text("--input", "I.npy", "steps x N float64 .npy: the external input of every step, replacing the thalamic noise");
        var threads = Text("--threads", "N", "worker threads (default 1); results are identical for every thread count");
        var outDir = Text("--out", "DIR", $"output folder (default {NetworkResolver.DefaultOut})");

        var command = new Command("network", "Simulate a network with Izhikevich's net.m update (1 ms steps); writes DIR/spikes.csv, summary.json, raster.png, raster.svg and run.json.");
        foreach (var o in new Option[] { model, tMax, seed, neurons, k, maxDelay, g, weights, input, threads, outDir })
        {
            command.Options.Add(o);
        }

        command.SetAction(r => Execute(
            new NetworkOptions(
                r.GetValue(model), r.GetValue(tMax), r.GetValue(seed), r.GetValue(neurons), r.GetValue(k), r.GetValue(maxDelay),
                r.GetValue(g), r.GetValue(weights), r.GetValue(input), r.GetValue(threads), r.GetValue(outDir)),
            stdout,
            stderr));
        return command;
    }

    static Option<string?> Text(string name, string helpName, string description) =>
        new(name) { Description = description, HelpName = helpName };

    /// <summary>Validates, runs and writes; returns the exit code.</summary>
    public static int Execute(NetworkOptions options, TextWriter stdout, TextWriter stderr) =>
        NetworkResolver.Resolve(options).Match(
            Succ: spec => Run(spec, stdout, stderr),
            Fail: errors => Problems.Report(stderr, errors));

    /// <summary>Runs the network, in chunks with progress lines on stderr when the run is long.</summary>
    public static NetworkResult RunWithProgress(Network network, int steps, int threads, TextWriter? progress)
    {
        long work = (long)network.Neurons.Count * steps;
        if (progress is null || work < ProgressThreshold || steps < 20)
        {
            return NetworkSimulation.Run(network, steps, threads);
        }

        const int Chunks = 10;
        var state = NetworkState.Initial(network);
        var stepsList = new List<int>();
        var neuronsList = new List<int>();
        NetworkResult last = null!;
        for (int chunk = 0; chunk < Chunks; chunk++)
        {
            int end = (int)((long)steps * (chunk + 1) / Chunks);
            last = NetworkSimulation.Run(network, state, end - state.StepsDone, threads);
            stepsList.AddRange(last.SpikeSteps);
            neuronsList.AddRange(last.SpikeNeurons);
            state = last.Final;
            progress.WriteLine($"network: {state.StepsDone}/{steps} ms ({(chunk + 1) * 100 / Chunks}%), {neuronsList.Count} spikes");
            if (!last.Status.IsCompleted)
            {
                break;
            }
        }

        return new NetworkResult([.. stepsList], [.. neuronsList], last.Final, last.Status);
    }

    static int Run(ResolvedNetwork spec, TextWriter stdout, TextWriter stderr)
    {
        var network = spec.Network;
        var result = RunWithProgress(network, spec.Steps, spec.Threads, stderr);
        if (result.Status is RunStatus.NonFinite nf)
        {
            stderr.WriteLine($"error: the run left the finite range at step {nf.Step} (t = {Numbers.Format(nf.TimeMs)} ms), neuron {nf.Neuron}; nothing was written");
            return ExitCodes.NonFinite;
        }

        string title = spec.Model == "sparse"
            ? $"sparse network, N = {network.Neurons.Count}, {network.Connectivity.SynapseCount} synapses"
            : $"Izhikevich (2003) network, N = {network.Neurons.Count}";
        var files = new List<(string Name, byte[] Bytes)>
        {
            ("spikes.csv", NetworkOutputs.SpikesCsv(result)),
            ("summary.json", NetworkOutputs.SummaryJson(spec.Model, network, result, spec.Steps)),
            ("raster.png", RasterPlot.Png(title, network, result, spec.Steps)),
            ("raster.svg", RasterPlot.Svg(title, network, result, spec.Steps)),
        };
        files.Add(("run.json", NetworkOutputs.RunJson(spec.Spec, files)));
        var written = AtomicWriter.WriteAll(files.ConvertAll(f => (Path.Combine(spec.OutDir, f.Name), (Action<Stream>)(s => s.Write(f.Bytes)))));

        stdout.WriteLine($"simulated {spec.Model}: {network.Neurons.Count} neurons, {network.Connectivity.SynapseCount} synapses, {spec.Steps} steps of 1 ms, {result.SpikeCount} spikes");
        foreach (string path in written)
        {
            stdout.WriteLine($"wrote {path}");
        }

        return ExitCodes.Ok;
    }
}

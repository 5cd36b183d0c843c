using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Networks;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold bench net2003|sparse</c>: times a network run and prints one JSON line (workloads W3 and W4 of bench/peers).</summary>
/// <remarks>
/// <c>run_s</c> is the wall time of the simulation only (after building the network and a 20-step warm-up run that
/// compiles the code), the same quantity Brian2's peer scripts report as <c>run_s</c>. Synaptic events count, for
/// every spike, the synapses whose delivery step falls inside the run (dense: N per spike, as W3 counts them).
/// </remarks>
internal static class NetworkBenchCommand
{
    /// <summary>The network workloads W3 and W4, as subcommands of <c>bench</c>.</summary>
    public static IEnumerable<Command> Workloads(TextWriter stdout, TextWriter stderr)
    {
        yield return Workload("net2003", "W3: the Izhikevich (2003) network, dense, 1 ms steps (default 1000 neurons, 1000 ms)", stdout, stderr);
        yield return Workload("sparse", "W4: the sparse network, K partners per neuron (default 10000 neurons, K = 100, delay 1 ms, 1000 ms)", stdout, stderr);
    }

    static Command Workload(string name, string description, TextWriter stdout, TextWriter stderr)
    {
        var neurons = new Option<string?>("--neurons") { Description = "neuron count", HelpName = "N" };
        var k = new Option<string?>("--k") { Description = "sparse: partners per neuron (default 100)", HelpName = "K" };
        var maxDelay = new Option<string?>("--max-delay") { Description = "sparse: delays 1..max-delay ms (default 1, as W4)", HelpName = "ms" };
        var threads = new Option<string?>("--threads") { Description = "worker threads (default 1)", HelpName = "T" };
        var seed = new Option<string?>("--seed") { Description = "seed (default 1)", HelpName = "N" };
        var tMax = new Option<string?>("--t-max") { Description = "network time in ms (default 1000)", HelpName = "ms" };
        var command = new Command(name, description);
        foreach (var o in new Option[] { neurons, k, maxDelay, threads, seed, tMax })
        {
            command.Options.Add(o);
        }

        command.SetAction(r =>
        {
            var options = new NetworkOptions(
                name == "net2003" ? "izhikevich2003" : "sparse", r.GetValue(tMax), r.GetValue(seed), r.GetValue(neurons), r.GetValue(k),
                r.GetValue(maxDelay) ?? "1", null, null, null, r.GetValue(threads), null);
            var build = Stopwatch.StartNew();
            return NetworkResolver.Resolve(options).Match(
                Succ: spec => Measure(name, spec, build.Elapsed.TotalSeconds, stdout),
                Fail: errors => Problems.Report(stderr, errors));
        });
        return command;
    }

    static int Measure(string workload, ResolvedNetwork spec, double buildS, TextWriter stdout)
    {
        var network = spec.Network;
        NetworkSimulation.Run(network, Math.Min(20, spec.Steps), spec.Threads);
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = NetworkSimulation.Run(network, spec.Steps, spec.Threads);
        double runS = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpuS = (process.TotalProcessorTime - cpu0).TotalSeconds;

        long events = SynapticEvents(network.Connectivity, result, spec.Steps);
        int n = network.Neurons.Count;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("workload", workload);
            w.WriteString("tool", "neurofold");
            w.WriteNumber("n", n);
            w.WriteNumber("steps", spec.Steps);
            w.WriteNumber("threads", spec.Threads);
            w.WriteNumber("run_s", Math.Round(runS, 6));
            w.WriteNumber("cpu_s", Math.Round(cpuS, 6));
            w.WriteNumber("build_s", Math.Round(buildS, 6));
            w.WriteNumber("spikes", result.SpikeCount);
            w.WriteNumber("rate_exc_hz", PopulationRate.MeanHz(result, 0, network.Neurons.Excitatory, spec.Steps, NetworkSimulation.StepMs));
            w.WriteNumber("rate_inh_hz", PopulationRate.MeanHz(result, network.Neurons.Excitatory, n, spec.Steps, NetworkSimulation.StepMs));
            w.WriteNumber("synapses", network.Connectivity.SynapseCount);
            w.WriteNumber("syn_events", events);
            w.WriteNumber("syn_events_per_s", Math.Round(events / runS));
            w.WriteNumber("neuron_steps_per_s", Math.Round((double)n * spec.Steps / runS));
            foreach (var (key, value) in spec.Spec)
            {
                if (key is "k" or "max_delay_ms" or "seed")
                {
                    w.WriteString(key, value);
                }
            }

            w.WriteNumber("cpu_count", Environment.ProcessorCount);
            w.WriteString("loadavg", LoadAverage());
            w.WriteEndObject();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        return result.Status.IsCompleted ? ExitCodes.Ok : ExitCodes.NonFinite;
    }

    /// <summary>Synapses delivered within the run: for each spike at t, those with t + delay ≤ steps.</summary>
    static long SynapticEvents(Connectivity connectivity, NetworkResult result, int steps)
    {
        long events = 0;
        switch (connectivity)
        {
            case Connectivity.Dense dense:
                foreach (int t in result.SpikeSteps)
                {
                    if (t + dense.DelaySteps <= steps)
                    {
                        events += dense.Neurons;
                    }
                }

                break;
            case Connectivity.Sparse sparse:
                var rows = sparse.RowStart;
                var delays = sparse.DelaysSteps;
                for (int x = 0; x < result.SpikeCount; x++)
                {
                    int t = result.SpikeSteps[x];
                    int j = result.SpikeNeurons[x];
                    if (t + sparse.MaxDelaySteps <= steps)
                    {
                        events += rows[j + 1] - rows[j];
                        continue;
                    }

                    for (int s = rows[j]; s < rows[j + 1]; s++)
                    {
                        if (t + delays[s] <= steps)
                        {
                            events++;
                        }
                    }
                }

                break;
            default:
                break;
        }

        return events;
    }

    static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Bench;
using NeuroFold.Cli.Execution;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Networks;
using NeuroFold.Core.Populations;
using NeuroFold.Core.Stimuli;
using static LanguageExt.Prelude;
using static NeuroFold.Cli.Commands.Vocabulary;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold bench single|population|izhikevich2003|sparse</c>: NeuroFold's side of the peer workloads W1–W4, one JSON line.</summary>
/// <remarks>
/// The line is in the peer scripts' schema (<c>bench/peers</c>: snake_case keys, <c>run_s</c> the wall time of the
/// simulation alone), so the two sides compare field by field; it also names the CPU and the vector width used.
/// </remarks>
internal static class BenchCommand
{
    /// <summary>The <c>bench</c> command and its four workloads.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var bench = new Command("bench", "Time NeuroFold on a peer workload (W1 single, W2 population, W3 izhikevich2003, W4 sparse) and print one JSON line. Exit codes: 0 ok, 2 invalid input, 3 non-finite run.");
        bench.Subcommands.Add(Population("single", "W1: one neuron, Jaxley scheme, dt 0.1 ms, t_max 100000 ms (10^6 steps), spikes counted, no traces", stdout, stderr));
        bench.Subcommands.Add(Population("population", "W2: N heterogeneous Izhikevich (2003) neurons, Jaxley scheme, dt 0.1 ms, t_max 1000 ms (10^4 steps), spikes counted, no traces", stdout, stderr));
        bench.Subcommands.Add(Network(NetworkResolver.Izhikevich2003, "W3: the Izhikevich (2003) network, dense, 1 ms steps (default 1000 neurons, 1000 ms)", stdout, stderr, "net2003"));
        bench.Subcommands.Add(Network(NetworkResolver.Sparse, "W4: the sparse network, K partners per neuron (default 10000 neurons, K = 100, delay 1 ms, 1000 ms)", stdout, stderr));
        bench.Subcommands.Add(Polychronization(stdout, stderr));
        return bench;
    }

    static Command Population(string workload, string description, TextWriter stdout, TextWriter stderr)
    {
        bool single = workload == "single";
        var neurons = Text("--neurons", "N", $"population size N (population only; default {BenchWorkloads.W2Neurons})");
        var dt = Dt($"{Numbers.Format(BenchWorkloads.DtMs)}, the workload's");
        var tMax = TMax($"{Numbers.Format(single ? BenchWorkloads.W1TMaxMs : BenchWorkloads.W2TMaxMs)}, the workload's; steps = floor(t_max/dt)+1");
        var steps = Text("--steps", "K", "deprecated: run exactly K steps (use --t-max)");
        var threads = Threads();
        var seed = Seed();
        var quiet = Quiet();
        var maxMemory = MaxMemory();
        var command = new Command(workload, description);
        foreach (var o in new System.CommandLine.Option[] { neurons, dt, tMax, steps, threads, seed, maxMemory, quiet })
        {
            command.Options.Add(o);
        }

        command.SetAction(r =>
        {
            if (r.GetValue(steps) is not null)
            {
                stderr.WriteLine("warning: --steps is deprecated; use --t-max (steps = floor(t_max/dt)+1)");
            }

            return Measure(single, r.GetValue(neurons), r.GetValue(dt), r.GetValue(tMax), r.GetValue(steps), r.GetValue(threads), r.GetValue(seed), r.GetValue(maxMemory), stdout, stderr);
        });
        return command;
    }

    static int Measure(bool single, string? neuronsText, string? dtText, string? tMaxText, string? stepsText, string? threadsText, string? seedText, string? maxMemoryText, TextWriter stdout, TextWriter stderr)
    {
        var names = FieldNames.Flags;
        var count = single && neuronsText is not null && neuronsText.Trim() != "1"
            ? Fail<Error, int>(Error.New("--neurons applies to 'population' only (W1 has one neuron)"))
            : Fields.WholeNumber(names.Of("neurons"), neuronsText, single ? 1 : BenchWorkloads.W2Neurons, 1, 100_000_000);
        var dt = Fields.Positive(names.Of("dt"), dtText, BenchWorkloads.DtMs);
        var grid = stepsText is not null
            ? (dt, Fields.WholeNumber(names.Of("steps"), stepsText, 0, 1, TimeGrid.MaxSteps)).Apply((d, k) => (d, k)).Bind(x => TimeGrid.FromSteps(x.d, x.k))
            : (dt, Fields.NonNegative(names.Of("tMax"), tMaxText, single ? BenchWorkloads.W1TMaxMs : BenchWorkloads.W2TMaxMs)).Apply((d, t) => (d, t))
                .Bind(x => TimeGrid.Create(x.d, x.t).MapFail(e => Error.New($"{names.Of("dt")}/{names.Of("tMax")}: {e.Message}")));
        var run = (count, grid, Fields.Threads(names.Of("threads"), threadsText), Fields.Seed(names.Of("seed"), seedText), Budget.Resolve("--max-memory", maxMemoryText))
            .Apply((n, g, t, s, b) => (N: n, Grid: g, Threads: t, Seed: s, Budget: b))
            .Bind(x => x.Budget.CheckMemory("--max-memory", Estimates.BenchPopulation(x.N), "fewer --neurons").Map(_ => x));
        return run.Match(
            Succ: x =>
            {
                var population = single ? BenchWorkloads.Single() : BenchWorkloads.Heterogeneous(x.N, x.Seed);
                var options = new PopulationOptions(x.Threads, PopulationOptions.DefaultBlockSize, VectorWidth.Auto, RecordSpikes: single);
                var (result, seconds) = BenchWorkloads.Time(population, x.Grid, options);
                if (!result.Status.IsCompleted)
                {
                    stderr.WriteLine("error: the run left the finite range");
                    return ExitCodes.NonFinite;
                }

                int n = population.Count;
                int ne = single ? 1 : Izhikevich2003Population.Excitatory(n, 0.8);
                double durationS = x.Grid.DurationMs * 1e-3;
                long exc = 0;
                long inh = 0;
                for (int i = 0; i < n; i++)
                {
                    if (i < ne)
                    {
                        exc += result.SpikeCounts[i];
                    }
                    else
                    {
                        inh += result.SpikeCounts[i];
                    }
                }

                Line(stdout, w =>
                {
                    w.WriteString("workload", single ? "W1" : "W2");
                    w.WriteString("tool", "neurofold");
                    w.WriteNumber("n", n);
                    w.WriteNumber("steps", x.Grid.Steps);
                    w.WriteNumber("dt_ms", x.Grid.DtMs);
                    w.WriteNumber("threads", single ? 1 : x.Threads); // one neuron is one block: one thread steps it
                    w.WriteNumber("run_s", seconds);
                    w.WriteNumber("neuron_steps_per_s", (double)n * x.Grid.Steps / seconds);
                    w.WriteNumber("ns_per_step", seconds / x.Grid.Steps * 1e9);
                    w.WriteNumber("spikes", exc + inh);
                    Rate(w, "rate_exc_hz", exc, ne, durationS);
                    Rate(w, "rate_inh_hz", inh, n - ne, durationS);
                    w.WriteString("vector_width", PopulationSimulation.Resolve(VectorWidth.Auto, n).ToString());
                });
                return ExitCodes.Ok;
            },
            Fail: errors => Problems.Report(stderr, errors));
    }

    static Command Network(string model, string description, TextWriter stdout, TextWriter stderr, string? oldName = null)
    {
        var neurons = Text("--neurons", "N", "neuron count (default 1000 for izhikevich2003, 10000 for sparse)");
        var k = Text("--k", "K", "sparse: partners per neuron (default 100)");
        var maxDelay = Text("--max-delay", "ms", "sparse: delays 1..max-delay ms (default 1, as W4)");
        var threads = Threads();
        var seed = Seed();
        var tMax = TMax("1000; a whole number: one 1 ms step per ms");
        var quiet = Quiet();
        var maxMemory = MaxMemory();
        var command = new Command(model, description);
        if (oldName is not null)
        {
            command.Aliases.Add(oldName);
        }

        foreach (var o in new System.CommandLine.Option[] { neurons, k, maxDelay, threads, seed, tMax, maxMemory, quiet })
        {
            command.Options.Add(o);
        }

        command.SetAction(r =>
        {
            var options = new NetworkOptions(
                model, r.GetValue(tMax), r.GetValue(seed), r.GetValue(neurons), null, r.GetValue(k),
                r.GetValue(maxDelay) ?? "1", null, null, null, r.GetValue(threads), null);
            var build = Stopwatch.StartNew();
            return NetworkResolver.Resolve(options, FieldNames.Flags, Budget.Resolve("--max-memory", r.GetValue(maxMemory))).Match(
                Succ: spec => MeasureNetwork(model, spec, build.Elapsed.TotalSeconds, stdout),
                Fail: errors => Problems.Report(stderr, errors));
        });
        return command;
    }

    /// <summary><c>bench polychronization</c>: Izhikevich's polychronization network with STDP (generated from the seed), wall time per simulated second.</summary>
    static Command Polychronization(TextWriter stdout, TextWriter stderr)
    {
        var threads = Threads();
        var seed = Seed();
        var tMax = TMax("10000; whole seconds");
        var quiet = Quiet();
        var maxMemory = MaxMemory();
        var command = new Command(NetworkResolver.Polychronization, "The polychronization network (Izhikevich 2006, spnet.m): 1000 neurons, 100 plastic synapses each with delays 1..20 ms, STDP, weights updated every second (default 10 s)");
        foreach (var o in new System.CommandLine.Option[] { threads, seed, tMax, maxMemory, quiet })
        {
            command.Options.Add(o);
        }

        command.SetAction(r =>
        {
            var options = NetworkOptions.Empty with { Model = NetworkResolver.Polychronization, TMax = r.GetValue(tMax) ?? "10000", Seed = r.GetValue(seed), Threads = r.GetValue(threads) };
            var build = Stopwatch.StartNew();
            return PlasticResolver.Resolve(options, FieldNames.Flags, Budget.Resolve("--max-memory", r.GetValue(maxMemory))).Match(
                Succ: spec => MeasurePlastic(spec, build.Elapsed.TotalSeconds, stdout),
                Fail: errors => Problems.Report(stderr, errors));
        });
        return command;
    }

    static int MeasurePlastic(ResolvedPlastic spec, double buildS, TextWriter stdout)
    {
        var rule = PlasticityRule.Spnet2006;
        PlasticSimulation.Run(spec.Network, rule, 1, [], spec.Threads, null);
        var (result, runS, cpuS) = Timed(() => PlasticSimulation.Run(spec.Network, rule, spec.Seconds, [], spec.Threads, null));
        int n = spec.Network.Neurons.Count;
        long exc = 0;
        foreach (var second in result.Seconds)
        {
            exc += second.ExcitatorySpikes;
        }

        Line(stdout, w =>
        {
            NetworkHeader(w, "polychronization", NetworkResolver.Polychronization, n, spec.Steps, spec.Threads, runS, cpuS, buildS);
            w.WriteNumber("ms_per_simulated_s", Math.Round(1000 * runS / spec.Seconds, 4));
            w.WriteNumber("spikes", result.SpikeCount);
            Rate(w, "rate_exc_hz", exc, spec.Network.Neurons.Excitatory, spec.Seconds);
            Rate(w, "rate_inh_hz", result.SpikeCount - exc, spec.Network.Neurons.Inhibitory, spec.Seconds);
            w.WriteNumber("synapses", spec.Network.Targets.Length);
            w.WriteNumber("mean_exc_weight_final", result.Seconds.IsEmpty ? 0 : result.Seconds[^1].MeanExcitatoryWeight);
            w.WriteNumber("neuron_steps_per_s", Math.Round((double)n * spec.Steps / runS));
            w.WriteNumber("seed", spec.Seed);
            w.WriteNumber("cpu_count", Environment.ProcessorCount);
            w.WriteString("loadavg", LoadAverage());
            w.WriteString("vector_width", PopulationSimulation.Resolve(VectorWidth.Auto).ToString());
        });
        return result.Status.IsCompleted ? ExitCodes.Ok : ExitCodes.NonFinite;
    }

    /// <summary>Runs <paramref name="run"/> once, measuring its wall time and this process's CPU time over it, seconds.</summary>
    static (T Result, double RunS, double CpuS) Timed<T>(Func<T> run)
    {
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = run();
        double runS = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (result, runS, (process.TotalProcessorTime - cpu0).TotalSeconds);
    }

    /// <summary>The fields every network benchmark line starts with, in this order.</summary>
    static void NetworkHeader(Utf8JsonWriter w, string workload, string model, int n, int steps, int threads, double runS, double cpuS, double buildS)
    {
        w.WriteString("workload", workload);
        w.WriteString("model", model);
        w.WriteString("tool", "neurofold");
        w.WriteNumber("n", n);
        w.WriteNumber("steps", steps);
        w.WriteNumber("threads", threads);
        w.WriteNumber("run_s", Math.Round(runS, 6));
        w.WriteNumber("cpu_s", Math.Round(cpuS, 6));
        w.WriteNumber("build_s", Math.Round(buildS, 6));
    }

    static int MeasureNetwork(string workload, ResolvedNetwork spec, double buildS, TextWriter stdout)
    {
        var network = spec.Network;
        NetworkSimulation.Run(network, Math.Min(20, spec.Steps), spec.Threads);
        var (result, runS, cpuS) = Timed(() => NetworkSimulation.Run(network, spec.Steps, spec.Threads));

        long events = SynapticEvents(network.Connectivity, result, spec.Steps);
        int n = network.Neurons.Count;
        Line(stdout, w =>
        {
            NetworkHeader(w, workload == NetworkResolver.Sparse ? "W4" : "W3", workload, n, spec.Steps, spec.Threads, runS, cpuS, buildS);
            w.WriteNumber("spikes", result.SpikeCount);
            w.WriteNumber("rate_exc_hz", PopulationRate.MeanHz(result, 0, network.Neurons.Excitatory, spec.Steps, NetworkSimulation.StepMs));
            w.WriteNumber("rate_inh_hz", PopulationRate.MeanHz(result, network.Neurons.Excitatory, n, spec.Steps, NetworkSimulation.StepMs));
            w.WriteNumber("synapses", network.Connectivity.SynapseCount);
            w.WriteNumber("syn_events", events);
            w.WriteNumber("syn_events_per_s", Math.Round(events / runS));
            w.WriteNumber("neuron_steps_per_s", Math.Round((double)n * spec.Steps / runS));
            if (spec.IsSparse)
            {
                w.WriteNumber("k", spec.K);
                w.WriteNumber("max_delay_ms", spec.MaxDelay);
            }

            w.WriteNumber("seed", spec.Seed);
            w.WriteNumber("cpu_count", Environment.ProcessorCount);
            w.WriteString("loadavg", LoadAverage());
            w.WriteString("vector_width", PopulationSimulation.Resolve(VectorWidth.Auto).ToString());
        });
        return result.Status.IsCompleted ? ExitCodes.Ok : ExitCodes.NonFinite;
    }

    /// <summary>Writes one compact JSON object as a line, with the CPU model added last.</summary>
    static void Line(TextWriter stdout, Action<Utf8JsonWriter> fields)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            fields(w);
            w.WriteString("cpu", CpuModel());
            w.WriteEndObject();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    static void Rate(Utf8JsonWriter w, string name, long spikes, int neurons, double seconds)
    {
        if (neurons > 0)
        {
            w.WriteNumber(name, spikes / (neurons * seconds));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Synapses delivered within the run: for each spike of step k (time k + 1), those with k + 1 + delay ≤ steps.</summary>
    static long SynapticEvents(Connectivity connectivity, NetworkResult result, int steps)
    {
        long events = 0;
        switch (connectivity)
        {
            case Connectivity.Dense dense:
                foreach (int k in result.SpikeSteps)
                {
                    if (k + 1 + dense.DelaySteps <= steps)
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
                    int t = result.SpikeSteps[x] + 1;
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

    static string LoadAverage() => ReadFirstLine("/proc/loadavg");

    /// <summary>The CPU model name and whether AVX-512 is present (from /proc/cpuinfo where there is one).</summary>
    static string CpuModel()
    {
        try
        {
            if (!File.Exists("/proc/cpuinfo"))
            {
                return System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();
            }

            string model = "";
            bool avx512 = false;
            foreach (string line in File.ReadLines("/proc/cpuinfo"))
            {
                if (model.Length == 0 && line.StartsWith("model name", StringComparison.Ordinal))
                {
                    model = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
                else if (line.StartsWith("flags", StringComparison.Ordinal))
                {
                    avx512 = line.Contains(" avx512f", StringComparison.Ordinal);
                    break;
                }
            }

            return $"{model}; AVX-512 {(avx512 ? "yes" : "no")}";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    static string ReadFirstLine(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}

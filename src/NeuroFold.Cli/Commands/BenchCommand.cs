using System.CommandLine;
using System.Globalization;
using NeuroFold.Cli.Bench;
using NeuroFold.Core.Populations;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold bench single|population|net2003|sparse</c>: NeuroFold's side of the Brian2 peer workloads W1 and W2, one JSON line.</summary>
/// <remarks>
/// Prints <c>workload, n, steps, threads, run_s, neuron_steps_per_s, spikes, rate_exc_hz, rate_inh_hz</c>; <c>run_s</c> is
/// the wall time of one run after a warm-up run (parameter preparation included, population construction not).
/// </remarks>
internal static class BenchCommand
{
    /// <summary>The <c>bench</c> command: <c>single</c> and <c>population</c> (W1, W2) and the network workloads (W3, W4).</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var bench = new Command("bench", "Time NeuroFold on a Brian2 peer workload (W1 single, W2 population, W3 net2003, W4 sparse) and print one JSON line.");
        bench.Subcommands.Add(Workload("single", "W1: one neuron, Jaxley scheme, dt 0.1 ms, 1e6 steps, spikes counted, no traces", stdout, stderr));
        bench.Subcommands.Add(Workload("population", "W2: N heterogeneous Izhikevich (2003) neurons, Jaxley scheme, dt 0.1 ms, 1e4 steps, spikes counted, no traces", stdout, stderr));
        foreach (var network in NetworkBenchCommand.Workloads(stdout, stderr))
        {
            bench.Subcommands.Add(network);
        }

        return bench;
    }

    static Command Workload(string workload, string description, TextWriter stdout, TextWriter stderr)
    {
        var neurons = new Option<int?>("--neurons") { Description = "population size N (population only; default 100000)", HelpName = "N" };
        var steps = new Option<int?>("--steps") { Description = "number of steps of 0.1 ms (default 1000000 for single, 10000 for population)", HelpName = "K" };
        var threads = new Option<int?>("--threads") { Description = "threads (default: all cores)", HelpName = "T" };
        var seed = new Option<long>("--seed") { Description = "seed of the population's counter-based random numbers (default 1234)", HelpName = "S", DefaultValueFactory = _ => 1234 };

        var command = new Command(workload, description);
        foreach (var o in new Option[] { neurons, steps, threads, seed })
        {
            command.Options.Add(o);
        }

        command.SetAction(r => Execute(workload, r.GetValue(neurons), r.GetValue(steps), r.GetValue(threads), r.GetValue(seed), stdout, stderr));
        return command;
    }

    static int Execute(string workload, int? neurons, int? steps, int? threads, long seed, TextWriter stdout, TextWriter stderr)
    {
        bool single = workload == "single";
        int n = single ? 1 : neurons ?? 100_000;
        int k = steps ?? (single ? 1_000_000 : 10_000);
        int t = threads ?? Environment.ProcessorCount;
        var problems = new List<string>();
        if (single && neurons is not null && neurons != 1)
        {
            problems.Add("--neurons applies to 'population' only (W1 has one neuron)");
        }

        if (n < 1)
        {
            problems.Add($"--neurons must be at least 1, got {n}");
        }

        if (k < 1 || k > Core.Stimuli.TimeGrid.MaxSteps)
        {
            problems.Add($"--steps must lie in [1, {Core.Stimuli.TimeGrid.MaxSteps}], got {k}");
        }

        if (t < 1)
        {
            problems.Add($"--threads must be at least 1, got {t}");
        }

        if (problems.Count > 0)
        {
            foreach (var p in problems)
            {
                stderr.WriteLine($"error: {p}");
            }

            stderr.WriteLine("nothing was run (exit code 2: invalid input)");
            return ExitCodes.InvalidInput;
        }

        var population = single ? BenchWorkloads.Single() : BenchWorkloads.Heterogeneous(n, seed);
        var options = new PopulationOptions(t, PopulationOptions.DefaultBlockSize, VectorWidth.Auto, RecordSpikes: single);
        var (result, seconds) = BenchWorkloads.Time(population, k, options);
        if (!result.Status.IsCompleted)
        {
            stderr.WriteLine("error: the run left the finite range");
            return ExitCodes.NonFinite;
        }

        int ne = single ? 1 : Izhikevich2003Population.Excitatory(n, 0.8);
        double durationS = k * BenchWorkloads.DtMs * 1e-3;
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

        string rateExc = ne > 0 ? Json(exc / (ne * durationS)) : "null";
        string rateInh = n - ne > 0 ? Json(inh / ((n - ne) * durationS)) : "null";
        stdout.WriteLine(
            $"{{\"workload\": \"{(single ? "W1" : "W2")}\", \"n\": {n}, \"steps\": {k}, \"threads\": {t}, " +
            $"\"run_s\": {Json(seconds)}, \"neuron_steps_per_s\": {Json((double)n * k / seconds)}, \"spikes\": {exc + inh}, " +
            $"\"rate_exc_hz\": {rateExc}, \"rate_inh_hz\": {rateInh}}}");
        return ExitCodes.Ok;
    }

    static string Json(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}

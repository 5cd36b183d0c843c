using System.Collections.Immutable;
using System.Diagnostics;
using NeuroFold.Core.Populations;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Cli.Bench;

/// <summary>NeuroFold's side of the Brian2 peer workloads W1 and W2 (<c>bench/peers/w1_single.py</c>, <c>w2_population.py</c>).</summary>
internal static class BenchWorkloads
{
    /// <summary>Step size of both workloads, ms.</summary>
    public const double DtMs = 0.1;

    /// <summary>W1's constant input, µA/cm² (0.012 nA on Jaxley's default compartment).</summary>
    public const double W1InputUaPerCm2 = 19.0986;

    /// <summary>W1: one regular-spiking neuron (a=0.02, b=0.2, c=−65, d=8), v0 = −70, u0 = 0, I = 19.0986 µA/cm².</summary>
    public static Population Single() =>
        Population.Create([0.02], [0.2], [-65.0], [8.0], [-70.0], [0.0], [W1InputUaPerCm2])
            .Match(Succ: p => p, Fail: _ => throw new InvalidOperationException("W1's constants are valid"));

    /// <summary>W2: the Izhikevich (2003) population, 80 % excitatory, I ~ U(0, 20) µA/cm².</summary>
    public static Population Heterogeneous(int neurons, long seed) => Izhikevich2003Population.Create(neurons, 0.8, 20.0, seed);

    /// <summary>A grid of exactly <paramref name="steps"/> steps of <see cref="DtMs"/>.</summary>
    public static TimeGrid Grid(int steps) => new(DtMs, steps * DtMs, steps);

    /// <summary>Runs a workload once to compile and warm up (a single neuron: the whole run; a population: its first 4096
    /// neurons for up to 1000 steps), then once timed; returns the result and the wall time, s.</summary>
    public static (PopulationResult Result, double Seconds) Time(Population population, int steps, PopulationOptions options)
    {
        var warm = Population.Create(
            Slice(population.A), Slice(population.B), Slice(population.C), Slice(population.D),
            Slice(population.V0), Slice(population.U0), Slice(population.InputUaPerCm2))
            .Match(Succ: p => p, Fail: _ => population);
        _ = PopulationSimulation.Run<JaxleyScheme>(warm, Grid(population.Count == 1 ? steps : Math.Min(steps, 1000)), 1.0, options);

        long t0 = Stopwatch.GetTimestamp();
        var result = PopulationSimulation.Run<JaxleyScheme>(population, Grid(steps), 1.0, options);
        double seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        return (result, seconds);
    }

    static ImmutableArray<double> Slice(ImmutableArray<double> x) => x.Length <= 4096 ? x : ImmutableArray.Create(x, 0, 4096);
}

using System.Collections.Immutable;
using System.Diagnostics;
using NeuroFold.Core.Populations;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Cli.Bench;

/// <summary>NeuroFold's side of the peer workloads W1 and W2 (<c>bench/peers/w1_single.py</c>, <c>w2_population.py</c>).</summary>
internal static class BenchWorkloads
{
    /// <summary>Step size of both workloads, ms.</summary>
    public const double DtMs = 0.1;

    /// <summary>W1's run length, ms: ⌊100000 / 0.1⌋ + 1 = 10⁶ steps with Python's floor division.</summary>
    public const double W1TMaxMs = 100_000;

    /// <summary>W2's run length, ms: 10⁴ steps.</summary>
    public const double W2TMaxMs = 1_000;

    /// <summary>W2's default population size.</summary>
    public const int W2Neurons = 100_000;

    /// <summary>W1's constant input, µA/cm² (0.012 nA on Jaxley's default compartment).</summary>
    public const double W1InputUaPerCm2 = 19.0986;

    /// <summary>W1: one regular-spiking neuron (a=0.02, b=0.2, c=−65, d=8), v0 = −70, u0 = 0, I = 19.0986 µA/cm².</summary>
    public static Population Single() =>
        Population.Create([0.02], [0.2], [-65.0], [8.0], [-70.0], [0.0], [W1InputUaPerCm2])
            .Match(Succ: p => p, Fail: _ => throw new InvalidOperationException("W1's constants are valid"));

    /// <summary>W2: the Izhikevich (2003) population, 80 % excitatory, I ~ U(0, 20) µA/cm².</summary>
    public static Population Heterogeneous(int neurons, long seed) => Izhikevich2003Population.Create(neurons, 0.8, 20.0, seed);

    /// <summary>Runs a workload once to compile and warm up (a single neuron: the whole run; a population: its first 4096
    /// neurons for up to 1000 steps), then once timed; returns the result and the wall time, s.</summary>
    public static (PopulationResult Result, double Seconds) Time(Population population, TimeGrid grid, PopulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(grid);
        var warm = Population.Create(
            Slice(population.A), Slice(population.B), Slice(population.C), Slice(population.D),
            Slice(population.V0), Slice(population.U0), Slice(population.InputUaPerCm2))
            .Match(Succ: p => p, Fail: _ => population);
        var warmGrid = population.Count == 1 ? grid : TimeGrid.FromSteps(grid.DtMs, Math.Min(grid.Steps, 1000)).Match(Succ: g => g, Fail: _ => grid);
        _ = PopulationSimulation.Run<JaxleyScheme>(warm, warmGrid, 1.0, options);

        long t0 = Stopwatch.GetTimestamp();
        var result = PopulationSimulation.Run<JaxleyScheme>(population, grid, 1.0, options);
        double seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        return (result, seconds);
    }

    static ImmutableArray<double> Slice(ImmutableArray<double> x) => x.Length <= 4096 ? x : ImmutableArray.Create(x, 0, 4096);
}

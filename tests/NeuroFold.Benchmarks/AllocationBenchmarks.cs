using BenchmarkDotNet.Attributes;
using NeuroFold.Core.Populations;
using NeuroFold.Core.Schemes;

namespace NeuroFold.Benchmarks;

/// <summary>Zero bytes per step: a counts-only run allocates the same for 1e3 and 1e4 steps (its buffers are O(N)).</summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    Population population = null!;

    /// <summary>Population size.</summary>
    [Params(10_000)]
    public int Neurons { get; set; }

    /// <summary>Number of steps: the Allocated column must not change with it.</summary>
    [Params(1_000, 10_000)]
    public int Steps { get; set; }

    /// <summary>Builds the W2 population (seed 1234).</summary>
    [GlobalSetup]
    public void Setup() => population = Izhikevich2003Population.Create(Neurons, 0.8, 20.0, seed: 1234);

    /// <summary>Jaxley scheme, widest vectors, one thread, spike counts and ISI statistics only.</summary>
    [Benchmark]
    public long CountsOnly() =>
        PopulationSimulation.Run<JaxleyScheme>(
            population, Grid.Of(0.1, Steps), 1.0, new PopulationOptions(1, PopulationOptions.DefaultBlockSize, VectorWidth.Auto, RecordSpikes: false))
            .TotalSpikes;
}

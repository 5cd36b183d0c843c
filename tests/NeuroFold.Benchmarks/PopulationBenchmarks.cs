using BenchmarkDotNet.Attributes;
using NeuroFold.Core.Models;
using NeuroFold.Core.Populations;
using NeuroFold.Core.Schemes;

namespace NeuroFold.Benchmarks;

/// <summary>W2: N heterogeneous Izhikevich (2003) neurons, constant input, dt = 0.1 ms, spikes recorded, no traces.</summary>
/// <remarks>
/// Scalar against vector kernels, one against two threads. Allocated memory is per run: O(N) buffers and the spike list
/// (see <see cref="AllocationBenchmarks"/> for a run that allocates nothing per step). Each scheme is one method; every scheme
/// runs on the one population kernel at the chosen width.
/// </remarks>
[MemoryDiagnoser]
public class PopulationBenchmarks
{
    Population population = null!;

    /// <summary>Population size.</summary>
    [Params(10_000, 100_000)]
    public int Neurons { get; set; }

    /// <summary>Number of steps.</summary>
    [Params(10_000)]
    public int Steps { get; set; }

    /// <summary>Threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Kernel width.</summary>
    [Params(VectorWidth.Scalar, VectorWidth.Auto)]
    public VectorWidth Width { get; set; }

    /// <summary>Builds the population (seed 1234).</summary>
    [GlobalSetup]
    public void Setup() => population = Izhikevich2003Population.Create(Neurons, 0.8, 20.0, seed: 1234);

    /// <summary>The Jaxley scheme.</summary>
    [Benchmark]
    public long Jaxley() => Run<JaxleyScheme>();

    long Run<TScheme>()
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters> =>
        PopulationSimulation.Run<TScheme>(
            population, Grid.Of(0.1, Steps), 1.0, new PopulationOptions(Threads, PopulationOptions.DefaultBlockSize, Width, RecordSpikes: true))
            .TotalSpikes;
}

using BenchmarkDotNet.Attributes;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Populations;
using NeuroFold.Core.Schemes;

namespace NeuroFold.Benchmarks;

/// <summary>W1: one regular-spiking neuron, Jaxley scheme, dt = 0.1 ms, I = 19.0986 µA/cm², 1e6 steps.</summary>
[MemoryDiagnoser]
public class SingleNeuronBenchmarks
{
    static readonly IzhikevichParameters Rs = new(0.02, 0.2, -65.0, 8.0);
    double[] input = [];
    Population population = null!;
    JaxleyScheme.Constants<ScalarLane, bool> constants;

    /// <summary>Number of neurons (one).</summary>
    [Params(1)]
    public int Neurons { get; set; }

    /// <summary>Number of steps.</summary>
    [Params(1_000_000)]
    public int Steps { get; set; }

    /// <summary>Builds the input and the one-neuron population.</summary>
    [GlobalSetup]
    public void Setup()
    {
        input = Enumerable.Repeat(19.0986, Steps).ToArray();
        constants = JaxleyScheme.Prepare(Rs, 0.1, 1.0);
        population = Population.Create([0.02], [0.2], [-65.0], [8.0], [-70.0], [0.0], [19.0986])
            .Match(Succ: p => p, Fail: _ => throw new InvalidOperationException("valid constants"));
    }

    /// <summary>The plain scalar fold over a per-step input array (the reference every path is checked against).</summary>
    [Benchmark(Baseline = true)]
    public double ScalarFold() => Core.Simulation.Simulation.Advance(constants, new IzhikevichState(-70.0, 0.0), input).V;

    /// <summary>The population path for one neuron: the kernel at the scalar width (Auto for one neuron), state in registers, spikes counted.</summary>
    [Benchmark]
    public double PopulationPath() =>
        PopulationSimulation.Run<JaxleyScheme>(population, Grid.Of(0.1, Steps), 1.0, PopulationOptions.Default with { RecordSpikes = false })
            .FinalV[0];
}

using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace NeuroFold.Benchmarks;

/// <summary>The default job plus the memory diagnoser and a neuron-steps-per-second column.</summary>
public static class BenchmarkConfig
{
    /// <summary>The configuration every benchmark class runs under.</summary>
    public static IConfig Create() =>
        DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(new NeuronStepsColumn())
            .AddColumn(StatisticColumn.Median);
}

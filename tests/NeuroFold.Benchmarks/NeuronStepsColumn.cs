using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NeuroFold.Benchmarks;

/// <summary>Neuron-steps per second: <c>Neurons × Steps / mean time</c>, from the benchmark's parameters of those names.</summary>
public sealed class NeuronStepsColumn : IColumn
{
    /// <inheritdoc />
    public string Id => nameof(NeuronStepsColumn);

    /// <inheritdoc />
    public string ColumnName => "NeuronSteps/s";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => "neurons × steps per second of the mean run";

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var stats = summary[benchmarkCase]?.ResultStatistics;
        if (stats is null)
        {
            return "-";
        }

        double neurons = Convert.ToDouble(benchmarkCase.Parameters["Neurons"] ?? 1, System.Globalization.CultureInfo.InvariantCulture);
        double steps = Convert.ToDouble(benchmarkCase.Parameters["Steps"] ?? 1, System.Globalization.CultureInfo.InvariantCulture);
        return (neurons * steps / (stats.Mean * 1e-9)).ToString("0.00e+0", System.Globalization.CultureInfo.InvariantCulture);
    }
}

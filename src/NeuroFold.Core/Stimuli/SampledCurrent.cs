using System.Collections.Immutable;

namespace NeuroFold.Core.Stimuli;

/// <summary>A current density given sample by sample: entry k is the input of step k.</summary>
/// <remarks>Like Jaxley's <c>jx.integrate</c>, steps past the end of the samples get zero input; extra samples are ignored.</remarks>
/// <param name="ValuesUaPerCm2">One current density per step, µA/cm².</param>
public sealed record SampledCurrent(ImmutableArray<double> ValuesUaPerCm2) : Stimulus
{
    internal override void AddTo(Span<double> currents, TimeGrid grid)
    {
        int n = Math.Min(currents.Length, ValuesUaPerCm2.Length);
        var values = ValuesUaPerCm2.AsSpan();
        for (int k = 0; k < n; k++)
        {
            currents[k] += values[k];
        }
    }
}

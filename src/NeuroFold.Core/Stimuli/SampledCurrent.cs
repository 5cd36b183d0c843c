using System.Collections.Immutable;

using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Validation;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Stimuli;

/// <summary>A current density given sample by sample: entry k is the input of step k.</summary>
/// <remarks>Like Jaxley's <c>jx.integrate</c>, steps past the end of the samples get zero input; extra samples are ignored.</remarks>
public sealed record SampledCurrent : Stimulus
{
    internal SampledCurrent(ImmutableArray<double> valuesUaPerCm2)
    {
        ValuesUaPerCm2 = valuesUaPerCm2;
    }

    /// <summary>One current density per step, µA/cm².</summary>
    public ImmutableArray<double> ValuesUaPerCm2 { get; }

    /// <summary>Validates the samples: present and every one finite (the first offender is named).</summary>
    public static Validation<Error, SampledCurrent> Create(ImmutableArray<double> valuesUaPerCm2)
    {
        if (valuesUaPerCm2.IsDefault)
        {
            return Fail<Error, SampledCurrent>(Error.New("values is missing"));
        }

        for (int k = 0; k < valuesUaPerCm2.Length; k++)
        {
            if (!double.IsFinite(valuesUaPerCm2[k]))
            {
                return Fail<Error, SampledCurrent>(Error.New($"values[{k}] must be a finite number, got {Checks.Show(valuesUaPerCm2[k])}"));
            }
        }

        return Success<Error, SampledCurrent>(new SampledCurrent(valuesUaPerCm2));
    }

    internal override void AddTo(Span<double> currents, TimeGrid grid, int firstStep)
    {
        int n = Math.Min(currents.Length, ValuesUaPerCm2.Length - firstStep);
        var values = ValuesUaPerCm2.AsSpan();
        for (int k = 0; k < n; k++)
        {
            currents[k] += values[firstStep + k];
        }
    }
}

using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Validation;

namespace NeuroFold.Core.Stimuli;

/// <summary>The same current density on every step.</summary>
public sealed record ConstantCurrent : Stimulus
{
    internal ConstantCurrent(double amplitudeUaPerCm2)
    {
        AmplitudeUaPerCm2 = amplitudeUaPerCm2;
    }

    /// <summary>Current density, µA/cm².</summary>
    public double AmplitudeUaPerCm2 { get; }

    /// <summary>Validates the amplitude: it must be finite.</summary>
    public static Validation<Error, ConstantCurrent> Create(double amplitudeUaPerCm2) =>
        Checks.Finite("amplitude", amplitudeUaPerCm2).Map(a => new ConstantCurrent(a));

    internal override void AddTo(Span<double> currents, TimeGrid grid, int firstStep)
    {
        for (int k = 0; k < currents.Length; k++)
        {
            currents[k] += AmplitudeUaPerCm2;
        }
    }
}

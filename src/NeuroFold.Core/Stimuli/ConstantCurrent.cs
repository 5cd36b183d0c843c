namespace NeuroFold.Core.Stimuli;

/// <summary>The same current density on every step.</summary>
/// <param name="AmplitudeUaPerCm2">Current density, µA/cm².</param>
public sealed record ConstantCurrent(double AmplitudeUaPerCm2) : Stimulus
{
    internal override void AddTo(Span<double> currents, TimeGrid grid)
    {
        for (int k = 0; k < currents.Length; k++)
        {
            currents[k] += AmplitudeUaPerCm2;
        }
    }
}

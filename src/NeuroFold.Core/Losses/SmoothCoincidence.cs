using NeuroFold.Core.Numerics;

namespace NeuroFold.Core.Losses;

/// <summary>A smooth coincidence factor for gradients: Γ with the hard ±Δ window replaced by a Gaussian kernel, differentiable in every model spike time.</summary>
/// <remarks>
/// <c>Γ̃ = (Σᵢⱼ K(tᵢ − sⱼ) − 2νΔN_data) / (½(N_data + N_model)) / (1 − 2νΔ)</c> with <c>K(x) = exp(−x²/Δ²)</c> (1 at a
/// perfect coincidence, e⁻¹ at the window's edge), ν = N_model/T: the competition's Γ (<see cref="CoincidenceFactor"/>)
/// with the count of matched pairs made smooth. Each model spike may count against several data spikes (no one-to-one
/// matching, which is not differentiable); the counts N are integers, so Γ̃ moves spikes, it cannot add or remove one.
/// <see cref="Evaluate"/> also returns <c>∂Γ̃/∂tᵢ</c> for every model spike.
/// </remarks>
public static class SmoothCoincidence
{
    /// <summary>Γ̃ of <paramref name="modelMs"/> against <paramref name="dataMs"/> (both sorted, ms); <paramref name="gradient"/> (one per model spike, or empty) receives ∂Γ̃/∂tᵢ.</summary>
    public static double Evaluate(ReadOnlySpan<double> modelMs, ReadOnlySpan<double> dataMs, double durationMs, Span<double> gradient, double windowMs = CoincidenceFactor.WindowMs)
    {
        if (!gradient.IsEmpty)
        {
            gradient.Clear();
        }

        int nModel = modelMs.Length, nData = dataMs.Length;
        var scale = CoincidenceFactor.Normalisation.Of(nModel, nData, durationMs, windowMs);
        if (scale.Fixed is { } value)
        {
            return value;
        }

        double reach = 6 * windowMs; // K(6Δ) = e⁻³⁶: beyond it, nothing
        double inverse2 = 1.0 / (windowMs * windowMs);
        double coincidences = 0;
        int first = 0;
        for (int i = 0; i < nModel; i++)
        {
            double t = modelMs[i];
            while (first < nData && dataMs[first] < t - reach)
            {
                first++;
            }

            double slope = 0;
            for (int j = first; j < nData && dataMs[j] <= t + reach; j++)
            {
                double x = t - dataMs[j];
                double k = CorrectlyRounded.Exp(-x * x * inverse2);
                coincidences += k;
                slope += -2.0 * x * inverse2 * k;
            }

            if (!gradient.IsEmpty)
            {
                gradient[i] = slope * scale.Slope;
            }
        }

        return scale.Apply(coincidences);
    }
}

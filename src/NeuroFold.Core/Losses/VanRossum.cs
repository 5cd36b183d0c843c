using NeuroFold.Core.Numerics;

namespace NeuroFold.Core.Losses;

/// <summary>The van Rossum distance of two spike trains (van Rossum 2001): each spike a causal exponential of time constant τ, the squared L2 distance of the two sums over τ.</summary>
/// <remarks>
/// <c>D² = (1/τ)∫(f − g)² dt = ½·(Σᵢⱼ e^{−|tᵢ−tⱼ|/τ} + Σᵢⱼ e^{−|sᵢ−sⱼ|/τ} − 2·Σᵢⱼ e^{−|tᵢ−sⱼ|/τ})</c> for
/// <c>f = Σ e^{−(t−tᵢ)/τ}·H(t − tᵢ)</c>: dimensionless, one unmatched spike contributes ½.
/// </remarks>
public static class VanRossum
{
    /// <summary>D² between <paramref name="aMs"/> and <paramref name="bMs"/> with time constant <paramref name="tauMs"/>.</summary>
    public static double DistanceSquared(ReadOnlySpan<double> aMs, ReadOnlySpan<double> bMs, double tauMs)
    {
        if (!(tauMs > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(tauMs), tauMs, "τ must be > 0");
        }

        return 0.5 * (Sum(aMs, aMs, tauMs) + Sum(bMs, bMs, tauMs) - (2.0 * Sum(aMs, bMs, tauMs)));
    }

    static double Sum(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double tauMs)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = 0; j < y.Length; j++)
            {
                sum += CorrectlyRounded.Exp(-Math.Abs(x[i] - y[j]) / tauMs);
            }
        }

        return sum;
    }
}

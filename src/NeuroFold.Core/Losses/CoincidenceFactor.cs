using System.Collections.Immutable;

namespace NeuroFold.Core.Losses;

/// <summary>The coincidence factor Γ of two spike trains (Kistler et al. 1997), as the QSNMC 2007 competition scored it (Jolivet et al. 2008).</summary>
/// <remarks>
/// <c>Γ = (N_coinc − 2νΔN_data) / (½(N_data + N_model)) / (1 − 2νΔ)</c>, <c>ν = N_model/T</c>: N_coinc is the largest
/// number of pairs of one model and one data spike no more than Δ apart, each spike in at most one pair. An exact copy
/// scores 1, a Poisson train of the model's rate about 0; a model rate with <c>2νΔ ≥ 1</c> (ν ≥ 250 Hz at Δ = 2 ms) scores
/// 0. Two empty trains score 1 (they agree). The intrinsic reliability Γ_int is the mean Γ over the ordered pairs of
/// different repetitions of the data; <c>Γ_A = mean_k Γ(model, data_k) / Γ_int</c>.
/// </remarks>
public static class CoincidenceFactor
{
    /// <summary>The competition's window Δ, ms.</summary>
    public const double WindowMs = 2.0;

    /// <summary>Spikes this close to the window's edge, ms, count as inside it: times computed as <c>sample·dt</c> are off by a few ulp, and the rule is inclusive (10 samples of 0.2 ms are within 2 ms).</summary>
    public const double EdgeToleranceMs = 1e-9;

    /// <summary>The largest number of disjoint pairs (model spike, data spike) at most <paramref name="windowMs"/> apart (inclusive).</summary>
    /// <remarks>Greedy over the sorted trains (pair each data spike with the earliest unpaired model spike within reach), which is a maximum matching for intervals on a line.</remarks>
    public static int Coincidences(ReadOnlySpan<double> modelMs, ReadOnlySpan<double> dataMs, double windowMs)
    {
        windowMs += EdgeToleranceMs;
        int count = 0, m = 0;
        for (int i = 0; i < dataMs.Length; i++)
        {
            while (m < modelMs.Length && modelMs[m] < dataMs[i] - windowMs)
            {
                m++;
            }

            if (m < modelMs.Length && modelMs[m] <= dataMs[i] + windowMs)
            {
                count++;
                m++;
            }
        }

        return count;
    }

    /// <summary>Γ of <paramref name="modelMs"/> against <paramref name="dataMs"/> (both sorted, ms) over a recording of <paramref name="durationMs"/>.</summary>
    public static double Gamma(ReadOnlySpan<double> modelMs, ReadOnlySpan<double> dataMs, double durationMs, double windowMs = WindowMs)
    {
        var scale = Normalisation.Of(modelMs.Length, dataMs.Length, durationMs, windowMs);
        return scale.Fixed ?? scale.Apply(Coincidences(modelMs, dataMs, windowMs));
    }

    /// <summary>What turns a count of coincidences into Γ: the chance count, the mean train size and the rate's correction (or the value of Γ when it does not depend on the count).</summary>
    /// <param name="Expected">The coincidences a Poisson train of the model's rate would have by chance, <c>2νΔ·N_data</c>.</param>
    /// <param name="Half">½(N_data + N_model).</param>
    /// <param name="Norm"><c>1 − 2νΔ</c>.</param>
    /// <param name="Fixed">Γ when the count does not matter: 1 for two empty trains, 0 when <c>2νΔ ≥ 1</c>.</param>
    internal readonly record struct Normalisation(double Expected, double Half, double Norm, double? Fixed)
    {
        /// <summary>For trains of <paramref name="nModel"/> and <paramref name="nData"/> spikes over <paramref name="durationMs"/> (both it and the window must be &gt; 0).</summary>
        public static Normalisation Of(int nModel, int nData, double durationMs, double windowMs)
        {
            if (!(durationMs > 0) || !(windowMs > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(durationMs), "the duration and the window must be > 0");
            }

            if (nModel + nData == 0)
            {
                return new(0, 0, 1, 1.0);
            }

            double rate = nModel / durationMs;
            double norm = 1.0 - (2.0 * rate * windowMs);
            return norm <= 0 ? new(0, 0, norm, 0.0) : new(2.0 * rate * windowMs * nData, 0.5 * (nData + nModel), norm, null);
        }

        /// <summary>Γ of a count (or a smooth count) of coincidences.</summary>
        public double Apply(double coincidences) => ((coincidences - Expected) / Half) / Norm;

        /// <summary>∂Γ/∂(count).</summary>
        public double Slope => 1.0 / Half / Norm;
    }

    /// <summary>The intrinsic reliability Γ_int: the mean Γ over the ordered pairs (i, j), i ≠ j, of the repetitions.</summary>
    public static double Intrinsic(ImmutableArray<ImmutableArray<double>> repetitionsMs, double durationMs, double windowMs = WindowMs)
    {
        if (repetitionsMs.Length < 2)
        {
            throw new ArgumentException($"Γ_int needs at least 2 repetitions, got {repetitionsMs.Length}", nameof(repetitionsMs));
        }

        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < repetitionsMs.Length; i++)
        {
            for (int j = 0; j < repetitionsMs.Length; j++)
            {
                if (i != j)
                {
                    sum += Gamma(repetitionsMs[i].AsSpan(), repetitionsMs[j].AsSpan(), durationMs, windowMs);
                    pairs++;
                }
            }
        }

        return sum / pairs;
    }

    /// <summary>Γ, Γ_int and Γ_A of a model train against the repetitions of the data.</summary>
    public static CoincidenceScore Score(ReadOnlySpan<double> modelMs, ImmutableArray<ImmutableArray<double>> repetitionsMs, double durationMs, double windowMs = WindowMs)
    {
        double sum = 0;
        foreach (var repetition in repetitionsMs)
        {
            sum += Gamma(modelMs, repetition.AsSpan(), durationMs, windowMs);
        }

        double gamma = sum / repetitionsMs.Length;
        double intrinsic = Intrinsic(repetitionsMs, durationMs, windowMs);
        return new CoincidenceScore(gamma, intrinsic, gamma / intrinsic);
    }
}

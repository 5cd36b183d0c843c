namespace NeuroFold.Core.Losses;

/// <summary>The mean squared difference of a model's and a recording's membrane potential, mV², with its derivative with respect to every model sample.</summary>
/// <remarks>
/// <c>L = (1/N)·Σ_{k ∈ K} (m_k − d_k)²</c> over the samples K of the window that are kept (<see cref="SpikeHandling.Mask"/>:
/// those not within the mask of a data or model spike), or <c>(1/N)·Σ (min(m_k, clip) − min(d_k, clip))²</c> over the
/// window (<see cref="SpikeHandling.Clip"/>). The mask is a constant of the comparison (where the spikes are); its
/// derivative is 0, as the exact map's spike times are.
/// </remarks>
public static class VoltageMse
{
    /// <summary>L, and <c>∂L/∂m_k</c> written to <paramref name="adjoint"/> (every sample; 0 outside the kept ones).</summary>
    /// <param name="modelMv">The model's v at each sample.</param>
    /// <param name="dataMv">The recording's v at each sample (as many).</param>
    /// <param name="dataSpikes">The recording's spikes, sample indices.</param>
    /// <param name="modelSpikes">The model's spikes, sample indices.</param>
    /// <param name="how">Window and spike handling.</param>
    /// <param name="adjoint">Receives ∂L/∂m_k (as many as <paramref name="modelMv"/>).</param>
    /// <returns>L, mV² (0 when no sample is kept).</returns>
    public static double Evaluate(
        ReadOnlySpan<double> modelMv, ReadOnlySpan<double> dataMv, ReadOnlySpan<int> dataSpikes, ReadOnlySpan<int> modelSpikes, VoltageComparison how, Span<double> adjoint)
    {
        int n = modelMv.Length;
        if (dataMv.Length != n || adjoint.Length != n)
        {
            throw new ArgumentException($"the model has {n} samples, the data {dataMv.Length}, the adjoint {adjoint.Length}", nameof(dataMv));
        }

        int end = Math.Min(how.End, n);
        var keep = new bool[n];
        for (int k = how.First; k < end; k++)
        {
            keep[k] = true;
        }

        if (how.Spikes == SpikeHandling.Mask)
        {
            Exclude(keep, dataSpikes, how.MaskBefore, how.MaskAfter);
            Exclude(keep, modelSpikes, how.MaskBefore, how.MaskAfter);
        }

        int count = 0;
        for (int k = 0; k < n; k++)
        {
            count += keep[k] ? 1 : 0;
        }

        adjoint.Clear();
        if (count == 0)
        {
            return 0.0;
        }

        bool clip = how.Spikes == SpikeHandling.Clip;
        double sum = 0;
        for (int k = 0; k < n; k++)
        {
            if (!keep[k])
            {
                continue;
            }

            double m = clip ? Math.Min(modelMv[k], how.ClipMv) : modelMv[k];
            double d = clip ? Math.Min(dataMv[k], how.ClipMv) : dataMv[k];
            double e = m - d;
            sum += e * e;
            adjoint[k] = clip && modelMv[k] > how.ClipMv ? 0.0 : (2.0 * e) / count;
        }

        return sum / count;
    }

    static void Exclude(bool[] keep, ReadOnlySpan<int> spikes, int before, int after)
    {
        foreach (int s in spikes)
        {
            int lo = Math.Max(0, s - before), hi = Math.Min(keep.Length, s + after);
            for (int k = lo; k < hi; k++)
            {
                keep[k] = false;
            }
        }
    }
}

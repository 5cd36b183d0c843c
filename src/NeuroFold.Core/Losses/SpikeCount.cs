namespace NeuroFold.Core.Losses;

/// <summary>The spike-count loss: the squared difference of the model's count and the recordings' mean count.</summary>
/// <remarks>Piecewise constant in the parameters under the exact map (its derivative is 0 almost everywhere): a score and a gradient-free objective.</remarks>
public static class SpikeCount
{
    /// <summary><c>(N_model − mean N_data)²</c>.</summary>
    public static double Loss(int modelCount, ReadOnlySpan<int> dataCounts)
    {
        if (dataCounts.IsEmpty)
        {
            throw new ArgumentException("at least one recording is needed", nameof(dataCounts));
        }

        double mean = 0;
        foreach (int c in dataCounts)
        {
            mean += c;
        }

        mean /= dataCounts.Length;
        double e = modelCount - mean;
        return e * e;
    }
}

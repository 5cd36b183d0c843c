using System.Collections.Immutable;
using NeuroFold.Core.Numerics;

namespace NeuroFold.Core.Networks;

/// <summary>Population firing rates and the dominant rhythm of a network run.</summary>
public static class PopulationRate
{
    /// <summary>Mean firing rate of every neuron of the run, Hz: spikes / neurons / the run's duration (<see cref="NetworkResult.DurationMs"/>).</summary>
    public static double MeanHz(NetworkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return MeanHz(result, 0, result.Neurons);
    }

    /// <summary>Mean firing rate of neurons <paramref name="from"/> … <paramref name="to"/> − 1 over the run, Hz (the run's own length).</summary>
    public static double MeanHz(NetworkResult result, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(result);
        return MeanHz(result, from, to, result.StepCount, NetworkSimulation.StepMs);
    }

    /// <summary>Mean firing rate of neurons <paramref name="from"/> … <paramref name="to"/> − 1 over <paramref name="steps"/> steps of <paramref name="stepMs"/>, Hz.</summary>
    public static double MeanHz(NetworkResult result, int from, int to, int steps, double stepMs)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (to <= from || steps <= 0)
        {
            return 0.0;
        }

        long count = 0;
        foreach (int i in result.SpikeNeurons)
        {
            if (i >= from && i < to)
            {
                count++;
            }
        }

        return count / (double)(to - from) / (steps * stepMs * 1e-3);
    }

    /// <summary>The population rate of each step of the run, Hz: spikes at the run's k-th step / N / 1 ms (k = 0 … StepCount − 1).</summary>
    public static ImmutableArray<double> PerStepHz(NetworkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Bin(result, result.Neurons, result.StepCount, NetworkSimulation.StepMs, result.FirstStep);
    }

    /// <summary>The population rate per step, Hz: spikes at 0-based step k (0 … steps − 1) / N / step length.</summary>
    public static ImmutableArray<double> PerStepHz(NetworkResult result, int neurons, int steps, double stepMs)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Bin(result, neurons, steps, stepMs, 0);
    }

    /// <summary>The population rate per step, Hz, of spikes given by their 0-based steps: spikes at step <paramref name="firstStep"/> + k (k = 0 … steps − 1) / N / step length.</summary>
    public static ImmutableArray<double> PerStepHz(ReadOnlySpan<int> spikeSteps, int neurons, int firstStep, int steps, double stepMs) =>
        Bin(spikeSteps, neurons, steps, stepMs, firstStep);

    static ImmutableArray<double> Bin(NetworkResult result, int neurons, int steps, double stepMs, int firstStep) =>
        Bin(result.SpikeSteps.AsSpan(), neurons, steps, stepMs, firstStep);

    static ImmutableArray<double> Bin(ReadOnlySpan<int> spikeSteps, int neurons, int steps, double stepMs, int firstStep)
    {
        var rate = new double[steps];
        foreach (int step in spikeSteps)
        {
            int k = step - firstStep;
            if (k >= 0 && k < steps)
            {
                rate[k] += 1.0;
            }
        }

        double scale = 1.0 / neurons / (stepMs * 1e-3);
        for (int k = 0; k < steps; k++)
        {
            rate[k] *= scale;
        }

        return ImmutableArray.Create(rate);
    }

    /// <summary>The frequency (Hz) with the largest power in the mean-removed rate, DC excluded; 0 when the rate is flat.</summary>
    /// <remarks>
    /// The rate is zero-padded to the next power of two M ≥ length and transformed with a radix-2 FFT; the answer is
    /// <c>k*/(M·dt)</c> for the bin k* ≥ 1 of largest <c>|X_k|²</c> (the lowest such bin on ties).
    /// </remarks>
    public static double DominantFrequencyHz(ReadOnlySpan<double> rateHz, double stepMs)
    {
        int length = rateHz.Length;
        if (length < 4)
        {
            return 0.0;
        }

        double mean = 0.0;
        foreach (double x in rateHz)
        {
            mean += x;
        }

        mean /= length;
        int m = 1;
        while (m < length)
        {
            m <<= 1;
        }

        var re = new double[m];
        var im = new double[m];
        bool flat = true;
        for (int k = 0; k < length; k++)
        {
            re[k] = rateHz[k] - mean;
            flat &= re[k] == 0.0;
        }

        if (flat)
        {
            return 0.0;
        }

        Fft(re, im);
        int best = 1;
        double bestPower = -1.0;
        for (int k = 1; k <= m / 2; k++)
        {
            double p = (re[k] * re[k]) + (im[k] * im[k]);
            if (p > bestPower)
            {
                bestPower = p;
                best = k;
            }
        }

        return best / (m * stepMs * 1e-3);
    }

    static void Fft(double[] re, double[] im)
    {
        int m = re.Length;
        for (int i = 1, j = 0; i < m; i++)
        {
            int bit = m >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        // Each stage's twiddle factors are computed once (m − 1 of each in all) and shared by its butterflies.
        var cosines = new double[Math.Max(1, m / 2)];
        var sines = new double[Math.Max(1, m / 2)];
        for (int len = 2; len <= m; len <<= 1)
        {
            double angle = -2.0 * Math.PI / len;
            for (int k = 0; k < len / 2; k++)
            {
                cosines[k] = CorrectlyRounded.Cos(angle * k);
                sines[k] = CorrectlyRounded.Sin(angle * k);
            }

            for (int start = 0; start < m; start += len)
            {
                for (int k = 0; k < len / 2; k++)
                {
                    double wr = cosines[k];
                    double wi = sines[k];
                    int p = start + k;
                    int q = p + (len / 2);
                    double xr = (re[q] * wr) - (im[q] * wi);
                    double xi = (re[q] * wi) + (im[q] * wr);
                    re[q] = re[p] - xr;
                    im[q] = im[p] - xi;
                    re[p] += xr;
                    im[p] += xi;
                }
            }
        }
    }
}

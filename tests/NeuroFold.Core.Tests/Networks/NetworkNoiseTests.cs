using NeuroFold.Core.Networks;
using NeuroFold.Core.Random;
using Xunit;

namespace NeuroFold.Core.Tests.Networks;

/// <summary>The thalamic noise of networks: CounterRandom's words, a standard normal, independent of how neurons are split.</summary>
public class NetworkNoiseTests
{
    [Fact]
    public void The_hoisted_key_gives_CounterRandoms_bits_and_uniforms()
    {
        ulong key = CounterRandom.Key(11, RandomStreams.ThalamicNoise);
        for (long i = 0; i < 10_000; i += 7)
        {
            Assert.Equal(CounterRandom.Bits(11, RandomStreams.ThalamicNoise, i), CounterRandom.BitsAt(key, (ulong)i));
            Assert.Equal(CounterRandom.Uniform(11, RandomStreams.ThalamicNoise, i), CounterRandom.UniformAt(key, (ulong)i));
        }
    }

    [Fact]
    public void Draws_are_standard_normal_in_moments_and_tails()
    {
        // 400,000 draws: mean 0, variance 1, kurtosis 3, P(|z| > 3) = 0.0027, P(|z| > R) = 0.000576.
        ulong key = CounterRandom.Key(11, RandomStreams.ThalamicNoise);
        const int Count = 400_000;
        double sum = 0, sq = 0, quart = 0;
        int beyond3 = 0, beyondR = 0;
        for (ulong m = 0; m < Count; m++)
        {
            double z = ThalamicNoise.Normal(key, m);
            Assert.True(double.IsFinite(z));
            sum += z;
            sq += z * z;
            quart += z * z * z * z;
            beyond3 += Math.Abs(z) > 3 ? 1 : 0;
            beyondR += Math.Abs(z) > 3.442619855899 ? 1 : 0;
        }

        Assert.InRange(sum / Count, -0.006, 0.006);
        Assert.InRange(sq / Count, 0.99, 1.01);
        Assert.InRange(quart / Count, 2.93, 3.07);
        Assert.InRange(beyond3 / (double)Count, 0.0027 * 0.85, 0.0027 * 1.15);
        Assert.InRange(beyondR / (double)Count, 0.000576 * 0.7, 0.000576 * 1.3);
    }

    [Fact]
    public void A_neurons_draw_does_not_depend_on_the_block_that_computes_it()
    {
        ulong key = CounterRandom.Key(3, RandomStreams.ThalamicNoise);
        const int N = 37;
        var sigma = NetworkTestKit.Fill(N, 2.0);
        var whole = new double[N];
        ThalamicNoise.Fill(whole, sigma, key, 5 * N, 0, N);
        var head = new double[13];
        var tail = new double[N - 13];
        ThalamicNoise.Fill(head, sigma, key, 5 * N, 0, 13);
        ThalamicNoise.Fill(tail, sigma, key, 5 * N, 13, N);
        Assert.Equal(whole, head.Concat(tail).ToArray());
        for (int i = 0; i < N; i++)
        {
            Assert.Equal(2.0 * ThalamicNoise.Normal(key, (ulong)((5 * N) + i)), whole[i]);
        }
    }
}

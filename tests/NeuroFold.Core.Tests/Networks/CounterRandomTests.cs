using NeuroFold.Core.Networks;
using NeuroFold.Core.Random;
using Xunit;

namespace NeuroFold.Core.Tests.Networks;

/// <summary>The counter-based generator: a pure function of (seed, stream, index), with the right distributions.</summary>
public class CounterRandomTests
{
    [Fact]
    public void Bits_are_a_pure_function_of_seed_stream_and_index()
    {
        Assert.Equal(CounterRandom.Bits(1, 2, 3), CounterRandom.Bits(1, 2, 3));
        Assert.NotEqual(CounterRandom.Bits(1, 2, 3), CounterRandom.Bits(1, 2, 4));
        Assert.NotEqual(CounterRandom.Bits(1, 2, 3), CounterRandom.Bits(1, 3, 3));
        Assert.NotEqual(CounterRandom.Bits(1, 2, 3), CounterRandom.Bits(2, 2, 3));
    }

    [Fact]
    public void Uniforms_lie_in_0_1_with_mean_one_half_and_variance_one_twelfth()
    {
        const int Count = 200_000;
        double sum = 0;
        double sq = 0;
        for (ulong i = 0; i < Count; i++)
        {
            double x = CounterRandom.Uniform(42, 7, i);
            Assert.InRange(x, 0.0, 0.9999999999999999);
            sum += x;
            sq += x * x;
        }

        double mean = sum / Count;
        Assert.InRange(mean, 0.5 - 0.003, 0.5 + 0.003);
        Assert.InRange((sq / Count) - (mean * mean), (1.0 / 12) - 0.002, (1.0 / 12) + 0.002);
    }

    [Fact]
    public void Normals_have_mean_0_variance_1_and_follow_box_muller_of_the_uniforms()
    {
        const int Count = 200_000;
        double sum = 0;
        double sq = 0;
        for (ulong i = 0; i < Count; i++)
        {
            double x = CounterRandom.Normal(5, 3, i);
            sum += x;
            sq += x * x;
        }

        Assert.InRange(sum / Count, -0.01, 0.01);
        Assert.InRange(sq / Count, 0.98, 1.02);
        double u1 = CounterRandom.Uniform(5, 3, 20);
        double u2 = CounterRandom.Uniform(5, 3, 21);
        Assert.Equal(Math.Sqrt(-2.0 * Math.Log(1.0 - u1)) * Math.Cos(2.0 * Math.PI * u2), CounterRandom.Normal(5, 3, 10));
    }

    [Fact]
    public void The_network_noise_uses_CounterRandom_words_and_is_standard_normal()
    {
        ulong key = ThalamicNoise.Key(11, RandomStreams.ThalamicNoise);
        for (ulong i = 0; i < 10_000; i += 7)
        {
            Assert.Equal(CounterRandom.Bits(11, RandomStreams.ThalamicNoise, i), ThalamicNoise.BitsAt(key, i));
            Assert.Equal(CounterRandom.Uniform(11, RandomStreams.ThalamicNoise, i), ThalamicNoise.UniformAt(key, i));
        }

        // Moments and tail mass of 400,000 draws: mean 0, variance 1, kurtosis 3, P(|z| > 3) = 0.0027, P(|z| > R) = 0.000576.
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
    public void The_network_noise_of_a_neuron_does_not_depend_on_the_block_that_computes_it()
    {
        ulong key = ThalamicNoise.Key(3, RandomStreams.ThalamicNoise);
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

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
    public void The_network_noise_uses_the_same_uniforms_and_matches_Normal_to_rounding()
    {
        ulong key = ThalamicNoise.Key(11, RandomStreams.ThalamicNoise);
        for (ulong i = 0; i < 10_000; i += 7)
        {
            Assert.Equal(CounterRandom.Uniform(11, RandomStreams.ThalamicNoise, i), ThalamicNoise.UniformAt(key, i));
        }

        // An odd N puts pairs across rows; blocks starting anywhere give the same values.
        const int N = 37;
        var sigma = NetworkTestKit.Fill(N, 1.0);
        var e = new double[N];
        ulong offset = 5 * N;
        ThalamicNoise.Fill(e, new ThalamicNoise.Scratch(ThalamicNoise.ScratchLength(N)), sigma, key, offset, 0, N);
        for (int i = 0; i < N; i++)
        {
            ulong m = offset + (ulong)i;
            double u1 = CounterRandom.Uniform(11, RandomStreams.ThalamicNoise, 2 * (m / 2));
            double u2 = CounterRandom.Uniform(11, RandomStreams.ThalamicNoise, (2 * (m / 2)) + 1);
            double rho = Math.Sqrt(-2.0 * Math.Log(1.0 - u1));
            double expected = m % 2 == 0 ? rho * Math.Cos(2.0 * Math.PI * u2) : rho * Math.Sin(2.0 * Math.PI * u2);
            Assert.Equal(expected, e[i], 1e-12);
            if (m % 2 == 0)
            {
                Assert.Equal(CounterRandom.Normal(11, RandomStreams.ThalamicNoise, m / 2), e[i], 1e-12);
            }
        }

        var part = new double[N];
        ThalamicNoise.Fill(part, new ThalamicNoise.Scratch(ThalamicNoise.ScratchLength(N)), sigma, key, offset, 0, 13);
        var tail = new double[N - 13];
        ThalamicNoise.Fill(tail, new ThalamicNoise.Scratch(ThalamicNoise.ScratchLength(N)), sigma, key, offset, 13, N);
        tail.CopyTo(part, 13);
        Assert.Equal(e, part);
    }
}

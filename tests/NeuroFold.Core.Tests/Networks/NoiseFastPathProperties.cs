using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Networks;
using NeuroFold.Core.Numerics;
using NeuroFold.Core.Random;
using Xunit;

namespace NeuroFold.Core.Tests.Networks;

/// <summary>The thalamic noise's fast paths give the plain scalar ziggurat's bits: the AVX-512 fill and the cheap wedge decision.</summary>
public sealed class NoiseFastPathProperties
{
    static Gen<ulong> Word => from hi in Gen.Choose(int.MinValue, int.MaxValue)
                              from lo in Gen.Choose(int.MinValue, int.MaxValue)
                              select ((ulong)(uint)hi << 32) | (uint)lo;

    static long[] Bits(double[] xs) => [.. xs.Select(BitConverter.DoubleToInt64Bits)];

    /// <summary>The ziggurat as first written (one word per attempt, the wedge test with both exponentials correctly rounded): the reference the fast paths must reproduce.</summary>
    static double ReferenceNormal(ulong key, ulong m)
    {
        var xs = ThalamicNoise.X;
        var ratio = ThalamicNoise.Ratio;
        const int Words = 64;
        const double R = 3.442619855899;
        ulong first = m * Words;
        ulong w = CounterRandom.BitsAt(key, first);
        double u = (2.0 * ((long)(w >> 11) * (1.0 / (1UL << 53)))) - 1.0;
        int layer = (int)(w & 127);
        if (Math.Abs(u) < ratio[layer])
        {
            return u * xs[layer];
        }

        int k = 1;
        while (true)
        {
            if (layer == 0)
            {
                bool negative = u < 0;
                while (k + 1 < Words)
                {
                    double x = CorrectlyRounded.Log(1.0 - CounterRandom.UniformAt(key, first + (ulong)k)) / R;
                    double y = CorrectlyRounded.Log(1.0 - CounterRandom.UniformAt(key, first + (ulong)k + 1));
                    k += 2;
                    if (-2.0 * y >= x * x)
                    {
                        return negative ? x - R : R - x;
                    }
                }

                return u * xs[layer];
            }

            double xu = u * xs[layer];
            if (k >= Words)
            {
                return xu;
            }

            double f0 = CorrectlyRounded.Exp(-0.5 * ((xs[layer] * xs[layer]) - (xu * xu)));
            double f1 = CorrectlyRounded.Exp(-0.5 * ((xs[layer + 1] * xs[layer + 1]) - (xu * xu)));
            if (f1 + (CounterRandom.UniformAt(key, first + (ulong)k) * (f0 - f1)) < 1.0)
            {
                return xu;
            }

            k++;
            if (k >= Words)
            {
                return xu;
            }

            w = CounterRandom.BitsAt(key, first + (ulong)k);
            k++;
            u = (2.0 * ((long)(w >> 11) * (1.0 / (1UL << 53)))) - 1.0;
            layer = (int)(w & 127);
            if (Math.Abs(u) < ratio[layer])
            {
                return u * xs[layer];
            }
        }
    }

    [Property(MaxTest = 200)]
    public Property Vectorised_fill_equals_the_scalar_fill_for_any_key_offset_and_length() =>
        Prop.ForAll((from key in Word from offset in Gen.Choose(0, int.MaxValue) from start in Gen.Choose(0, 40) from length in Gen.Choose(0, 2100) select (key, offset, start, length)).ToArbitrary(), c =>
        {
            var (key, offset, from, length) = c;
            int to = from + length;
            var sigma = new double[to + 1];
            for (int i = 0; i < sigma.Length; i++)
            {
                sigma[i] = 1.0 + (0.37 * (i % 11));
            }

            var scalar = new double[length];
            var filled = new double[length];
            ThalamicNoise.FillScalar(scalar, sigma, key, (ulong)offset * 977UL, from, from, to);
            ThalamicNoise.Fill(filled, sigma, key, (ulong)offset * 977UL, from, to);
            bool same = Bits(scalar).SequenceEqual(Bits(filled));
            if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported)
            {
                var vector = new double[length];
                int done = ThalamicNoise.FillVector512(vector, sigma, key, (ulong)offset * 977UL, from, to);
                same &= done == from + (length / 8 * 8) && Bits(scalar).Take(done - from).SequenceEqual(Bits(vector).Take(done - from));
            }

            return same;
        });

    [Property(MaxTest = 100)]
    public Property Draws_equal_the_reference_ziggurat() =>
        Prop.ForAll(Word.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (key, start) =>
        {
            // 600 consecutive draws hold about 16 that leave the one-word path (wedge tests, tails, second attempts).
            for (ulong m = (ulong)start; m < (ulong)start + 600; m++)
            {
                if (BitConverter.DoubleToInt64Bits(ThalamicNoise.Normal(key, m)) != BitConverter.DoubleToInt64Bits(ReferenceNormal(key, m)))
                {
                    return false;
                }
            }

            return true;
        });

    [Fact]
    public void A_hundred_thousand_draws_of_the_W4_stream_equal_the_reference_ziggurat()
    {
        ulong key = CounterRandom.Key(1, RandomStreams.ThalamicNoise);
        var sigma = NetworkTestKit.Fill(100_000, 1.0);
        var e = new double[100_000];
        ThalamicNoise.Fill(e, sigma, key, 100_000UL * 500, 0, 100_000);
        for (int i = 0; i < e.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(ReferenceNormal(key, (100_000UL * 500) + (ulong)i)), BitConverter.DoubleToInt64Bits(e[i]));
        }
    }

    /// <summary>Wedge tests as the ziggurat makes them (layer 1–127, |u| between the layer's ratio and 1), and ones placed on the boundary, where the cheap decision must fall back.</summary>
    [Property(MaxTest = 2000)]
    public Property The_cheap_wedge_decision_equals_the_correctly_rounded_one() =>
        Prop.ForAll((from layer in Gen.Choose(1, 127) from a in Gen.Choose(0, 1 << 30) from b in Gen.Choose(0, 1 << 30) from nudge in Gen.Choose(-64, 64) select (layer, a, b, nudge)).ToArbitrary(), c =>
        {
            var (layer, a, b, nudge) = c;
            var xs = ThalamicNoise.X;
            double r = ThalamicNoise.Ratio[layer];
            double u = r + ((1.0 - r) * (a / (double)(1 << 30)));
            double xu = u * xs[layer];
            double a0 = -0.5 * ((xs[layer] * xs[layer]) - (xu * xu));
            double a1 = -0.5 * ((xs[layer + 1] * xs[layer + 1]) - (xu * xu));
            double uniform = b / (double)(1 << 30);
            double f0 = CorrectlyRounded.Exp(a0);
            double f1 = CorrectlyRounded.Exp(a1);
            double boundary = f1 != f0 ? Math.Clamp((f1 - 1.0) / (f1 - f0), 0.0, 1.0) : 0.5;
            double near = Math.Clamp(boundary + (nudge * Math.ScaleB(1.0, -52)), 0.0, 1.0 - Math.ScaleB(1.0, -53));
            return ThalamicNoise.WedgeAccepts(a0, a1, uniform) == ThalamicNoise.WedgeAcceptsExact(a0, a1, uniform)
                && ThalamicNoise.WedgeAccepts(a0, a1, near) == ThalamicNoise.WedgeAcceptsExact(a0, a1, near);
        });

    [Property(MaxTest = 3000)]
    public Property The_approximate_exp_is_within_2_to_the_minus_40_of_the_correctly_rounded_one() =>
        Prop.ForAll(Gen.Choose(-1 << 30, 1 << 30).ToArbitrary(), k =>
        {
            double x = 8.0 * k / (1 << 30);
            double exact = CorrectlyRounded.Exp(x);
            return Math.Abs(ThalamicNoise.ApproxExp(x) - exact) <= exact * Math.ScaleB(1.0, -40);
        });

    [Fact]
    public void The_approximate_exp_is_NaN_outside_its_range()
    {
        Assert.True(double.IsNaN(ThalamicNoise.ApproxExp(8.01)));
        Assert.True(double.IsNaN(ThalamicNoise.ApproxExp(-8.01)));
        Assert.True(double.IsNaN(ThalamicNoise.ApproxExp(double.NaN)));
        Assert.Equal(1.0, ThalamicNoise.ApproxExp(0.0));
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Networks;

namespace NeuroFold.Core.Tests.Networks;

/// <summary>The prefetched pointer delivery of one-delay sparse rows adds what the plain loop adds, in its order.</summary>
public sealed class DeliveryFastPathProperties
{
    static long[] Bits(double[] xs) => [.. xs.Select(BitConverter.DoubleToInt64Bits)];

    /// <summary>Random rows with repeated targets, random fired lists and 1–3 blocks: the prefetched pointer loop adds what the plain loop adds, in its order.</summary>
    [Property(MaxTest = 200)]
    public Property Prefetched_delivery_equals_the_plain_loop() =>
        Prop.ForAll((from n in Gen.Choose(2, 300) from synapses in Gen.Choose(0, 4000) from blocks in Gen.Choose(1, 3) from seed in Gen.Choose(0, int.MaxValue) select (n, synapses, blocks, seed)).ToArbitrary(), c =>
        {
            var (n, synapses, blocks, seed) = c;
            var rnd = new System.Random(seed);
            var pre = new int[synapses];
            var post = new int[synapses];
            var weights = new double[synapses];
            var delays = new int[synapses];
            for (int s = 0; s < synapses; s++)
            {
                pre[s] = rnd.Next(n);
                post[s] = rnd.Next(Math.Max(1, n / 3)) * 3 % n; // few distinct targets: rows repeat targets often
                weights[s] = (rnd.NextDouble() - 0.3) * Math.ScaleB(1.0, rnd.Next(-30, 30));
                delays[s] = 1;
            }

            var rows = Connectivity.Sparse.Create(n, pre, post, weights, delays).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
            int[] rs = [.. rows.RowStart];
            int[] tg = [.. rows.Targets];
            double[] w = [.. rows.Weights];
            int size = (n + blocks - 1) / blocks;
            int[] lo = [.. Enumerable.Range(0, blocks).Select(k => Math.Min(n, k * size))];
            var split = NetworkKernel<Core.Arithmetic.Lane128, System.Runtime.Intrinsics.Vector128<double>>.BlockSplit(rs, tg, lo);
            int[] fired = [.. Enumerable.Range(0, rnd.Next(0, 3 * n)).Select(_ => rnd.Next(n))];
            int slot = rnd.Next(0, 5);
            for (int block = -1; block < blocks; block++)
            {
                if (block < 0 && blocks > 1)
                {
                    continue;
                }

                var plain = new double[slot + n];
                var fast = new double[slot + n];
                for (int i = 0; i < plain.Length; i++)
                {
                    plain[i] = fast[i] = i * 0.1;
                }

                foreach (int j in fired)
                {
                    // the run of the block by its targets (the plain definition, not the split table)
                    int s0 = rs[j];
                    int s1 = rs[j + 1];
                    if (block >= 0)
                    {
                        while (s0 < s1 && tg[s0] < lo[block])
                        {
                            s0++;
                        }

                        int end = block + 1 < blocks ? lo[block + 1] : n;
                        s1 = s0;
                        while (s1 < rs[j + 1] && tg[s1] < end)
                        {
                            s1++;
                        }
                    }
                    for (int s = s0; s < s1; s++)
                    {
                        plain[slot + tg[s]] += w[s];
                    }
                }

                NetworkKernel<Core.Arithmetic.Lane128, System.Runtime.Intrinsics.Vector128<double>>.DeliverRuns(rs, split, blocks + 1, tg, w, fast, slot, fired, fired.Length, block);
                if (!Bits(plain).SequenceEqual(Bits(fast)))
                {
                    return false;
                }
            }

            return true;
        });
}

using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;
using NeuroFold.Core.Models;
using NeuroFold.Core.Random;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Core.Networks;

/// <summary>The mutable working buffers of one network run; used only inside <see cref="NetworkSimulation.Run(Network, NetworkState, int, int)"/>.</summary>
internal sealed class NetworkKernel
{
    const int Align = 8;

    readonly int n;
    readonly double[] v;
    readonly double[] u;
    readonly double[] a;
    readonly double[] b;
    readonly double[] c;
    readonly double[] d;
    readonly int ringSlots;
    readonly double[] ring;
    readonly int stepsDone;

    // connectivity
    readonly double[]? denseWeights;
    readonly int denseDelay;
    readonly int[]? rowStart;
    readonly int[]? targets;
    readonly double[]? weights;
    readonly byte[]? delays;
    readonly int[] slotBase;

    // input
    readonly int inputKind;
    readonly ulong seed;
    readonly double[]? sigma;
    readonly double[]? values;

    // blocks
    readonly int blocks;
    readonly int[] lo;
    readonly int[] hi;
    readonly int[][][] fired;
    readonly int[][] firedCount;
    readonly int[] nonFinite;
    readonly double[][] ext;
    readonly Action<int> body;

    int currentT;
    int currentParity;
    bool currentDetect;

    public NetworkKernel(Network network, NetworkState start, int threads)
    {
        var neurons = network.Neurons;
        n = neurons.Count;
        v = start.V.ToArray();
        u = start.U.ToArray();
        a = Raw(neurons.A);
        b = Raw(neurons.B);
        c = Raw(neurons.C);
        d = Raw(neurons.D);
        stepsDone = start.StepsDone;

        int maxDelay = network.Connectivity.MaxDelaySteps;
        ringSlots = maxDelay + 1;
        ring = new double[ringSlots * n];
        for (int r = 0; r < maxDelay; r++)
        {
            int slot = (stepsDone + 1 + r) % ringSlots;
            start.Pending.AsSpan(r * n, n).CopyTo(ring.AsSpan(slot * n, n));
        }

        slotBase = new int[ringSlots];
        switch (network.Connectivity)
        {
            case Connectivity.Dense dense:
                denseWeights = Raw(dense.WeightsByPresynaptic);
                denseDelay = dense.DelaySteps;
                break;
            case Connectivity.Sparse sparse:
                rowStart = Raw(sparse.RowStart);
                targets = Raw(sparse.Targets);
                weights = Raw(sparse.Weights);
                delays = Raw(sparse.DelaysSteps);
                break;
            default:
                throw new ArgumentException("unknown connectivity", nameof(network));
        }

        switch (network.Input)
        {
            case NetworkInput.Thalamic th:
                inputKind = 0;
                seed = th.Seed;
                sigma = Raw(th.Sigma);
                break;
            case NetworkInput.Sampled s:
                inputKind = 1;
                values = Raw(s.Values);
                break;
            case NetworkInput.Constant k:
                inputKind = 2;
                values = Raw(k.Values);
                break;
            default:
                throw new ArgumentException("unknown input", nameof(network));
        }

        int size = Math.Max(Align, ((n + threads - 1) / threads + Align - 1) / Align * Align);
        blocks = (n + size - 1) / size;
        lo = new int[blocks];
        hi = new int[blocks];
        fired = [new int[blocks][], new int[blocks][]];
        firedCount = [new int[blocks], new int[blocks]];
        nonFinite = new int[blocks];
        ext = new double[blocks][];
        for (int k = 0; k < blocks; k++)
        {
            lo[k] = k * size;
            hi[k] = Math.Min(n, (k + 1) * size);
            fired[0][k] = new int[hi[k] - lo[k]];
            fired[1][k] = new int[hi[k] - lo[k]];
            ext[k] = new double[hi[k] - lo[k]];
        }

        body = k => StepBlock(k, currentT, currentParity, currentDetect);
    }

    static T[] Raw<T>(ImmutableArray<T> array) => ImmutableCollectionsMarshal.AsArray(array)!;

    public NetworkResult Run(int steps)
    {
        var spikeSteps = new List<int>();
        var spikeNeurons = new List<int>();
        RunStatus status = new RunStatus.Completed();
        int done = stepsDone;
        if (steps > 0)
        {
            for (int k = 0; k < blocks; k++)
            {
                Detect(k, 0);
            }

            Record(stepsDone + 1, 0, spikeSteps, spikeNeurons);
            int parity = 0;
            var options = new ParallelOptions { MaxDegreeOfParallelism = blocks };
            for (int step = 0; step < steps; step++)
            {
                int t = stepsDone + 1 + step;
                for (int r = 0; r < ringSlots; r++)
                {
                    slotBase[r] = ((t + r) % ringSlots) * n;
                }

                currentT = t;
                currentParity = parity;
                currentDetect = step < steps - 1;
                if (blocks == 1)
                {
                    body(0);
                }
                else
                {
                    Parallel.For(0, blocks, options, body);
                }

                done = t;
                int bad = FirstNonFinite();
                if (bad >= 0)
                {
                    status = new RunStatus.NonFinite(t - 1, t * NetworkSimulation.StepMs, bad);
                    break;
                }

                parity ^= 1;
                if (currentDetect)
                {
                    Record(t + 1, parity, spikeSteps, spikeNeurons);
                }
            }
        }

        int maxDelay = ringSlots - 1;
        var pending = new double[maxDelay * n];
        for (int r = 0; r < maxDelay; r++)
        {
            int slot = (done + 1 + r) % ringSlots;
            ring.AsSpan(slot * n, n).CopyTo(pending.AsSpan(r * n, n));
        }

        var final = new NetworkState(
            done,
            ImmutableCollectionsMarshal.AsImmutableArray(v),
            ImmutableCollectionsMarshal.AsImmutableArray(u),
            ImmutableCollectionsMarshal.AsImmutableArray(pending));
        return new NetworkResult([.. spikeSteps], [.. spikeNeurons], final, status);
    }

    int FirstNonFinite()
    {
        for (int k = 0; k < blocks; k++)
        {
            if (nonFinite[k] >= 0)
            {
                return nonFinite[k];
            }
        }

        return -1;
    }

    void Record(int t, int parity, List<int> spikeSteps, List<int> spikeNeurons)
    {
        for (int k = 0; k < blocks; k++)
        {
            var list = fired[parity][k];
            int count = firedCount[parity][k];
            for (int x = 0; x < count; x++)
            {
                spikeSteps.Add(t);
                spikeNeurons.Add(list[x]);
            }
        }
    }

    void Detect(int block, int parity)
    {
        var list = fired[parity][block];
        int count = 0;
        for (int i = lo[block]; i < hi[block]; i++)
        {
            if (v[i] >= Izhikevich.PeakMv)
            {
                list[count++] = i;
                v[i] = c[i];
                u[i] = u[i] + d[i];
            }
        }

        firedCount[parity][block] = count;
        nonFinite[block] = -1;
    }

    void StepBlock(int block, int t, int parity, bool detect)
    {
        int from = lo[block];
        int to = hi[block];
        Deliver(from, to, parity);
        var e = ext[block];
        FillInput(e, from, to, t);

        var cur = ring.AsSpan(slotBase[0], n);
        var list = fired[parity ^ 1][block];
        int count = 0;
        int bad = -1;
        for (int i = from; i < to; i++)
        {
            double input = e[i - from] + cur[i];
            cur[i] = 0.0;
            double vi = v[i];
            double ui = u[i];
            vi = vi + (0.5 * (Izhikevich.Drive(vi, ui) + input));
            vi = vi + (0.5 * (Izhikevich.Drive(vi, ui) + input));
            ui = ui + (a[i] * ((b[i] * vi) - ui));
            if (!double.IsFinite(vi) || !double.IsFinite(ui))
            {
                v[i] = vi;
                u[i] = ui;
                bad = i;
                break;
            }

            if (detect && vi >= Izhikevich.PeakMv)
            {
                list[count++] = i;
                vi = c[i];
                ui = ui + d[i];
            }

            v[i] = vi;
            u[i] = ui;
        }

        firedCount[parity ^ 1][block] = count;
        nonFinite[block] = bad;
    }

    void FillInput(double[] e, int from, int to, int t)
    {
        ulong offset = (ulong)(t - 1) * (ulong)n;
        switch (inputKind)
        {
            case 0:
                var s = sigma!;
                for (int i = from; i < to; i++)
                {
                    e[i - from] = s[i] * CounterRandom.Normal(seed, RandomStreams.ThalamicNoise, offset + (ulong)i);
                }

                break;
            case 1:
                values.AsSpan((int)offset + from, to - from).CopyTo(e);
                break;
            default:
                values.AsSpan(from, to - from).CopyTo(e);
                break;
        }
    }

    void Deliver(int from, int to, int parity)
    {
        var lists = fired[parity];
        var counts = firedCount[parity];
        if (denseWeights is not null)
        {
            var dst = ring.AsSpan(slotBase[denseDelay] + from, to - from);
            for (int k = 0; k < blocks; k++)
            {
                var list = lists[k];
                for (int x = 0; x < counts[k]; x++)
                {
                    AddTo(dst, denseWeights.AsSpan((list[x] * n) + from, to - from));
                }
            }

            return;
        }

        var rs = rowStart!;
        var tg = targets!;
        var w = weights!;
        var dl = delays!;
        var sb = slotBase;
        var r = ring;
        bool whole = from == 0 && to == n;
        for (int k = 0; k < blocks; k++)
        {
            var list = lists[k];
            for (int x = 0; x < counts[k]; x++)
            {
                int j = list[x];
                int s = rs[j];
                int end = rs[j + 1];
                if (whole)
                {
                    for (; s < end; s++)
                    {
                        r[sb[dl[s]] + tg[s]] += w[s];
                    }
                }
                else
                {
                    s = LowerBound(tg, s, end, from);
                    for (; s < end; s++)
                    {
                        int i = tg[s];
                        if (i >= to)
                        {
                            break;
                        }

                        r[sb[dl[s]] + i] += w[s];
                    }
                }
            }
        }
    }

    static int LowerBound(int[] sorted, int start, int end, int value)
    {
        while (start < end)
        {
            int mid = (int)(((uint)start + (uint)end) >> 1);
            if (sorted[mid] < value)
            {
                start = mid + 1;
            }
            else
            {
                end = mid;
            }
        }

        return start;
    }

    /// <summary><c>dst[i] += src[i]</c> element by element: vector lanes do the same IEEE additions as the scalar loop.</summary>
    static void AddTo(Span<double> dst, ReadOnlySpan<double> src)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= dst.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                (new Vector<double>(dst[i..]) + new Vector<double>(src[i..])).CopyTo(dst[i..]);
            }
        }

        for (; i < dst.Length; i++)
        {
            dst[i] += src[i];
        }
    }
}

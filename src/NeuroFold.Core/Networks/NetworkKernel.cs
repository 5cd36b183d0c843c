using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NeuroFold.Core.Models;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Core.Networks;

/// <summary>The mutable working buffers of one network run; used only inside <see cref="NetworkSimulation.Run(Network, NetworkState, int, int)"/>.</summary>
internal sealed class NetworkKernel
{
    const int Align = 8;
    const int Chunk = 1024;

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
    readonly int uniformDelay;

    // input
    readonly int inputKind;
    readonly ulong noiseKey;
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
                uniformDelay = UniformDelay(delays);
                break;
            default:
                throw new ArgumentException("unknown connectivity", nameof(network));
        }

        switch (network.Input)
        {
            case NetworkInput.Thalamic th:
                inputKind = 0;
                noiseKey = ThalamicNoise.Key(th.Seed, RandomStreams.ThalamicNoise);
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
            ext[k] = new double[Math.Min(Chunk, hi[k] - lo[k])];

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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void StepBlock(int block, int t, int parity, bool detect)
    {
        int from = lo[block];
        int to = hi[block];
        Deliver(from, to, parity);
        var e = ext[block];
        var list = fired[parity ^ 1][block];
        int count = 0;
        int bad = -1;

        // Input and integration chunk by chunk, so the input buffer stays in cache.
        for (int c0 = from; c0 < to && bad < 0; c0 += Chunk)
        {
            int c1 = Math.Min(to, c0 + Chunk);
            FillInput(e, c0, c1, t);
            bad = Integrate(e, c0, c1, list, ref count, detect);
        }

        firedCount[parity ^ 1][block] = count;
        nonFinite[block] = bad;
    }

    /// <summary>Integrates neurons <paramref name="from"/> … <paramref name="to"/> − 1 with external input <c>e[i − from]</c>; returns the first non-finite neuron or −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    int Integrate(double[] e, int from, int to, int[] list, ref int count, bool detect)
    {
        var cur = ring.AsSpan(slotBase[0], n);
        int bad = -1;
        int i = from;
        if (Vector256.IsHardwareAccelerated)
        {
            var half = Vector256.Create(0.5);
            var k004 = Vector256.Create(0.04);
            var k5 = Vector256.Create(5.0);
            var k140 = Vector256.Create(140.0);
            var peak = Vector256.Create(Izhikevich.PeakMv);
            var inf = Vector256.Create(double.PositiveInfinity);
            for (; i <= to - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var input = Vector256.Create(new ReadOnlySpan<double>(e, i - from, Vector256<double>.Count)) + Vector256.Create((ReadOnlySpan<double>)cur.Slice(i, Vector256<double>.Count));
                Vector256<double>.Zero.CopyTo(cur.Slice(i, Vector256<double>.Count));
                var vi = Vector256.Create(new ReadOnlySpan<double>(v, i, Vector256<double>.Count));
                var ui = Vector256.Create(new ReadOnlySpan<double>(u, i, Vector256<double>.Count));
                vi = vi + (half * (((((k004 * (vi * vi)) + (k5 * vi)) + k140) - ui) + input));
                vi = vi + (half * (((((k004 * (vi * vi)) + (k5 * vi)) + k140) - ui) + input));
                ui = ui + (Vector256.Create(new ReadOnlySpan<double>(a, i, Vector256<double>.Count)) *
                           ((Vector256.Create(new ReadOnlySpan<double>(b, i, Vector256<double>.Count)) * vi) - ui));
                vi.CopyTo(v.AsSpan(i));
                ui.CopyTo(u.AsSpan(i));

                // |x| < inf is false exactly for NaN and ±inf.
                if (!Vector256.LessThanAll(Vector256.Abs(vi), inf) || !Vector256.LessThanAll(Vector256.Abs(ui), inf))
                {
                    for (int lane = 0; lane < Vector256<double>.Count; lane++)
                    {
                        if (!double.IsFinite(v[i + lane]) || !double.IsFinite(u[i + lane]))
                        {
                            bad = i + lane;
                            break;
                        }
                    }

                    return bad;
                }

                if (detect && Vector256.GreaterThanOrEqualAny(vi, peak))
                {
                    for (int lane = 0; lane < Vector256<double>.Count; lane++)
                    {
                        int x = i + lane;
                        if (v[x] >= Izhikevich.PeakMv)
                        {
                            list[count++] = x;
                            v[x] = c[x];
                            u[x] = u[x] + d[x];
                        }
                    }
                }
            }
        }

        for (; i < to; i++)
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

        return bad;
    }

    void FillInput(double[] e, int from, int to, int t)
    {
        ulong offset = (ulong)(t - 1) * (ulong)n;
        switch (inputKind)
        {
            case 0:
                ThalamicNoise.Fill(e, sigma!, noiseKey, offset, from, to);
                break;
            case 1:
                values.AsSpan((int)offset + from, to - from).CopyTo(e);
                break;
            default:
                values.AsSpan(from, to - from).CopyTo(e);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
                if (whole && uniformDelay >= 0)
                {
                    var slot = r.AsSpan(sb[uniformDelay], n);
                    var ts = new ReadOnlySpan<int>(tg, s, end - s);
                    var ws = new ReadOnlySpan<double>(w, s, ts.Length);
                    for (int q = 0; q < ts.Length; q++)
                    {
                        slot[ts[q]] += ws[q];
                    }
                }
                else if (whole)
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

    /// <summary>The delay every synapse shares, or −1 when they differ.</summary>
    static int UniformDelay(byte[] delays)
    {
        if (delays.Length == 0)
        {
            return 0;
        }

        byte first = delays[0];
        foreach (byte d in delays)
        {
            if (d != first)
            {
                return -1;
            }
        }

        return first;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

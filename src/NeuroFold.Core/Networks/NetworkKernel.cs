using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Core.Networks;

/// <summary>The mutable working buffers of one network run at arithmetic <typeparamref name="TLane"/>; used only inside <see cref="NetworkSimulation.Run(Network, NetworkState, int, int, Action{int})"/>.</summary>
/// <remarks>
/// The neurons are integrated by <see cref="Net2003Scheme"/>'s own step (its reset, then its two half steps and its u
/// update), one vector of neurons at a time, with Izhikevich's input <c>I = I_ext + acc</c> as the step's input term.
/// The state arrays are padded to whole vectors; padding lanes get no input, are never detected as firing and never
/// reported.
/// </remarks>
/// <typeparam name="TLane">The arithmetic.</typeparam>
/// <typeparam name="TMask">Its masks.</typeparam>
internal sealed class NetworkKernel<TLane, TMask>
    where TLane : struct, ILane<TLane, TMask>
    where TMask : struct
{
    const int Chunk = 1024;

    readonly int n;
    readonly int lanes;
    readonly double[] v;
    readonly double[] u;
    // The step's constants by neuron (struct of arrays): dt·a and b are read every step, c and d only by a vector with
    // a lane at or above the peak; dt/2 and the capacitance are the same for every neuron. dt·a and b are stored once
    // per run of vectors with the same bits (W4's excitatory 80 % share one pair): vector k's are the 2·w doubles
    // from abAt[k] of dtAB (dt·a lanes, then b lanes), so the per-step stream of them shrinks to the distinct ones.
    readonly double[] dtAB;
    readonly int[] abAt;
    readonly double[] cs;
    readonly double[] ds;
    readonly TLane halfDt;
    readonly TLane capacitance;
    // With every delay ≥ 1 a step delivers its spikes after its integration, into slots of later steps only, so the
    // ring needs maxDelay slots (the slot the step has just read and zeroed is the one of step t + maxDelay); with a
    // delay of 0 it delivers before, as net.m does, and needs maxDelay + 1. W4's one delay of 1 so keeps one slot.
    readonly int maxDelay;
    readonly bool deliverAfter;
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

    // sparse rows bucketed by target block: row j's targets in block b are blockSplit[j·(blocks + 1) + b] … blockSplit[j·(blocks + 1) + b + 1] − 1
    readonly int[]? blockSplit;

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
        int w = TLane.Count;
        int size = Math.Max(w, ((n + threads - 1) / threads + w - 1) / w * w);
        lanes = (n + w - 1) / w * w;
        v = new double[lanes];
        u = new double[lanes];
        start.V.AsSpan().CopyTo(v);
        start.U.AsSpan().CopyTo(u);
        var parameters = new IzhikevichParameters[lanes];
        for (int i = 0; i < lanes; i++)
        {
            int from = Math.Min(i, n - 1);
            parameters[i] = neurons.Parameters(from);
            v[i] = i < n ? v[i] : Izhikevich2003Network.V0Mv;
            u[i] = i < n ? u[i] : neurons.B[from] * Izhikevich2003Network.V0Mv;
        }

        var pairs = new double[2 * lanes];
        abAt = new int[lanes / w];
        int distinct = 0;
        cs = new double[lanes];
        ds = new double[lanes];
        for (int k = 0; k < lanes / w; k++)
        {
            var prepared = Net2003Scheme.Constants<TLane, TMask>.Prepare(parameters.AsSpan(k * w, w), NetworkSimulation.StepMs, 1.0);
            int at = distinct * 2 * w;
            TLane.Store(prepared.DtA, pairs, at);
            TLane.Store(prepared.B, pairs, at + w);
            if (k > 0 && SameBits(pairs.AsSpan(at - (2 * w), 2 * w), pairs.AsSpan(at, 2 * w)))
            {
                abAt[k] = at - (2 * w);
            }
            else
            {
                abAt[k] = at;
                distinct++;
            }

            TLane.Store(prepared.C, cs, k * w);
            TLane.Store(prepared.D, ds, k * w);
            if (k == 0)
            {
                halfDt = prepared.HalfDtMs;
                capacitance = prepared.Capacitance;
            }
        }

        dtAB = pairs[..(distinct * 2 * w)];
        stepsDone = start.StepsDone;

        maxDelay = network.Connectivity.MaxDelaySteps;
        int minDelay = MinDelay(network.Connectivity);
        deliverAfter = minDelay >= 1;
        ringSlots = deliverAfter ? maxDelay : maxDelay + 1;
        ring = new double[ringSlots * lanes];
        for (int r = 0; r < maxDelay; r++)
        {
            int slot = (stepsDone + 1 + r) % ringSlots;
            start.Pending.AsSpan(r * n, n).CopyTo(ring.AsSpan(slot * lanes, n));
        }

        slotBase = new int[maxDelay + 1];
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
                uniformDelay = minDelay == maxDelay ? minDelay : -1; // every synapse has the one delay, or −1
                break;
            default:
                throw new ArgumentException("unknown connectivity", nameof(network));
        }

        switch (network.Input)
        {
            case NetworkInput.Thalamic th:
                inputKind = 0;
                noiseKey = Random.CounterRandom.Key(th.Seed, RandomStreams.ThalamicNoise);
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
            hi[k] = Math.Min(lanes, (k + 1) * size);
            fired[0][k] = new int[hi[k] - lo[k]];
            fired[1][k] = new int[hi[k] - lo[k]];
            ext[k] = new double[Math.Min(Chunk, hi[k] - lo[k])];
        }

        if (rowStart is not null && blocks > 1)
        {
            // Rows are sorted by target, so each block's part of a row is one run; found once here, not per spike.
            blockSplit = BlockSplit(rowStart, targets!, lo);
        }

        body = k => StepBlock(k, currentT, currentParity, currentDetect);
    }

    static T[] Raw<T>(ImmutableArray<T> array) => ImmutableCollectionsMarshal.AsArray(array)!;

    /// <summary>Runs <paramref name="steps"/> steps; <paramref name="progress"/> is told the steps done every <see cref="NetworkSimulation.ProgressInterval"/> steps and at the end.</summary>
    public NetworkResult Run(int steps, Action<int>? progress)
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

            Record(stepsDone, 0, spikeSteps, spikeNeurons);
            int parity = 0;
            using var team = new StepTeam(blocks, body);
            for (int step = 0; step < steps; step++)
            {
                int t = stepsDone + 1 + step;
                for (int r = 0; r <= maxDelay; r++)
                {
                    slotBase[r] = ((t + r) % ringSlots) * lanes;
                }

                currentT = t;
                currentParity = parity;
                currentDetect = step < steps - 1;
                team.Run();
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
                    Record(t, parity, spikeSteps, spikeNeurons);
                }

                if (progress is not null && ((step + 1) % NetworkSimulation.ProgressInterval == 0 || step + 1 == steps))
                {
                    progress(step + 1);
                }
            }
        }

        var pending = new double[maxDelay * n];
        for (int r = 0; r < maxDelay; r++)
        {
            int slot = (done + 1 + r) % ringSlots;
            ring.AsSpan(slot * lanes, n).CopyTo(pending.AsSpan(r * n, n));
        }

        var final = new NetworkState(
            done,
            ImmutableCollectionsMarshal.AsImmutableArray(v.AsSpan(0, n).ToArray()),
            ImmutableCollectionsMarshal.AsImmutableArray(u.AsSpan(0, n).ToArray()),
            ImmutableCollectionsMarshal.AsImmutableArray(pending));
        return new NetworkResult([.. spikeSteps], [.. spikeNeurons], final, status, stepsDone, steps);
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

    /// <summary>Adds the neurons detected as firing to the result, as spikes of 0-based step <paramref name="step"/> (time <c>(step + 1)</c> ms).</summary>
    void Record(int step, int parity, List<int> spikeSteps, List<int> spikeNeurons)
    {
        for (int k = 0; k < blocks; k++)
        {
            var list = fired[parity][k];
            int count = firedCount[parity][k];
            for (int x = 0; x < count; x++)
            {
                spikeSteps.Add(step);
                spikeNeurons.Add(list[x]);
            }
        }
    }

    /// <summary>Lists the neurons of <paramref name="block"/> that fire at the start of the next step (their v ≥ 30; the step's own reset applies it).</summary>
    void Detect(int block, int parity)
    {
        var list = fired[parity][block];
        int count = 0;
        for (int i = lo[block]; i < hi[block]; i += TLane.Count)
        {
            AddFiring(i, Net2003Scheme.Fires<TLane, TMask>(TLane.Load(v, i)) & ValidLanes(i, TLane.Count), list, ref count);
        }

        firedCount[parity][block] = count;
        nonFinite[block] = -1;
    }

    /// <summary>Lists neuron <paramref name="first"/> + l for every bit l of <paramref name="bits"/>, in ascending order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void AddFiring(int first, ulong bits, int[] list, ref int count)
    {
        for (; bits != 0; bits &= bits - 1)
        {
            list[count++] = first + BitOperations.TrailingZeroCount(bits);
        }
    }

    /// <summary>The lanes of the <paramref name="width"/> lanes starting at <paramref name="first"/> that are neurons, not padding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    ulong ValidLanes(int first, int width) => n - first >= width ? ulong.MaxValue : (1UL << Math.Max(n - first, 0)) - 1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void StepBlock(int block, int t, int parity, bool detect)
    {
        int from = lo[block];
        int to = hi[block];
        if (!deliverAfter)
        {
            Deliver(block, from, to, parity);
        }

        var e = ext[block];
        var list = fired[parity ^ 1][block];
        int count = 0;
        int bad = -1;

        // Input and integration chunk by chunk, so the input buffer stays in cache. Every neuron is stepped even when
        // one leaves the finite range, so the state the run stops with does not depend on threads or vector width.
        for (int c0 = from; c0 < to; c0 += Chunk)
        {
            int c1 = Math.Min(to, c0 + Chunk);
            FillInput(e, c0, c1, t);
            int first = Integrate(e, c0, c1, list, ref count, detect);
            bad = bad < 0 ? first : bad;
        }

        if (deliverAfter)
        {
            Deliver(block, from, to, parity);
        }

        firedCount[parity ^ 1][block] = count;
        nonFinite[block] = bad;
    }

    /// <summary>Steps neurons <paramref name="from"/> … <paramref name="to"/> − 1 with external input <c>e[i − from]</c>; returns the first neuron whose state is non-finite, or −1.</summary>
    /// <remarks>
    /// Each vector gets exactly the operations of <see cref="Net2003Scheme.Constants{TLane, TMask}.Step"/>. The loop
    /// reads its arrays through references and one-vector spans (<see cref="At"/>, <see cref="Put"/>), whose length is
    /// the constant lane count, so the JIT keeps one register per array and checks nothing per vector; the range is
    /// checked once, here. A non-finite state is collected in a mask and located afterwards (the same neuron the
    /// per-vector test found).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    int Integrate(double[] e, int from, int to, int[] list, ref int count, bool detect)
    {
        int w = TLane.Count;
        int len = to - from;
        int slot = slotBase[0];
        if (from < 0 || from % w != 0 || len % w != 0 || to > lanes || len > e.Length || list.Length < len + count)
        {
            throw new ArgumentOutOfRangeException(nameof(from), "the range must be whole vectors of the kernel's lanes");
        }

        ref double vRef = ref MemoryMarshal.GetArrayDataReference(v);
        ref double uRef = ref MemoryMarshal.GetArrayDataReference(u);
        ref double curRef = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ring), slot);
        ref double eRef = ref Unsafe.Subtract(ref MemoryMarshal.GetArrayDataReference(e), from);
        ref double abRef = ref MemoryMarshal.GetArrayDataReference(dtAB);
        ref int atRef = ref MemoryMarshal.GetArrayDataReference(abAt);
        ref double cRef = ref MemoryMarshal.GetArrayDataReference(cs);
        ref double dRef = ref MemoryMarshal.GetArrayDataReference(ds);
        var peak = TLane.Constant(Izhikevich.PeakMv);
        var zero = TLane.Constant(0.0);
        var bad = TLane.None;
        for (int i = from; i < to; i += w)
        {
            var vi = At(ref vRef, i);
            var ui = At(ref uRef, i);
            var ji = At(ref eRef, i) + At(ref curRef, i);
            Put(zero, ref curRef, i);
            // dt·a and b from the vector's shared pair; c and d only when the step's reset can read them (a lane at or
            // above the peak, or an arithmetic that always applies the reset), else zero, which the step never reads
            bool reset = TLane.SeesThreshold || TLane.AnyGreaterThanOrEqual(vi, peak);
            int ab = Unsafe.Add(ref atRef, (int)((uint)i / (uint)w));
            var constants = new Net2003Scheme.Constants<TLane, TMask>
            {
                DtA = At(ref abRef, ab),
                B = At(ref abRef, ab + w),
                HalfDtMs = halfDt,
                C = reset ? At(ref cRef, i) : default,
                D = reset ? At(ref dRef, i) : default,
                Capacitance = capacitance,
            };
            constants.Step(ref vi, ref ui, ji);
            Put(vi, ref vRef, i);
            Put(ui, ref uRef, i);
            bad = TLane.Or(bad, TLane.Or(TLane.IsNotFinite(vi), TLane.IsNotFinite(ui)));
            if (detect)
            {
                AddFiring(i, Net2003Scheme.Fires<TLane, TMask>(vi) & ValidLanes(i, w), list, ref count);
            }
        }

        return TLane.Any(bad) ? FirstNonFiniteIn(from, to) : -1;
    }

    /// <summary>The vector at <c>origin[offset]</c>, through a span of exactly one vector (nothing left to check).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static TLane At(ref double origin, int offset) =>
        TLane.Load(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref origin, offset), TLane.Count), 0);

    /// <summary>Stores <paramref name="value"/> at <c>origin[offset]</c>, through a span of exactly one vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Put(TLane value, ref double origin, int offset) =>
        TLane.Store(value, MemoryMarshal.CreateSpan(ref Unsafe.Add(ref origin, offset), TLane.Count), 0);

    /// <summary>The first neuron of <paramref name="from"/> … <paramref name="to"/> − 1 (padding excluded) whose v or u is not finite, or −1.</summary>
    int FirstNonFiniteIn(int from, int to)
    {
        for (int i = from; i < Math.Min(to, n); i++)
        {
            if (!double.IsFinite(v[i]) || !double.IsFinite(u[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Writes the external input of step <paramref name="t"/> for lanes <paramref name="from"/> … <paramref name="to"/> − 1 into <paramref name="e"/> (0 for padding lanes).</summary>
    void FillInput(double[] e, int from, int to, int t)
    {
        ulong offset = (ulong)(t - 1) * (ulong)n;
        int real = Math.Min(to, n);
        switch (inputKind)
        {
            case 0:
                ThalamicNoise.Fill(e, sigma!, noiseKey, offset, from, real);
                break;
            case 1:
                values.AsSpan((int)offset + from, real - from).CopyTo(e);
                break;
            default:
                values.AsSpan(from, real - from).CopyTo(e);
                break;
        }

        e.AsSpan(real - from, to - real).Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Deliver(int block, int from, int to, int parity)
    {
        to = Math.Min(to, n); // padding lanes receive nothing
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
        var split = blockSplit;
        bool whole = from == 0 && to == n;
        if (uniformDelay >= 0)
        {
            // one shared delay (W4's): every synapse of this block's runs adds into that delay's slot
            for (int k = 0; k < blocks; k++)
            {
                DeliverRuns(rs, split, blocks + 1, tg, w, r, sb[uniformDelay], lists[k], counts[k], whole ? -1 : block);
            }

            return;
        }

        for (int k = 0; k < blocks; k++)
        {
            var list = lists[k];
            for (int x = 0; x < counts[k]; x++)
            {
                // the row, or this block's run of it: its targets, in row order
                var (s, end) = Run(rs, split, blocks + 1, list[x], whole ? -1 : block);
                for (; s < end; s++)
                {
                    r[sb[dl[s]] + tg[s]] += w[s];
                }
            }
        }
    }

    /// <summary>How many fired neurons ahead <see cref="DeliverRuns"/> prefetches the row data.</summary>
    const int PrefetchRows = 8;

    /// <summary>
    /// Adds the synapses of the rows <paramref name="rs"/> of <paramref name="list"/>[0 … <paramref name="count"/> − 1]
    /// (each row whole when <paramref name="block"/> is −1, else that block's run of it, from <paramref name="split"/>
    /// with <paramref name="stride"/> = blocks + 1 entries per row) into <c>ringArray[slot + target]</c>, fired neuron by fired neuron and in
    /// row order.
    /// </summary>
    /// <remarks>
    /// The same additions in the same order as the plain loop <c>ring[slot + tg[s]] += w[s]</c>; the rows are
    /// prefetched <see cref="PrefetchRows"/> fired neurons ahead (a fired neuron's row is a random place in the 12 bytes
    /// per synapse of the whole network, so without it every row starts with a cache miss) and their bounds twice as
    /// far ahead, and the loop runs on
    /// pointers without bounds checks: run bounds come from the row starts or <see cref="BlockSplit"/> of the
    /// connectivity's own rows, whose targets lie in 0 … N − 1, and <paramref name="slot"/> + N ≤ the ring's length.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void DeliverRuns(int[] rs, int[]? split, int stride, int[] targets, double[] weights, double[] ringArray, int slot, int[] list, int count, int block)
    {
        bool prefetch = Sse.IsSupported;
        fixed (int* tp = targets)
        fixed (double* wp = weights)
        fixed (double* rp = ringArray)
        fixed (int* bp = block < 0 ? rs : split)
        {
            double* dst = rp + slot;
            for (int x = 0; x < count; x++)
            {
                if (prefetch && x + (2 * PrefetchRows) < count)
                {
                    // the run bounds of a later fired neuron, at hand when its row is prefetched
                    int later = list[x + (2 * PrefetchRows)];
                    Sse.Prefetch0(bp + (block < 0 ? later : (later * stride) + block));
                }

                if (prefetch && x + PrefetchRows < count)
                {
                    var (a, e) = Run(rs, split, stride, list[x + PrefetchRows], block);
                    if (a < e)
                    {
                        for (int q = a; q < e; q += 16)
                        {
                            Sse.Prefetch0(tp + q);
                        }

                        Sse.Prefetch0(tp + e - 1);
                        for (int q = a; q < e; q += 8)
                        {
                            Sse.Prefetch0(wp + q);
                        }

                        Sse.Prefetch0(wp + e - 1);
                    }
                }

                var (s, end) = Run(rs, split, stride, list[x], block);
                for (; s < end; s++)
                {
                    dst[tp[s]] += wp[s];
                }
            }
        }
    }

    /// <summary>Synapses <c>s … end − 1</c> of row <paramref name="j"/>: the whole row (<paramref name="block"/> = −1) or block <paramref name="block"/>'s run.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static (int Start, int End) Run(int[] rowStart, int[]? split, int stride, int j, int block) =>
        block < 0
            ? (rowStart[j], rowStart[j + 1])
            : (split![(j * stride) + block], split[(j * stride) + block + 1]);

    /// <summary>True if <paramref name="a"/> and <paramref name="b"/> hold the same doubles bit for bit.</summary>
    static bool SameBits(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        MemoryMarshal.AsBytes(a).SequenceEqual(MemoryMarshal.AsBytes(b));

    /// <summary>The shortest delay of any synapse, in steps (0 when there are none).</summary>
    static int MinDelay(Connectivity connectivity)
    {
        switch (connectivity)
        {
            case Connectivity.Dense dense:
                return dense.DelaySteps;
            case Connectivity.Sparse sparse when sparse.DelaysSteps.Length > 0:
                int min = int.MaxValue;
                foreach (byte d in sparse.DelaysSteps)
                {
                    min = Math.Min(min, d);
                }

                return min;
            default:
                return 0;
        }
    }

    /// <summary>Where each row's run in each block starts and ends: element <c>j·(blocks + 1) + k</c> is the first synapse of row j whose target is ≥ <paramref name="blockStart"/>[k], element <c>j·(blocks + 1) + blocks</c> the row's end.</summary>
    /// <remarks>Block k's run of row j is <c>split[j·(blocks + 1) + k] … split[j·(blocks + 1) + k + 1] − 1</c>: both bounds in one cache line, for the last block too.</remarks>
    internal static int[] BlockSplit(int[] rowStart, int[] targets, int[] blockStart)
    {
        int rows = rowStart.Length - 1;
        int blocks = blockStart.Length;
        int stride = blocks + 1;
        var split = new int[rows * stride];
        for (int j = 0; j < rows; j++)
        {
            for (int k = 0; k < blocks; k++)
            {
                split[(j * stride) + k] = LowerBound(targets, rowStart[j], rowStart[j + 1], blockStart[k]);
            }

            split[(j * stride) + blocks] = rowStart[j + 1];
        }

        return split;
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

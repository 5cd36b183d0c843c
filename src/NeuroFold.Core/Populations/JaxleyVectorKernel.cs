using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;

namespace NeuroFold.Core.Populations;

/// <summary>The vector kernel of <see cref="JaxleyScheme"/>: 8, 4 or 2 neurons per operation, then a scalar tail.</summary>
/// <remarks>
/// Each lane performs the IEEE operations of <see cref="JaxleyScheme.Step"/> in the same order, without fused
/// multiply-add: <c>bv = b·v</c>; <c>u = bv + (u − bv)·e</c>; <c>v = v + dt·((((0.04·(v·v)) + (5·v)) + 140) − u)</c>;
/// <c>spiked = v ≥ 30</c>; on spiked lanes <c>v = c</c>, <c>u = u + d</c>; then <c>v = v + (dt·J)/C_m</c>, where
/// <c>(dt·J)/C_m</c> is the scalar step's own expression evaluated once per neuron (J is constant). Lane selection
/// replaces the scalar branch and selects exactly the values the branch computes, so every lane equals the scalar fold
/// bit for bit. The block is advanced step by step (step-major) and its spikes are booked in (step, neuron) order; the
/// neurons left over after the last full vector run through the same operations one at a time, neuron-major, with their
/// state in registers. The hot loops make no calls (spikes go to a buffer that is booked between steps), so the JIT
/// keeps every vector in a register.
/// This kernel does not test finiteness per step; the driver finds the first non-finite step of a neuron whose final
/// state is non-finite by re-running its scalar fold (under this scheme a non-finite state never returns to finite:
/// NaN propagates, v = −∞ makes u NaN on the next step, and an infinite u stays infinite or becomes NaN).
/// </remarks>
internal readonly struct JaxleyVectorKernel : IPopulationKernel
{
    const int Capacity = 1024;

    /// <inheritdoc />
    public static void Advance(PopulationWorkspace work, int start, int count, VectorWidth width, SpikeLog log, KernelScratch scratch)
    {
        int done = width switch
        {
            VectorWidth.Bits512 => Advance512(work, start, count & ~7, log, scratch),
            VectorWidth.Bits256 => Advance256(work, start, count & ~3, log, scratch),
            VectorWidth.Bits128 => Advance128(work, start, count & ~1, log, scratch),
            _ => 0,
        };
        for (int neuron = start + done; neuron < start + count; neuron++)
        {
            AdvanceOne(work, neuron, log, scratch);
        }
    }

    /// <summary>One neuron through every step; spike steps are buffered and booked in batches.</summary>
    static void AdvanceOne(PopulationWorkspace work, int neuron, SpikeLog log, KernelScratch scratch)
    {
        scratch.EnsureStepRoom(Capacity);
        var buffer = scratch.Steps;
        int k = 0;
        int steps = work.Steps;
        while (k < steps)
        {
            k = StepsOne(work, neuron, k, buffer, out int pending);
            for (int s = 0; s < pending; s++)
            {
                work.OnSpike(neuron, buffer[s], log);
            }
        }
    }

    /// <summary>Advances one neuron from step <paramref name="k"/> until the end or a full buffer; returns the next step.</summary>
    /// <remarks>No calls inside the loop, so v and u stay in registers across steps.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int StepsOne(PopulationWorkspace work, int neuron, int k, int[] buffer, out int pending)
    {
        double v = work.V[neuron];
        double u = work.U[neuron];
        double b = work.B[neuron];
        double e = work.E[neuron];
        double c = work.C[neuron];
        double d = work.D[neuron];
        double j = work.InputStep[neuron];
        double dt = work.Constants[neuron].DtMs;
        int steps = work.Steps;
        ref int spikeSteps = ref buffer[0];
        int p = 0;
        while (k < steps)
        {
            double bv = b * v;
            u = bv + ((u - bv) * e);
            v = v + (dt * ((((0.04 * (v * v)) + (5.0 * v)) + 140.0) - u));
            if (v >= Izhikevich.PeakMv)
            {
                v = c;
                u = u + d;
                Unsafe.Add(ref spikeSteps, p++) = k;
            }

            v = v + j;
            k++;
            if (p == Capacity)
            {
                break;
            }
        }

        work.V[neuron] = v;
        work.U[neuron] = u;
        pending = p;
        return k;
    }

    static int Advance512(PopulationWorkspace work, int start, int n, SpikeLog log, KernelScratch scratch)
    {
        if (n == 0)
        {
            return 0;
        }

        scratch.EnsureVectorRoom(Capacity + (n / 8));
        var at = scratch.At;
        var masks = scratch.Masks;
        int k = 0;
        while (k < work.Steps)
        {
            k = Steps512(work, start, n, k, at, masks, out int pending);
            Book(work, start, at, masks, pending, log);
        }

        return n;
    }

    /// <summary>Advances <c>[start, start + n)</c> from step <paramref name="k"/> until the end or a full buffer; returns the next step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int Steps512(PopulationWorkspace work, int start, int n, int k, long[] at, ulong[] masks, out int pending)
    {
        ref double v = ref work.V[start];
        ref double u = ref work.U[start];
        ref double b = ref work.B[start];
        ref double e = ref work.E[start];
        ref double c = ref work.C[start];
        ref double d = ref work.D[start];
        ref double j = ref work.InputStep[start];
        var dt = Vector512.Create(work.Constants[start].DtMs);
        var k004 = Vector512.Create(0.04);
        var k5 = Vector512.Create(5.0);
        var k140 = Vector512.Create(140.0);
        var peak = Vector512.Create(Izhikevich.PeakMv);
        int steps = work.Steps;
        ref long atRef = ref at[0];
        ref ulong maskRef = ref masks[0];
        int p = 0;
        while (k < steps)
        {
            for (int i = 0; i < n; i += 8)
            {
                nuint o = (nuint)i;
                var vv = Vector512.LoadUnsafe(ref v, o);
                var bv = Vector512.LoadUnsafe(ref b, o) * vv;
                var uu = bv + ((Vector512.LoadUnsafe(ref u, o) - bv) * Vector512.LoadUnsafe(ref e, o));
                vv = vv + (dt * ((((k004 * (vv * vv)) + (k5 * vv)) + k140) - uu));
                var spiked = Vector512.GreaterThanOrEqual(vv, peak);
                ulong lanes = spiked.ExtractMostSignificantBits();
                if (lanes != 0)
                {
                    vv = Vector512.ConditionalSelect(spiked, Vector512.LoadUnsafe(ref c, o), vv);
                    uu = Vector512.ConditionalSelect(spiked, uu + Vector512.LoadUnsafe(ref d, o), uu);
                    Unsafe.Add(ref atRef, p) = ((long)k << 32) | (uint)i;
                    Unsafe.Add(ref maskRef, p) = lanes;
                    p++;
                }

                (vv + Vector512.LoadUnsafe(ref j, o)).StoreUnsafe(ref v, o);
                uu.StoreUnsafe(ref u, o);
            }

            k++;
            if (p >= Capacity)
            {
                break;
            }
        }

        pending = p;
        return k;
    }

    static int Advance256(PopulationWorkspace work, int start, int n, SpikeLog log, KernelScratch scratch)
    {
        if (n == 0)
        {
            return 0;
        }

        scratch.EnsureVectorRoom(Capacity + (n / 4));
        var at = scratch.At;
        var masks = scratch.Masks;
        int k = 0;
        while (k < work.Steps)
        {
            k = Steps256(work, start, n, k, at, masks, out int pending);
            Book(work, start, at, masks, pending, log);
        }

        return n;
    }

    /// <summary>Advances <c>[start, start + n)</c> from step <paramref name="k"/> until the end or a full buffer; returns the next step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int Steps256(PopulationWorkspace work, int start, int n, int k, long[] at, ulong[] masks, out int pending)
    {
        ref double v = ref work.V[start];
        ref double u = ref work.U[start];
        ref double b = ref work.B[start];
        ref double e = ref work.E[start];
        ref double c = ref work.C[start];
        ref double d = ref work.D[start];
        ref double j = ref work.InputStep[start];
        var dt = Vector256.Create(work.Constants[start].DtMs);
        var k004 = Vector256.Create(0.04);
        var k5 = Vector256.Create(5.0);
        var k140 = Vector256.Create(140.0);
        var peak = Vector256.Create(Izhikevich.PeakMv);
        int steps = work.Steps;
        ref long atRef = ref at[0];
        ref ulong maskRef = ref masks[0];
        int p = 0;
        while (k < steps)
        {
            for (int i = 0; i < n; i += 4)
            {
                nuint o = (nuint)i;
                var vv = Vector256.LoadUnsafe(ref v, o);
                var bv = Vector256.LoadUnsafe(ref b, o) * vv;
                var uu = bv + ((Vector256.LoadUnsafe(ref u, o) - bv) * Vector256.LoadUnsafe(ref e, o));
                vv = vv + (dt * ((((k004 * (vv * vv)) + (k5 * vv)) + k140) - uu));
                var spiked = Vector256.GreaterThanOrEqual(vv, peak);
                uint lanes = spiked.ExtractMostSignificantBits();
                if (lanes != 0)
                {
                    vv = Vector256.ConditionalSelect(spiked, Vector256.LoadUnsafe(ref c, o), vv);
                    uu = Vector256.ConditionalSelect(spiked, uu + Vector256.LoadUnsafe(ref d, o), uu);
                    Unsafe.Add(ref atRef, p) = ((long)k << 32) | (uint)i;
                    Unsafe.Add(ref maskRef, p) = lanes;
                    p++;
                }

                (vv + Vector256.LoadUnsafe(ref j, o)).StoreUnsafe(ref v, o);
                uu.StoreUnsafe(ref u, o);
            }

            k++;
            if (p >= Capacity)
            {
                break;
            }
        }

        pending = p;
        return k;
    }

    static int Advance128(PopulationWorkspace work, int start, int n, SpikeLog log, KernelScratch scratch)
    {
        if (n == 0)
        {
            return 0;
        }

        scratch.EnsureVectorRoom(Capacity + (n / 2));
        var at = scratch.At;
        var masks = scratch.Masks;
        int k = 0;
        while (k < work.Steps)
        {
            k = Steps128(work, start, n, k, at, masks, out int pending);
            Book(work, start, at, masks, pending, log);
        }

        return n;
    }

    /// <summary>Advances <c>[start, start + n)</c> from step <paramref name="k"/> until the end or a full buffer; returns the next step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int Steps128(PopulationWorkspace work, int start, int n, int k, long[] at, ulong[] masks, out int pending)
    {
        ref double v = ref work.V[start];
        ref double u = ref work.U[start];
        ref double b = ref work.B[start];
        ref double e = ref work.E[start];
        ref double c = ref work.C[start];
        ref double d = ref work.D[start];
        ref double j = ref work.InputStep[start];
        var dt = Vector128.Create(work.Constants[start].DtMs);
        var k004 = Vector128.Create(0.04);
        var k5 = Vector128.Create(5.0);
        var k140 = Vector128.Create(140.0);
        var peak = Vector128.Create(Izhikevich.PeakMv);
        int steps = work.Steps;
        ref long atRef = ref at[0];
        ref ulong maskRef = ref masks[0];
        int p = 0;
        while (k < steps)
        {
            for (int i = 0; i < n; i += 2)
            {
                nuint o = (nuint)i;
                var vv = Vector128.LoadUnsafe(ref v, o);
                var bv = Vector128.LoadUnsafe(ref b, o) * vv;
                var uu = bv + ((Vector128.LoadUnsafe(ref u, o) - bv) * Vector128.LoadUnsafe(ref e, o));
                vv = vv + (dt * ((((k004 * (vv * vv)) + (k5 * vv)) + k140) - uu));
                var spiked = Vector128.GreaterThanOrEqual(vv, peak);
                uint lanes = spiked.ExtractMostSignificantBits();
                if (lanes != 0)
                {
                    vv = Vector128.ConditionalSelect(spiked, Vector128.LoadUnsafe(ref c, o), vv);
                    uu = Vector128.ConditionalSelect(spiked, uu + Vector128.LoadUnsafe(ref d, o), uu);
                    Unsafe.Add(ref atRef, p) = ((long)k << 32) | (uint)i;
                    Unsafe.Add(ref maskRef, p) = lanes;
                    p++;
                }

                (vv + Vector128.LoadUnsafe(ref j, o)).StoreUnsafe(ref v, o);
                uu.StoreUnsafe(ref u, o);
            }

            k++;
            if (p >= Capacity)
            {
                break;
            }
        }

        pending = p;
        return k;
    }

    static void Book(PopulationWorkspace work, int start, long[] at, ulong[] masks, int pending, SpikeLog log)
    {
        for (int s = 0; s < pending; s++)
        {
            work.OnSpikes(masks[s], start + (int)(uint)at[s], (int)(at[s] >> 32), log);
        }
    }
}

using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;

namespace NeuroFold.Core.Populations;

/// <summary>The number of vectors a kernel group keeps in registers, as a type (so the JIT removes the unused ones).</summary>
internal interface IKernelGroup
{
    /// <summary>Vectors per group: 1 or 4.</summary>
    static abstract int Vectors { get; }
}

/// <summary>Four vectors per group: four independent dependency chains interleaved.</summary>
internal readonly struct FourVectors : IKernelGroup
{
    public static int Vectors => 4;
}

/// <summary>One vector per group: for populations smaller than four vectors (one neuron: the latency of one chain).</summary>
internal readonly struct OneVector : IKernelGroup
{
    public static int Vectors => 1;
}

/// <summary>Advances the blocks of a population run with a scheme's step at one arithmetic: the one population kernel.</summary>
/// <remarks>
/// <para>
/// A block is cut into groups of four vectors (one for populations smaller than that). A group keeps its neurons' state, input term and step
/// constants in registers through every step of the run (register blocking, time blocking), then stores the state once.
/// The group's steps interleave four independent dependency chains, which hides the latency of each.
/// </para>
/// <para>
/// Every lane performs exactly the operations of the scheme's step (<see cref="IStep{TLane, TMask}.Step"/>, the same
/// generic code the scalar fold runs), and a constant input is turned into its input term once, by the same expression,
/// so every lane equals the scalar fold bit for bit. Spiking lanes are written to a buffer inside the loop (no call)
/// and booked between runs of it. Where a non-finite state is not absorbing under the scheme, the lanes that ever
/// leave the finite range are collected in a mask at every step.
/// </para>
/// </remarks>
/// <typeparam name="TScheme">The scheme.</typeparam>
/// <typeparam name="TGroup">How many vectors a group keeps in registers: four, or one for populations too small to fill four.</typeparam>
internal readonly struct PopulationKernel<TScheme, TGroup> : IStepVisitor<IzhikevichParameters, bool>
    where TScheme : struct, IScheme<TScheme, IzhikevichParameters>
    where TGroup : struct, IKernelGroup
{
    /// <summary>Vectors a group keeps in registers.</summary>
    public static int Group => TGroup.Vectors;

    readonly PopulationWorkspace work;
    readonly SpikeLog[] logs;
    readonly int blockLanes;
    readonly int threads;
    readonly double dtMs;
    readonly double capacitance;

    public PopulationKernel(PopulationWorkspace work, SpikeLog[] logs, int blockLanes, int threads, double dtMs, double capacitance)
    {
        this.work = work;
        this.logs = logs;
        this.blockLanes = blockLanes;
        this.threads = threads;
        this.dtMs = dtMs;
        this.capacitance = capacitance;
    }

    /// <summary>Runs every block; returns true.</summary>
    public bool Visit<TStep, TLane, TMask>()
        where TStep : struct, IStep<TStep, IzhikevichParameters, TLane, TMask>
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
    {
        var self = this;
        if (threads == 1 || logs.Length <= 1)
        {
            var scratch = new KernelScratch();
            for (int block = 0; block < logs.Length; block++)
            {
                self.AdvanceBlock<TStep, TLane, TMask>(block, scratch);
            }

            return true;
        }

        Parallel.For(
            0,
            logs.Length,
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => new KernelScratch(),
            (block, _, scratch) =>
            {
                self.AdvanceBlock<TStep, TLane, TMask>(block, scratch);
                return scratch;
            },
            _ => { });
        return true;
    }

    void AdvanceBlock<TStep, TLane, TMask>(int block, KernelScratch scratch)
        where TStep : struct, IStep<TStep, IzhikevichParameters, TLane, TMask>
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
    {
        int w = TLane.Count;
        int start = block * blockLanes;
        int end = Math.Min(work.Lanes, start + blockLanes);
        var parameters = work.Parameters.AsSpan();
        for (int g = start; g < end; g += Group * w)
        {
            var k0 = TStep.Prepare(parameters.Slice(g, w), dtMs, capacitance);
            var k1 = Group == 4 ? TStep.Prepare(parameters.Slice(g + w, w), dtMs, capacitance) : default;
            var k2 = Group == 4 ? TStep.Prepare(parameters.Slice(g + (2 * w), w), dtMs, capacitance) : default;
            var k3 = Group == 4 ? TStep.Prepare(parameters.Slice(g + (3 * w), w), dtMs, capacitance) : default;
            int s = 0;
            while (s < work.Steps)
            {
                s = Run<TStep, TLane, TMask>(work, g, s, k0, k1, k2, k3, scratch, out int pending);
                for (int e = 0; e < pending; e++)
                {
                    long at = scratch.At[e];
                    work.OnSpikes(scratch.Masks[e], (int)(uint)at, (int)(at >> 32), logs[block]);
                }
            }
        }
    }

    /// <summary>Advances group <paramref name="g"/> from step <paramref name="s"/> until the end or a full spike buffer; returns the next step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int Run<TStep, TLane, TMask>(
        PopulationWorkspace work, int g, int s, TStep k0, TStep k1, TStep k2, TStep k3, KernelScratch scratch, out int pending)
        where TStep : struct, IStep<TStep, IzhikevichParameters, TLane, TMask>
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
    {
        int w = TLane.Count;
        bool four = Group == 4;
        var vs = work.V.AsSpan();
        var us = work.U.AsSpan();
        var js = work.Input.AsSpan();
        var v0 = TLane.Load(vs, g);
        var u0 = TLane.Load(us, g);
        var j0 = k0.Input(TLane.Load(js, g));
        var v1 = four ? TLane.Load(vs, g + w) : default;
        var u1 = four ? TLane.Load(us, g + w) : default;
        var j1 = four ? k1.Input(TLane.Load(js, g + w)) : default;
        var v2 = four ? TLane.Load(vs, g + (2 * w)) : default;
        var u2 = four ? TLane.Load(us, g + (2 * w)) : default;
        var j2 = four ? k2.Input(TLane.Load(js, g + (2 * w))) : default;
        var v3 = four ? TLane.Load(vs, g + (3 * w)) : default;
        var u3 = four ? TLane.Load(us, g + (3 * w)) : default;
        var j3 = four ? k3.Input(TLane.Load(js, g + (3 * w))) : default;
        var bad0 = TLane.None;
        var bad1 = TLane.None;
        var bad2 = TLane.None;
        var bad3 = TLane.None;
        long[] at = scratch.At;
        ulong[] masks = scratch.Masks;
        int steps = work.Steps;
        int p = 0;
        while (s < steps)
        {
            ulong m0 = k0.Step(ref v0, ref u0, j0);
            ulong m1 = 0;
            ulong m2 = 0;
            ulong m3 = 0;
            if (four)
            {
                m1 = k1.Step(ref v1, ref u1, j1);
                m2 = k2.Step(ref v2, ref u2, j2);
                m3 = k3.Step(ref v3, ref u3, j3);
            }

            if (!TScheme.NonFiniteIsAbsorbing)
            {
                bad0 = TLane.Or(bad0, TLane.Or(TLane.IsNotFinite(v0), TLane.IsNotFinite(u0)));
                if (four)
                {
                    bad1 = TLane.Or(bad1, TLane.Or(TLane.IsNotFinite(v1), TLane.IsNotFinite(u1)));
                    bad2 = TLane.Or(bad2, TLane.Or(TLane.IsNotFinite(v2), TLane.IsNotFinite(u2)));
                    bad3 = TLane.Or(bad3, TLane.Or(TLane.IsNotFinite(v3), TLane.IsNotFinite(u3)));
                }
            }

            if ((m0 | m1 | m2 | m3) != 0)
            {
                long step = (long)s << 32;
                p = Buffer(at, masks, p, step | (uint)g, m0);
                p = Buffer(at, masks, p, step | (uint)(g + w), m1);
                p = Buffer(at, masks, p, step | (uint)(g + (2 * w)), m2);
                p = Buffer(at, masks, p, step | (uint)(g + (3 * w)), m3);
            }

            s++;
            if (p > KernelScratch.Capacity - 4)
            {
                break;
            }
        }

        TLane.Store(v0, vs, g);
        TLane.Store(u0, us, g);
        MarkBad(work.Bad, g, TLane.Bits(bad0));
        if (four)
        {
            TLane.Store(v1, vs, g + w);
            TLane.Store(v2, vs, g + (2 * w));
            TLane.Store(v3, vs, g + (3 * w));
            TLane.Store(u1, us, g + w);
            TLane.Store(u2, us, g + (2 * w));
            TLane.Store(u3, us, g + (3 * w));
            MarkBad(work.Bad, g + w, TLane.Bits(bad1));
            MarkBad(work.Bad, g + (2 * w), TLane.Bits(bad2));
            MarkBad(work.Bad, g + (3 * w), TLane.Bits(bad3));
        }

        pending = p;
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int Buffer(long[] at, ulong[] masks, int p, long key, ulong bits)
    {
        if (bits == 0)
        {
            return p;
        }

        at[p] = key;
        masks[p] = bits;
        return p + 1;
    }

    static void MarkBad(bool[] bad, int first, ulong bits)
    {
        for (; bits != 0; bits &= bits - 1)
        {
            bad[first + System.Numerics.BitOperations.TrailingZeroCount(bits)] = true;
        }
    }
}

using System.Runtime.CompilerServices;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;

namespace NeuroFold.Core.Schemes;

/// <summary>The scheme of Izhikevich's 1000-neuron network (<c>net.m</c>, 2003): reset first, two half-steps of v, then u.</summary>
/// <remarks>
/// One step of size dt (net.m: 1 ms) from (v, u) with input I (<c>I = J/C_m</c>, Izhikevich's I):
/// <list type="number">
/// <item>if <c>v ≥ 30</c> (the state left by the previous step, which may overshoot far above 30): the step reports a
/// spike, <c>v ← c</c>, <c>u ← u + d</c>;</item>
/// <item><c>v ← v + (dt/2)·(f(v, u) + I)</c>, twice, with the same u and I (f in <c>net.m</c>'s expanded order, or in
/// <c>spnet.m</c>'s factored order when <see cref="Constants{TLane, TMask}.FactoredDrive"/> is set);</item>
/// <item><c>u ← u + (dt·a)·((b·v) − u)</c> with the <b>new</b> v.</item>
/// </list>
/// The state after step k is labelled <c>(k+1)·dt</c> and a spike reported by step k has time <c>(k+1)·dt</c> (net.m's
/// <c>t</c>); the trace shows the overshoot at the label before. With dt = 1, <c>dt/2 = 0.5</c> and <c>dt·a = a</c>
/// exactly, so the arithmetic is net.m's bit for bit; the network kernel runs this same step with I in Izhikevich's
/// units. Source: Izhikevich (2003) IEEE TNN 14:1569; docs/NUMERICS.md.
/// </remarks>
public readonly struct Net2003Scheme : IScheme<Net2003Scheme, IzhikevichParameters>
{
    /// <inheritdoc />
    public static string Name => "net2003";

    /// <inheritdoc />
    public static TraceConvention Convention => TraceConvention.AfterStep;

    /// <inheritdoc />
    /// <remarks>False: an overflow to +∞ after the half steps is reset to c at the start of the next step.</remarks>
    public static bool NonFiniteIsAbsorbing => false;

    /// <summary>The constants of one neuron for the scalar fold.</summary>
    public static Constants<ScalarLane, bool> Prepare(IzhikevichParameters parameters, double dtMs, double capacitanceUfPerCm2) =>
        Constants<ScalarLane, bool>.Prepare(new ReadOnlySpan<IzhikevichParameters>(in parameters), dtMs, capacitanceUfPerCm2);

    /// <summary>The lanes whose state will spike at the start of the next step, lane i as bit i: <c>v ≥ 30</c> (net.m's <c>find(v &gt;= 30)</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Fires<TLane, TMask>(TLane v)
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
    {
        var peak = TLane.Constant(Izhikevich.PeakMv);
        return TLane.AnyGreaterThanOrEqual(v, peak) ? TLane.Bits(TLane.GreaterThanOrEqual(v, peak)) : 0UL;
    }

    /// <inheritdoc />
    public static TResult Apply<TLane, TMask, TVisitor, TResult>(ref TVisitor visitor)
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
        where TVisitor : IStepVisitor<IzhikevichParameters, TResult>, allows ref struct =>
        visitor.Visit<Constants<TLane, TMask>, TLane, TMask>();

    /// <summary>The per-run constants of <see cref="Net2003Scheme"/> at arithmetic <typeparamref name="TLane"/>, and its step.</summary>
    /// <typeparam name="TLane">The arithmetic.</typeparam>
    /// <typeparam name="TMask">Its masks.</typeparam>
    public readonly struct Constants<TLane, TMask> : IStep<Constants<TLane, TMask>, IzhikevichParameters, TLane, TMask>
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
    {
        // Declared in the order a step reads them (every step: dt·a, b, dt/2; only at a spike: c, d), so the network
        // kernel's per-vector constants are read from one contiguous run of memory.

        /// <summary><c>dt·a</c>, the factor of the u update.</summary>
        public TLane DtA { get; init; }

        /// <summary>Sensitivity b.</summary>
        public TLane B { get; init; }

        /// <summary>The half step <c>0.5·dt</c>, ms.</summary>
        public TLane HalfDtMs { get; init; }

        /// <summary>Reset c, mV.</summary>
        public TLane C { get; init; }

        /// <summary>Increment d.</summary>
        public TLane D { get; init; }

        /// <summary>Membrane capacitance, µF/cm².</summary>
        public TLane Capacitance { get; init; }

        /// <summary>False (the default): the drive in <c>net.m</c>'s expanded order; true: in <c>spnet.m</c>'s factored order (<see cref="Izhikevich.DriveFactored{TLane}"/>).</summary>
        /// <remarks>The two orders are the same polynomial and round differently; everything else in the step is the same.</remarks>
        public bool FactoredDrive { get; init; }

        /// <summary>The constants from parameters given as lanes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Constants<TLane, TMask> Prepare(TLane a, TLane b, TLane c, TLane d, TLane dtMs, TLane capacitance) =>
            new() { DtA = dtMs * a, B = b, C = c, D = d, HalfDtMs = TLane.Constant(0.5) * dtMs, Capacitance = capacitance };

        /// <inheritdoc />
        public static Constants<TLane, TMask> Prepare(ReadOnlySpan<IzhikevichParameters> neurons, double dtMs, double capacitance) =>
            Prepare(
                Gather.Lanes<TLane, IzhikevichParameters>(neurons, static p => p.A),
                Gather.Lanes<TLane, IzhikevichParameters>(neurons, static p => p.B),
                Gather.Lanes<TLane, IzhikevichParameters>(neurons, static p => p.C),
                Gather.Lanes<TLane, IzhikevichParameters>(neurons, static p => p.D),
                TLane.Constant(dtMs),
                TLane.Constant(capacitance));

        /// <inheritdoc />
        /// <remarks><c>J/C_m</c>: Izhikevich's I.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TLane Input(TLane current) => current / Capacitance;

        /// <inheritdoc />
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Step(ref TLane v, ref TLane u, TLane input)
        {
            ulong spiked = Izhikevich.ResetAtOrAbovePeak<TLane, TMask>(ref v, ref u, C, D);
            if (FactoredDrive)
            {
                v = v + (HalfDtMs * (Izhikevich.DriveFactored(v, u) + input));
                v = v + (HalfDtMs * (Izhikevich.DriveFactored(v, u) + input));
            }
            else
            {
                v = v + (HalfDtMs * (Izhikevich.Drive(v, u) + input));
                v = v + (HalfDtMs * (Izhikevich.Drive(v, u) + input));
            }

            u = u + (DtA * ((B * v) - u));
            return spiked;
        }
    }
}

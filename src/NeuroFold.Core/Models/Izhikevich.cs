using System.Runtime.CompilerServices;
using NeuroFold.Core.Arithmetic;

namespace NeuroFold.Core.Models;

/// <summary>The Izhikevich (2003) right-hand side and reset, written once for every scheme and every arithmetic.</summary>
public static class Izhikevich
{
    /// <summary>Spike peak and threshold, mV.</summary>
    public const double PeakMv = 30.0;

    /// <summary>The membrane drive <c>f(v, u) = 0.04v² + 5v + 140 − u</c> in mV/ms, without input.</summary>
    /// <remarks>See <see cref="Drive{TLane}(TLane, TLane, TLane, TLane)"/> for the evaluation order.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Drive(double v, double u) => Drive<ScalarLane>(v, u);

    /// <summary>The drive <c>f(v, u) = 0.04v² + 5v + 140 − u</c> of the 2003 model, lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLane Drive<TLane>(TLane v, TLane u)
        where TLane : struct, IArithmetic<TLane> =>
        Drive(v, u, TLane.Constant(5.0), TLane.Constant(140.0));

    /// <summary>The quadratic drive <c>0.04v² + k₁v + k₀ − u</c>, mV/ms, lane by lane.</summary>
    /// <remarks>
    /// Evaluated as <c>(((0.04·(v·v)) + (k₁·v)) + k₀) − u</c>, left to right, the square as <c>v·v</c>, with no fused
    /// multiply-add: the order in which Jaxley, <c>figure1.m</c> and <c>net.m</c> evaluate it, which bit-for-bit
    /// reproduction needs (docs/NUMERICS.md). <c>(k₁, k₀) = (5, 140)</c> is the 2003 model; <c>(4.1, 108)</c> the
    /// class-1 and integrator panels of Izhikevich (2004).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLane Drive<TLane>(TLane v, TLane u, TLane k1, TLane k0)
        where TLane : struct, IArithmetic<TLane> =>
        (((TLane.Constant(0.04) * (v * v)) + (k1 * v)) + k0) - u;

    /// <summary>The 2003 drive in <c>spnet.m</c>'s factored order, <c>((0.04·v + 5)·v + 140) − u</c>, mV/ms, lane by lane.</summary>
    /// <remarks>
    /// The same polynomial as <see cref="Drive{TLane}(TLane, TLane)"/>, evaluated as Izhikevich's polychronization
    /// program writes it (<c>(0.04*v+5).*v+140-u</c>, Izhikevich 2006): <c>0.04·v</c>, <c>+ 5</c>, <c>· v</c>, <c>+ 140</c>,
    /// <c>− u</c>, each one rounded double operation, no fused multiply-add. It rounds differently from the expanded order
    /// of <c>net.m</c>, so a bit-for-bit reproduction of <c>spnet.m</c> needs this one (docs/NUMERICS.md, section 12).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLane DriveFactored<TLane>(TLane v, TLane u)
        where TLane : struct, IArithmetic<TLane> =>
        ((((TLane.Constant(0.04) * v) + TLane.Constant(5.0)) * v) + TLane.Constant(140.0)) - u;

    /// <summary>The after-spike reset of the 2003 model on the lanes where <c>v ≥ 30</c>: <c>v ← c</c>, <c>u ← u + d</c>.</summary>
    /// <remarks>
    /// When no lane reaches the peak nothing else is computed: one compare and a predictable branch, so the common step
    /// stays a single dependency chain with no mask in a register. Otherwise the spiking lanes take <c>c</c> and
    /// <c>u + d</c> and the others keep their values.
    /// </remarks>
    /// <returns>The lanes that spiked, lane i as bit i.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ResetAtOrAbovePeak<TLane, TMask>(ref TLane v, ref TLane u, TLane c, TLane d)
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
    {
        var peak = TLane.Constant(PeakMv);
        return TLane.SeesThreshold || TLane.AnyGreaterThanOrEqual(v, peak) ? Reset(TLane.GreaterThanOrEqual(v, peak), ref v, ref u, c, d, peak) : 0UL;
    }

    /// <summary>The reset on the lanes where <c>v &gt; 30</c> (strictly: <c>figure1.m</c>'s test).</summary>
    /// <returns>The lanes that spiked, lane i as bit i.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ResetAbovePeak<TLane, TMask>(ref TLane v, ref TLane u, TLane c, TLane d)
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
    {
        var peak = TLane.Constant(PeakMv);
        return TLane.SeesThreshold || TLane.AnyGreaterThan(v, peak) ? Reset(TLane.GreaterThan(v, peak), ref v, ref u, c, d, peak) : 0UL;
    }

    /// <summary><c>v ← c</c>, <c>u ← u + d</c> on the lanes of <paramref name="spiked"/>; returns them as bits.</summary>
    /// <remarks>
    /// Written as <c>v ← v + H·(c − v)</c>, <c>u ← u + H·d</c> with <c>H = H(v − peak)</c> through
    /// <see cref="ILane{TSelf, TMask}.SelectSpike"/>: a select in value, so plain numbers see exactly <c>v ← c</c>,
    /// <c>u ← u + d</c>; dual numbers may give H a surrogate derivative.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Reset<TLane, TMask>(TMask spiked, ref TLane v, ref TLane u, TLane c, TLane d, TLane peak)
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
    {
        var overshoot = v - peak;
        v = TLane.SelectSpike(spiked, overshoot, c, v);
        u = TLane.SelectSpike(spiked, overshoot, u + d, u);
        return TLane.Bits(spiked);
    }
}

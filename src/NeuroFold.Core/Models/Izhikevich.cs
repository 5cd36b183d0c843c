using System.Runtime.CompilerServices;

namespace NeuroFold.Core.Models;

/// <summary>The Izhikevich (2003) right-hand side, written once in the evaluation order every scheme shares.</summary>
public static class Izhikevich
{
    /// <summary>Spike peak and threshold, mV.</summary>
    public const double PeakMv = 30.0;

    /// <summary>The membrane drive <c>f(v, u) = 0.04v² + 5v + 140 − u</c> in mV/ms, without input.</summary>
    /// <remarks>
    /// Evaluated as <c>(((0.04·(v·v)) + (5·v)) + 140) − u</c>, left to right, the square as <c>v·v</c>,
    /// with no fused multiply-add: the order Jaxley, <c>figure1.m</c> and <c>net.m</c> use, which bit-for-bit
    /// reproduction needs (DESIGN.md, "Numerics").
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Drive(double v, double u) => (((0.04 * (v * v)) + (5.0 * v)) + 140.0) - u;
}

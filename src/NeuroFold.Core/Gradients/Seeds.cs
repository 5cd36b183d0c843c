using System.Collections.Immutable;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;

namespace NeuroFold.Core.Gradients;

/// <summary>The quantities of a run seeded as dual-number variables, in the order of <see cref="ForwardMode.Variables2003"/> and <see cref="ForwardMode.Variables2007"/>: what forward and reverse mode both differentiate with respect to.</summary>
internal static class Seeds
{
    /// <summary>The values of a 2003 run's variables: a, b, c, d, v0, u0, scale, offset.</summary>
    public static ImmutableArray<double> Values2003(IzhikevichParameters p, IzhikevichState initial, double scale, double offset) =>
        [p.A, p.B, p.C, p.D, initial.V, initial.U, scale, offset];

    /// <summary>a, b, c, d as variables 0–3, and the step and capacitance as constants: what a 2003 scheme's lane-form <c>Prepare</c> takes.</summary>
    public static (Dual<TSurrogate> A, Dual<TSurrogate> B, Dual<TSurrogate> C, Dual<TSurrogate> D, Dual<TSurrogate> Dt, Dual<TSurrogate> Cm) Cell2003<TSurrogate>(
        IzhikevichParameters p, double dtMs, double capacitance)
        where TSurrogate : struct, ISurrogate =>
        (Dual<TSurrogate>.Variable(p.A, 0), Dual<TSurrogate>.Variable(p.B, 1), Dual<TSurrogate>.Variable(p.C, 2), Dual<TSurrogate>.Variable(p.D, 3),
         Dual<TSurrogate>.Constant(dtMs), Dual<TSurrogate>.Constant(capacitance));

    /// <summary>The values of a 2007 run's variables: C, k, vr, vt, vpeak, a, b, c, d, v0, u0, scale, offset.</summary>
    public static ImmutableArray<double> Values2007(Izhikevich2007Parameters p, IzhikevichState initial, double scale, double offset) =>
        [p.CapacitancePf, p.K, p.VrMv, p.VtMv, p.VPeakMv, p.A, p.B, p.C, p.D, initial.V, initial.U, scale, offset];

    /// <summary>The 2007 step on dual numbers, C … d as variables 0–8.</summary>
    public static Izhikevich2007Scheme.Constants<Dual<TSurrogate>, bool> Cell2007<TSurrogate>(Izhikevich2007Parameters p, double dtMs, ReadOnlySpan<CellRule2007> rules)
        where TSurrogate : struct, ISurrogate =>
        Izhikevich2007Scheme.Constants<Dual<TSurrogate>, bool>.Prepare(
            Dual<TSurrogate>.Variable(p.CapacitancePf, 0), Dual<TSurrogate>.Variable(p.K, 1), Dual<TSurrogate>.Variable(p.VrMv, 2), Dual<TSurrogate>.Variable(p.VtMv, 3),
            Dual<TSurrogate>.Variable(p.VPeakMv, 4), Dual<TSurrogate>.Variable(p.A, 5), Dual<TSurrogate>.Variable(p.B, 6), Dual<TSurrogate>.Variable(p.C, 7),
            Dual<TSurrogate>.Variable(p.D, 8), Dual<TSurrogate>.Constant(dtMs), rules);
}

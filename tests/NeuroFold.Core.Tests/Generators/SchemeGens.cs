using FsCheck;
using FsCheck.Fluent;
using NeuroFold.Core.Models;

namespace NeuroFold.Core.Tests.Generators;

/// <summary>One step's worth of inputs over physical ranges: parameters, state, input, dt.</summary>
public sealed record StepCase(IzhikevichParameters Parameters, IzhikevichState State, double Input, double DtMs)
{
    public override string ToString() => $"p={Parameters}, s={State}, I={Input}, dt={DtMs}";
}

/// <summary>A short run split in two: parameters, initial state, dt and two input sequences.</summary>
public sealed record SplitCase(IzhikevichParameters Parameters, IzhikevichState State, double DtMs, double[] First, double[] Second)
{
    public override string ToString() => $"p={Parameters}, s={State}, dt={DtMs}, n={First.Length}, m={Second.Length}";
}

/// <summary>Generators for the scheme properties (never FsCheck's default double).</summary>
public static class SchemeGens
{
    /// <summary>Uniform double in [lo, hi] on a grid of a million points.</summary>
    public static Gen<double> Range(double lo, double hi) => Gen.Choose(0, 1_000_000).Select(i => lo + ((hi - lo) * i / 1_000_000.0));

    /// <summary>Cortical parameter ranges of Izhikevich (2003): a ∈ [0.01, 0.2], b ∈ [0.1, 0.3], c ∈ [−70, −45], d ∈ [0, 8].</summary>
    public static Gen<IzhikevichParameters> Parameters =>
        from a in Range(0.01, 0.2)
        from b in Range(0.1, 0.3)
        from c in Range(-70, -45)
        from d in Range(0, 8)
        select new IzhikevichParameters(a, b, c, d);

    /// <summary>v ∈ [−90, 45] mV (over the peak included, as net.m's overshoot), u ∈ [−20, 20].</summary>
    public static Gen<IzhikevichState> State =>
        from v in Range(-90, 45)
        from u in Range(-20, 20)
        select new IzhikevichState(v, u);

    /// <summary>Step sizes from 0.01 to 1 ms.</summary>
    public static Gen<double> Dt => Gen.Elements(0.01, 0.025, 0.1, 0.2, 0.25, 0.5, 1.0);

    static Gen<double[]> Inputs => Gen.Choose(0, 300).SelectMany(n => Gen.ArrayOf(Range(-5, 20), n));
}

/// <summary>FsCheck arbitraries for <see cref="StepCase"/> and <see cref="SplitCase"/>.</summary>
public static class SchemeArbs
{
    public static Arbitrary<StepCase> StepCase() =>
        (from p in SchemeGens.Parameters
         from s in SchemeGens.State
         from i in SchemeGens.Range(-20, 40)
         from dt in SchemeGens.Dt
         select new StepCase(p, s, i, dt)).ToArbitrary();

    public static Arbitrary<SplitCase> SplitCase() =>
        (from p in SchemeGens.Parameters
         from s in SchemeGens.State
         from dt in Gen.Elements(0.025, 0.1, 0.25, 0.5)
         from n in Gen.Choose(0, 300)
         from first in Gen.ArrayOf(SchemeGens.Range(-5, 20), n)
         from m in Gen.Choose(0, 300)
         from second in Gen.ArrayOf(SchemeGens.Range(-5, 20), m)
         select new SplitCase(p, s, dt, first, second)).ToArbitrary();
}

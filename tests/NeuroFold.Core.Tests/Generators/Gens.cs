using FsCheck;
using FsCheck.Fluent;
using NeuroFold.Core.Models;

namespace NeuroFold.Core.Tests.Generators;

/// <summary>A neuron about to be stepped: parameters, state and step size, all in physical ranges.</summary>
public sealed record StepCase(IzhikevichParameters P, IzhikevichState S, double Dt, double Input)
{
    public override string ToString() => $"p={P}, s={S}, dt={Dt:R}, I={Input:R}";
}

/// <summary>A whole run: parameters, initial state, step size and one input per step.</summary>
public sealed record RunCase(IzhikevichParameters P, IzhikevichState S0, double Dt, double[] Inputs)
{
    public override string ToString() => $"p={P}, s0={S0}, dt={Dt:R}, steps={Inputs.Length}";
}

/// <summary>Explicit generators over physical ranges (never FsCheck's default double, which yields NaN and ±∞).</summary>
public static class Gens
{
    /// <summary>A double uniform on [lo, hi] with a million-point resolution.</summary>
    public static Gen<double> Range(double lo, double hi) =>
        Gen.Choose(0, 1_000_000).Select(i => lo + ((hi - lo) * i / 1_000_000.0));

    /// <summary>Parameters around the published cell classes: a ∈ [0.005, 0.2], b ∈ [0.1, 0.3], c ∈ [−80, −40], d ∈ [0, 10].</summary>
    public static Gen<IzhikevichParameters> Parameters { get; } =
        from a in Range(0.005, 0.2)
        from b in Range(0.1, 0.3)
        from c in Range(-80, -40)
        from d in Range(0, 10)
        select new IzhikevichParameters(a, b, c, d);

    /// <summary>Step sizes from 0.001 to 0.5 ms.</summary>
    public static Gen<double> Dt { get; } = Range(0.001, 0.5);

    /// <summary>Input current densities from −20 to 40 µA/cm².</summary>
    public static Gen<double> Input { get; } = Range(-20, 40);

    /// <summary>Any state in the physiological range: v ∈ [−90, 35] mV, u ∈ [−20, 20].</summary>
    public static Gen<StepCase> AnyStep { get; } =
        from p in Parameters
        from v in Range(-90, 35)
        from u in Range(-20, 20)
        from dt in Dt
        from i in Input
        select new StepCase(p, new IzhikevichState(v, u), dt, i);

    /// <summary>States at or above threshold (overshoot as in a coarse step), which spike on the next step.</summary>
    public static Gen<StepCase> SpikingStep { get; } =
        from p in Parameters
        from v in Range(30, 60)
        from u in Range(-20, 20)
        from dt in Dt
        from i in Input
        select new StepCase(p, new IzhikevichState(v, u), dt, i);

    /// <summary>A short run: 0–400 steps with inputs that make cells spike.</summary>
    public static Gen<RunCase> Run { get; } =
        from p in Parameters
        from v0 in Range(-80, -50)
        from dt in Range(0.01, 0.5)
        from n in Gen.Choose(0, 400)
        from inputs in Gen.ArrayOf(Range(-5, 30), n)
        select new RunCase(p, IzhikevichState.AtNullcline(p, v0), dt, inputs);
}

/// <summary>The arbitraries registered on property classes.</summary>
public static class Arbs
{
    public static Arbitrary<IzhikevichParameters> Parameters() => Gens.Parameters.ToArbitrary();

    public static Arbitrary<StepCase> StepCase() => Gens.AnyStep.ToArbitrary();

    public static Arbitrary<RunCase> RunCase() => Gens.Run.ToArbitrary();
}

using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using NeuroFold.Core.Populations;

namespace NeuroFold.Core.Tests.Generators;

/// <summary>A population case: neurons in physical ranges, a run length and every execution knob a run can vary.</summary>
public sealed record PopulationCase(
    Population Population,
    double DtMs,
    int Steps,
    double CapacitanceUfPerCm2,
    PopulationOptions Options)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"N={Population.Count} steps={Steps} dt={DtMs} C={CapacitanceUfPerCm2} threads={Options.Threads} block={Options.BlockSize} width={Options.Width} record={Options.RecordSpikes}";
}

/// <summary>Generators of populations over physical ranges (never FsCheck's default double).</summary>
public static class PopulationGens
{
    /// <summary>A double uniform on a grid of a million points in [lo, hi].</summary>
    public static Gen<double> Between(double lo, double hi) =>
        Gen.Choose(0, 1_000_000).Select(i => lo + ((hi - lo) * (i / 1_000_000.0)));

    /// <summary>One neuron: 2003-like parameters, a state near rest, an input from silent to fast spiking (µA/cm²).</summary>
    public static Gen<(double A, double B, double C, double D, double V0, double U0, double I)> Neuron =>
        from a in Between(0.005, 0.15)
        from b in Between(0.1, 0.3)
        from c in Between(-75.0, -40.0)
        from d in Between(-1.0, 10.0)
        from v0 in Between(-85.0, 20.0)
        from du in Between(-5.0, 5.0)
        from i in Between(-5.0, 40.0)
        select (a, b, c, d, v0, (b * v0) + du, i);

    /// <summary>A population of <paramref name="count"/> neurons.</summary>
    public static Gen<Population> PopulationOf(int count) =>
        Neuron.ArrayOf(count).Select(ns => Population.Create(
                [.. ns.Select(n => n.A)], [.. ns.Select(n => n.B)], [.. ns.Select(n => n.C)], [.. ns.Select(n => n.D)],
                [.. ns.Select(n => n.V0)], [.. ns.Select(n => n.U0)], [.. ns.Select(n => n.I)])
            .Match(Succ: p => p, Fail: e => throw new InvalidOperationException(e.Head.Message)));

    /// <summary>Sizes 0–41 (every tail length of every vector width), lengths 1–400 steps, any block, width and thread count.</summary>
    public static Gen<PopulationCase> Case =>
        from n in Gen.Choose(0, 41)
        from population in PopulationOf(n)
        from dt in Gen.Elements(0.01, 0.025, 0.1, 0.25, 0.5)
        from steps in Gen.Choose(1, 400)
        from capacitance in Between(0.5, 2.0)
        from threads in Gen.Choose(1, 3)
        from block in Gen.OneOf(Gen.Choose(1, 20), Gen.Elements(8, 16, 64, 512))
        from width in Gen.Elements(VectorWidth.Auto, VectorWidth.Scalar, VectorWidth.Bits128, VectorWidth.Bits256, VectorWidth.Bits512)
        from record in Gen.Elements(true, false)
        select new PopulationCase(population, dt, steps, capacitance, new PopulationOptions(threads, block, width, record));

    /// <summary>The arbitrary for <see cref="Case"/>, without shrinking (a failing case prints its knobs).</summary>
    public static Arbitrary<PopulationCase> Cases => Case.ToArbitrary();
}

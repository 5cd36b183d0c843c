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

    /// <summary>A magnitude 10^e with e uniform in [lo, hi] (explicit huge or tiny values, never NaN or ∞).</summary>
    public static Gen<double> Magnitude(double lo, double hi) => Between(lo, hi).Select(e => Math.Pow(10.0, e));

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

    /// <summary>A neuron driven hard: high reset, small d and a strong input (20 … 150 µA/cm²), so it spikes every few steps.</summary>
    public static Gen<(double A, double B, double C, double D, double V0, double U0, double I)> Bursting =>
        from a in Between(0.02, 0.1)
        from b in Between(0.15, 0.25)
        from c in Between(-55.0, -40.0)
        from d in Between(0.0, 4.0)
        from v0 in Between(-70.0, 29.0)
        from i in Between(20.0, 150.0)
        select (a, b, c, d, v0, b * v0, i);

    /// <summary>
    /// A neuron driven towards the edge of the finite range, each by an explicit value (never NaN or ∞): a huge negative
    /// or positive input (10^160 … 10^300 µA/cm²), a huge d with a start above the peak (u overflows at the second
    /// reset), a huge |b|, or a strongly negative a (u grows geometrically). Most leave the finite range within a few
    /// steps; some (forward Euler under a huge negative input) stay finite at huge values, which must match too.
    /// </summary>
    public static Gen<(double A, double B, double C, double D, double V0, double U0, double I)> Overflowing =>
        from n in Neuron
        from kind in Gen.Choose(0, 4)
        from big in Magnitude(160, 300)
        from hugeD in Magnitude(300, 308)
        from hugeB in Magnitude(100, 300)
        from sign in Gen.Elements(-1.0, 1.0)
        from negativeA in Between(-5000.0, -100.0)
        select kind switch
        {
            0 => n with { I = -big },
            1 => n with { D = hugeD, V0 = 35.0, I = 40.0 },
            2 => n with { B = sign * hugeB },
            3 => n with { I = big },
            _ => n with { A = negativeA },
        };

    /// <summary>A population of <paramref name="count"/> neurons of <see cref="Neuron"/>.</summary>
    public static Gen<Population> PopulationOf(int count) => PopulationOf(Neuron.ArrayOf(count));

    /// <summary>A population of <paramref name="count"/> neurons mixing <see cref="Neuron"/> and <see cref="Bursting"/> in a random proportion.</summary>
    public static Gen<Population> MixedPopulationOf(int count) =>
        Gen.Choose(0, 10).SelectMany(bursting =>
            PopulationOf(Gen.Frequency((10 - bursting, Neuron), (bursting, Bursting)).ArrayOf(count)));

    /// <summary>The population of the given neurons.</summary>
    public static Population Create(IReadOnlyList<(double A, double B, double C, double D, double V0, double U0, double I)> ns) =>
        Population.Create(
                [.. ns.Select(n => n.A)], [.. ns.Select(n => n.B)], [.. ns.Select(n => n.C)], [.. ns.Select(n => n.D)],
                [.. ns.Select(n => n.V0)], [.. ns.Select(n => n.U0)], [.. ns.Select(n => n.I)])
            .Match(Succ: p => p, Fail: e => throw new InvalidOperationException(e.Head.Message));

    static Gen<Population> PopulationOf(Gen<(double A, double B, double C, double D, double V0, double U0, double I)[]> neurons) =>
        neurons.Select(ns => Create(ns));

    /// <summary>Thread counts 1 and 2, blocks of 1 … 20 neurons or 8, 16, 32, 64, 512; either spike recording.</summary>
    public static Gen<PopulationOptions> Options =>
        from threads in Gen.Choose(1, 2)
        from block in Gen.OneOf(Gen.Choose(1, 20), Gen.Elements(8, 16, 32, 64, 512))
        from width in Gen.Elements(VectorWidth.Auto, VectorWidth.Scalar, VectorWidth.Bits128, VectorWidth.Bits256, VectorWidth.Bits512)
        from record in Gen.Elements(true, false)
        select new PopulationOptions(threads, block, width, record);

    /// <summary>
    /// Sizes 0–70 (every tail length and both group sizes, one or four vectors, of every vector width), lengths
    /// 1–300 steps, neurons from quiet to bursting, any block, width and thread count.
    /// </summary>
    public static Gen<PopulationCase> Case =>
        from n in Gen.Choose(0, 70)
        from population in MixedPopulationOf(n)
        from dt in Gen.Elements(0.01, 0.025, 0.1, 0.25, 0.5, 1.0)
        from steps in Gen.Choose(1, 300)
        from capacitance in Between(0.5, 2.0)
        from options in Options
        select new PopulationCase(population, dt, steps, capacitance, options);

    /// <summary>Populations of 1–40 neurons of which 1–3 are <see cref="Overflowing"/>, at random places.</summary>
    public static Gen<PopulationCase> OverflowCase =>
        from n in Gen.Choose(1, 40)
        from normal in Gen.Frequency((3, Neuron), (1, Bursting)).ArrayOf(n)
        from wild in Gen.Choose(1, Math.Min(3, n))
        from places in Gen.Choose(0, n - 1).ArrayOf(wild)
        from bad in Overflowing.ArrayOf(wild)
        from dt in Gen.Elements(0.01, 0.1, 0.25, 0.5, 1.0)
        from steps in Gen.Choose(1, 300)
        from capacitance in Between(0.5, 2.0)
        from options in Options
        select new PopulationCase(Create(Place(normal, places, bad)), dt, steps, capacitance, options);

    /// <summary>The arbitrary for <see cref="Case"/>, without shrinking (a failing case prints its knobs).</summary>
    public static Arbitrary<PopulationCase> Cases => Case.ToArbitrary();

    /// <summary>The arbitrary for <see cref="OverflowCase"/>.</summary>
    public static Arbitrary<PopulationCase> OverflowCases => OverflowCase.ToArbitrary();

    static T[] Place<T>(T[] items, int[] places, T[] replacements)
    {
        var copy = (T[])items.Clone();
        for (int k = 0; k < places.Length; k++)
        {
            copy[places[k]] = replacements[k];
        }

        return copy;
    }
}

using System.Runtime.Intrinsics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Tests.Generators;
using NeuroFold.Core.Tests.Support;
using Xunit;

namespace NeuroFold.Core.Tests.Models;

/// <summary>
/// The 2007 model's step at every width: eight neurons whose cell rules (all five) are mixed within the vectors,
/// prepared as lanes, step by step equal each lane's scalar step (<see cref="Izhikevich2007Scheme.Prepare"/>) bit for bit,
/// spikes included.
/// </summary>
public sealed class Izhikevich2007WidthTests
{
    const int Neurons = 8;

    static readonly CellRule2007[] Rules =
        [CellRule2007.None, CellRule2007.FastSpiking, CellRule2007.LowThresholdSpiking, CellRule2007.ThalamoCortical, CellRule2007.ReticularThalamic];

    /// <summary>Eight neurons, each of the five rules at least once, in random order, parameters around the book's cells (pF, nS, mV, ms, pA).</summary>
    static Gen<Izhikevich2007Parameters[]> MixedNeurons =>
        from extra in Gen.Elements(Rules).ArrayOf(Neurons - Rules.Length)
        from keys in Gen.Choose(0, 1_000_000).ArrayOf(Neurons)
        from cells in Cell.ArrayOf(Neurons)
        select Rules.Concat(extra)
            .Select((rule, i) => (rule, key: keys[i]))
            .OrderBy(x => x.key)
            .Select((x, i) => new Izhikevich2007Parameters(cells[i].CapacitancePf, cells[i].K, cells[i].VrMv, cells[i].VtMv, cells[i].VPeakMv, cells[i].A, cells[i].B, cells[i].C, cells[i].D, x.rule))
            .ToArray();

    static Gen<Izhikevich2007Parameters> Cell =>
        from capacitance in PopulationGens.Between(20, 200)
        from k in PopulationGens.Between(0.2, 1.6)
        from vr in PopulationGens.Between(-75, -55)
        from vt in PopulationGens.Between(-50, -40)
        from vpeak in PopulationGens.Between(0, 50)
        from a in PopulationGens.Between(0.01, 0.2)
        from b in PopulationGens.Between(-2, 15)
        from c in PopulationGens.Between(-65, -40)
        from d in PopulationGens.Between(-55, 150)
        select new Izhikevich2007Parameters(capacitance, k, vr, vt, vpeak, a, b, c, d, CellRule2007.None);

    /// <summary>v across the rules' switches (−65, −55 mV exactly, too) and above the peaks; u up to the LTS cap of 670 pA and beyond.</summary>
    static Gen<IzhikevichState> State =>
        from v in Gen.Frequency((8, PopulationGens.Between(-90, 60)), (1, Gen.Elements(-65.0, -55.0, 0.0, 35.0)))
        from u in Gen.Frequency((6, PopulationGens.Between(-100, 200)), (2, PopulationGens.Between(600, 700)))
        select new IzhikevichState(v, u);

    sealed record Case(Izhikevich2007Parameters[] Neurons, double DtMs, IzhikevichState[] Start, double[][] InputsPa)
    {
        public override string ToString() =>
            $"dt={DtMs} rules=[{string.Join(",", Neurons.Select(n => n.Rule))}] steps={InputsPa.Length} start=[{string.Join(" ", Start)}]";
    }

    static Arbitrary<Case> Cases =>
        (from neurons in MixedNeurons
         from dt in Gen.Elements(0.0025, 0.01, 0.1, 0.25, 0.5, 1.0)
         from start in State.ArrayOf(Neurons)
         from steps in Gen.Choose(1, 40)
         from inputs in Gen.Frequency((3, PopulationGens.Between(-200, 1500)), (1, PopulationGens.Between(0, 100))).ArrayOf(Neurons).ArrayOf(steps)
         select new Case(neurons, dt, start, inputs)).ToArbitrary();

    [Property(MaxTest = 400)]
    public Property Every_width_steps_each_lane_as_its_scalar_step() =>
        Prop.ForAll(Cases, c =>
        {
            var expected = ScalarSteps(c);
            Compare<ScalarLane, bool>(c, expected);
            Compare<Lane128, Vector128<double>>(c, expected);
            Compare<Lane256, Vector256<double>>(c, expected);
            Compare<Lane512, Vector512<double>>(c, expected);
        });

    /// <summary>The book's seven cells side by side (every rule, one vector of eight with one cell repeated), from rest at 0 … 600 pA.</summary>
    [Fact]
    public void The_books_cells_side_by_side_equal_their_scalar_runs()
    {
        var presets = Presets2007.All.Select(p => p.Parameters).Append(Presets2007.All[0].Parameters).ToArray();
        for (int pa = 0; pa <= 600; pa += 100)
        {
            var inputs = Enumerable.Range(0, 4000).Select(_ => Enumerable.Repeat((double)pa, Neurons).ToArray()).ToArray();
            var c = new Case(presets, 0.25, [.. presets.Select(p => Izhikevich2007.Initial(p))], inputs);
            var expected = ScalarSteps(c);
            Assert.True(expected.Sum(step => step.Count(s => s.Spiked)) > 0 || pa == 0);
            Compare<Lane128, Vector128<double>>(c, expected);
            Compare<Lane256, Vector256<double>>(c, expected);
            Compare<Lane512, Vector512<double>>(c, expected);
        }
    }

    /// <summary>Each neuron stepped alone by the scalar step: outcome of neuron i after step t is <c>[t][i]</c>.</summary>
    static StepOutcome[][] ScalarSteps(Case c)
    {
        var states = (IzhikevichState[])c.Start.Clone();
        var steps = Enumerable.Range(0, Neurons).Select(i => Izhikevich2007Scheme.Prepare(c.Neurons[i], c.DtMs)).ToArray();
        var outcomes = new StepOutcome[c.InputsPa.Length][];
        for (int t = 0; t < c.InputsPa.Length; t++)
        {
            outcomes[t] = new StepOutcome[Neurons];
            for (int i = 0; i < Neurons; i++)
            {
                outcomes[t][i] = Stepping.Step(steps[i], states[i], c.InputsPa[t][i]);
                states[i] = outcomes[t][i].State;
            }
        }

        return outcomes;
    }

    /// <summary>The eight neurons as vectors of <typeparamref name="TLane"/>, prepared from their parameters, stepped together.</summary>
    static void Compare<TLane, TMask>(Case c, StepOutcome[][] expected)
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
    {
        int w = TLane.Count;
        for (int g = 0; g < Neurons; g += w)
        {
            var k = Izhikevich2007Scheme.Constants<TLane, TMask>.Prepare(c.Neurons.AsSpan(g, w), c.DtMs, 0.0);
            var v = TLane.Load(c.Start.Select(s => s.V).ToArray(), g);
            var u = TLane.Load(c.Start.Select(s => s.U).ToArray(), g);
            for (int t = 0; t < c.InputsPa.Length; t++)
            {
                ulong spiked = k.Step(ref v, ref u, k.Input(TLane.Load(c.InputsPa[t], g)));
                if (spiked >> w != 0)
                {
                    Assert.Fail($"{typeof(TLane).Name}: spike bits {spiked:X} beyond the {w} lanes");
                }
                for (int lane = 0; lane < w; lane++)
                {
                    var e = expected[t][g + lane];
                    bool same = Bits.Same(e.State.V, TLane.Element(v, lane)) && Bits.Same(e.State.U, TLane.Element(u, lane))
                        && e.Spiked == (((spiked >> lane) & 1) != 0);
                    if (!same)
                    {
                        Assert.Fail(
                        $"{typeof(TLane).Name}, neuron {g + lane} ({c.Neurons[g + lane].Rule}), step {t}: " +
                        $"({TLane.Element(v, lane):R}, {TLane.Element(u, lane):R}, spike {(spiked >> lane) & 1}), scalar ({e.State.V:R}, {e.State.U:R}, {e.Spiked}); {c}");
                    }
                }
            }
        }
    }
}

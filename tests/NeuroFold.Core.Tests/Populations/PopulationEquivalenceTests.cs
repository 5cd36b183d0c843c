using System.Runtime.Intrinsics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Models;
using NeuroFold.Core.Populations;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Tests.Generators;
using NeuroFold.Core.Tests.Support;
using Xunit;

namespace NeuroFold.Core.Tests.Populations;

/// <summary>
/// Every population path equals N scalar folds bit for bit: every 2003 scheme (and a scheme defined in a test file), at
/// every vector width (512 bits runs in software where the machine lacks it), every size around both group sizes and
/// the padding, one and two threads, any block size, with and without recorded spikes.
/// </summary>
public sealed class PopulationEquivalenceTests
{
    /// <summary>The widths every case runs at; <see cref="VectorWidth.Auto"/> is the machine's widest one.</summary>
    internal static readonly VectorWidth[] Widths = [VectorWidth.Scalar, VectorWidth.Bits128, VectorWidth.Bits256, VectorWidth.Bits512, VectorWidth.Auto];

    [Property(MaxTest = 150)]
    public Property Jaxley_population_equals_scalar_folds_at_every_width() =>
        Prop.ForAll(PopulationGens.Cases, c => AtEveryWidth<JaxleyScheme>(c));

    [Property(MaxTest = 100)]
    public Property Paper_population_equals_scalar_folds_at_every_width() =>
        Prop.ForAll(PopulationGens.Cases, c => AtEveryWidth<PaperScheme>(c));

    [Property(MaxTest = 100)]
    public Property Net2003_population_equals_scalar_folds_at_every_width() =>
        Prop.ForAll(PopulationGens.Cases, c => AtEveryWidth<Net2003Scheme>(c));

    [Property(MaxTest = 100)]
    public Property ForwardEuler_population_equals_scalar_folds_at_every_width() =>
        Prop.ForAll(PopulationGens.Cases, c => AtEveryWidth<ForwardEulerScheme>(c));

    [Property(MaxTest = 50)]
    public Property A_scheme_defined_in_one_test_file_runs_in_populations_at_every_width() =>
        Prop.ForAll(PopulationGens.Cases, c => AtEveryWidth<TestEulerScheme>(c));

    [Fact]
    public void Jaxley_every_size_from_1_to_70_at_every_width_thread_count_and_block() => EverySize<JaxleyScheme>();

    [Fact]
    public void Paper_every_size_from_1_to_70_at_every_width_thread_count_and_block() => EverySize<PaperScheme>();

    [Fact]
    public void Net2003_every_size_from_1_to_70_at_every_width_thread_count_and_block() => EverySize<Net2003Scheme>();

    [Fact]
    public void ForwardEuler_every_size_from_1_to_70_at_every_width_thread_count_and_block() => EverySize<ForwardEulerScheme>();

    [Fact]
    public void Jaxley_133_bursting_neurons_over_many_blocks() => Large<JaxleyScheme>();

    [Fact]
    public void Paper_133_bursting_neurons_over_many_blocks() => Large<PaperScheme>();

    [Fact]
    public void Net2003_133_bursting_neurons_over_many_blocks() => Large<Net2003Scheme>();

    [Fact]
    public void ForwardEuler_133_bursting_neurons_over_many_blocks() => Large<ForwardEulerScheme>();

    [Property(MaxTest = 40)]
    public Property Every_width_block_and_thread_count_gives_the_same_spikes() =>
        Prop.ForAll(PopulationGens.Cases, c =>
        {
            var grid = PopulationReference.Grid(c);
            var reference = PopulationSimulation.Run<JaxleyScheme>(
                c.Population, grid, c.CapacitanceUfPerCm2, new PopulationOptions(1, 1, VectorWidth.Scalar, true));
            var other = PopulationSimulation.Run<JaxleyScheme>(
                c.Population, grid, c.CapacitanceUfPerCm2, c.Options with { RecordSpikes = true });
            return reference.Spikes.Steps.SequenceEqual(other.Spikes.Steps)
                && reference.Spikes.Neurons.SequenceEqual(other.Spikes.Neurons)
                && Bits.Same(reference.FinalV, other.FinalV)
                && Bits.Same(reference.FinalU, other.FinalU);
        });

    /// <summary>The test scheme divides by C inside its step, forward Euler once in its input term: the same numbers either way.</summary>
    [Property(MaxTest = 25)]
    public Property The_test_scheme_equals_forward_Euler_bit_for_bit() =>
        Prop.ForAll(PopulationGens.Cases, c =>
        {
            var grid = PopulationReference.Grid(c);
            var euler = PopulationSimulation.Run<ForwardEulerScheme>(c.Population, grid, c.CapacitanceUfPerCm2, c.Options);
            var test = PopulationSimulation.Run<TestEulerScheme>(c.Population, grid, c.CapacitanceUfPerCm2, c.Options);
            return Bits.Same(euler.FinalV, test.FinalV) && Bits.Same(euler.FinalU, test.FinalU)
                && euler.Spikes.Steps.SequenceEqual(test.Spikes.Steps) && euler.Spikes.Neurons.SequenceEqual(test.Spikes.Neurons);
        });

    [Fact]
    public void A_large_population_over_many_blocks_and_two_threads_equals_scalar_folds()
    {
        var population = Izhikevich2003Population.Create(1003, 0.8, 20.0, seed: 7);
        var c = new PopulationCase(population, 0.1, 2000, 1.0, new PopulationOptions(2, 64, VectorWidth.Auto, true));
        var result = PopulationSimulation.Run<JaxleyScheme>(population, PopulationReference.Grid(c), 1.0, c.Options);
        Assert.Null(PopulationReference.Of<JaxleyScheme>(c).Mismatch(result, true));
        Assert.True(result.TotalSpikes > 1000);
    }

    [Fact]
    public void Explicit_widths_are_kept_and_auto_is_the_widest_accelerated_width()
    {
        foreach (var width in Widths[..4])
        {
            Assert.Equal(width, PopulationSimulation.Resolve(width));
            for (int n = 0; n < 20; n++)
            {
                Assert.Equal(width, PopulationSimulation.Resolve(width, n));
            }
        }

        var auto = Vector512.IsHardwareAccelerated ? VectorWidth.Bits512
            : Vector256.IsHardwareAccelerated ? VectorWidth.Bits256
            : Vector128.IsHardwareAccelerated ? VectorWidth.Bits128
            : VectorWidth.Scalar;
        Assert.Equal(auto, PopulationSimulation.Resolve(VectorWidth.Auto));
    }

    [Fact]
    public void Auto_falls_back_to_the_widest_width_a_tiny_population_fills()
    {
        var widest = PopulationSimulation.Resolve(VectorWidth.Auto);
        for (int n = 0; n <= 20; n++)
        {
            var expected = widest;
            while (expected != VectorWidth.Scalar && Lanes(expected) > n)
            {
                expected = expected - 1; // Bits512 → Bits256 → Bits128 → Scalar
            }

            Assert.Equal(expected, PopulationSimulation.Resolve(VectorWidth.Auto, n));
        }

        Assert.Equal(VectorWidth.Scalar, PopulationSimulation.Resolve(VectorWidth.Auto, 1));
        Assert.Equal(widest, PopulationSimulation.Resolve(VectorWidth.Auto, 1000));
    }

    static int Lanes(VectorWidth width) => width switch
    {
        VectorWidth.Bits512 => 8,
        VectorWidth.Bits256 => 4,
        VectorWidth.Bits128 => 2,
        _ => 1,
    };

    /// <summary>Runs case <paramref name="c"/> at every width (its threads, block size and recording) and compares each with the folds.</summary>
    internal static bool AtEveryWidth<TScheme>(PopulationCase c)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters>
    {
        var reference = PopulationReference.Of<TScheme>(c);
        var grid = PopulationReference.Grid(c);
        foreach (var width in Widths)
        {
            var result = PopulationSimulation.Run<TScheme>(c.Population, grid, c.CapacitanceUfPerCm2, c.Options with { Width = width });
            string? mismatch = reference.Mismatch(result, c.Options.RecordSpikes);
            if (mismatch is not null)
            {
                throw new Xunit.Sdk.XunitException($"{TScheme.Name} at {width}: {mismatch} ({c})");
            }
        }

        return true;
    }

    /// <summary>Sizes 1 … 70 (every tail of every width, one- and four-vector groups), each at every width, 1 and 2 threads and three block sizes.</summary>
    static void EverySize<TScheme>()
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters>
    {
        var sizes = PopulationGens.MixedPopulationOf(70).Sample(1, new Rnd(2003UL), 50)[0];
        for (int n = 1; n <= 70; n++)
        {
            var population = Take(sizes, n);
            foreach (int threads in new[] { 1, 2 })
            {
                foreach (int block in new[] { 1, 12, 512 })
                {
                    var c = new PopulationCase(population, 0.25, 120, 1.0, new PopulationOptions(threads, block, VectorWidth.Auto, RecordSpikes: true));
                    Assert.True(AtEveryWidth<TScheme>(c));
                }
            }
        }
    }

    /// <summary>133 mostly bursting neurons for 1500 steps: many blocks, both threads, spike buffers that fill and are booked mid-run.</summary>
    static void Large<TScheme>()
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters>
    {
        var neurons = Gen.Frequency((1, PopulationGens.Neuron), (4, PopulationGens.Bursting)).ArrayOf(133).Sample(1, new Rnd(133UL), 50)[0];
        var population = PopulationGens.Create(neurons);
        foreach (int threads in new[] { 1, 2 })
        {
            foreach (int block in new[] { 7, 64, 512 })
            {
                var c = new PopulationCase(population, 0.5, 1500, 1.0, new PopulationOptions(threads, block, VectorWidth.Auto, RecordSpikes: true));
                Assert.True(AtEveryWidth<TScheme>(c));
            }
        }

        var spikes = PopulationSimulation.Run<TScheme>(population, Support.Grids.Steps(0.5, 1500), 1.0, PopulationOptions.Default).TotalSpikes;
        Assert.True(spikes > 133 * 100, $"{spikes} spikes: the case should burst");
    }

    static Population Take(Population p, int n) =>
        Population.Create(p.A[..n], p.B[..n], p.C[..n], p.D[..n], p.V0[..n], p.U0[..n], p.InputUaPerCm2[..n])
            .Match(Succ: x => x, Fail: e => throw new InvalidOperationException(e.Head.Message));
}

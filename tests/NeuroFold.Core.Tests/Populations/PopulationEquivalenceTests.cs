using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Populations;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using NeuroFold.Core.Tests.Generators;
using Xunit;

namespace NeuroFold.Core.Tests.Populations;

/// <summary>Every population path (vector width, block size, thread count, spike recording) equals N scalar folds bit for bit.</summary>
public sealed class PopulationEquivalenceTests
{
    [Property(MaxTest = 150)]
    public Property Jaxley_population_equals_scalar_folds() =>
        Prop.ForAll(PopulationGens.Cases, c => Matches<JaxleyScheme>(c));

    [Property(MaxTest = 60)]
    public Property Scheme_without_vector_kernel_equals_scalar_folds() =>
        Prop.ForAll(PopulationGens.Cases, c => Matches<TestEulerScheme>(c));

    [Property(MaxTest = 60)]
    public Property Paper_population_equals_scalar_folds() =>
        Prop.ForAll(PopulationGens.Cases, c => Matches<PaperScheme>(c));

    [Property(MaxTest = 60)]
    public Property Net2003_population_equals_scalar_folds() =>
        Prop.ForAll(PopulationGens.Cases, c => Matches<Net2003Scheme>(c));

    [Property(MaxTest = 60)]
    public Property ForwardEuler_population_equals_scalar_folds() =>
        Prop.ForAll(PopulationGens.Cases, c => Matches<ForwardEulerScheme>(c));

    [Property(MaxTest = 60)]
    public Property Every_width_block_and_thread_count_gives_the_same_spikes() =>
        Prop.ForAll(PopulationGens.Cases, c =>
        {
            var grid = Grid(c);
            var reference = PopulationSimulation.Run<JaxleyScheme>(
                c.Population, grid, c.CapacitanceUfPerCm2, new PopulationOptions(1, 1, VectorWidth.Scalar, true));
            var other = PopulationSimulation.Run<JaxleyScheme>(
                c.Population, grid, c.CapacitanceUfPerCm2, c.Options with { RecordSpikes = true });
            return reference.Spikes.Steps.SequenceEqual(other.Spikes.Steps)
                && reference.Spikes.Neurons.SequenceEqual(other.Spikes.Neurons)
                && SameBits(reference.FinalV, other.FinalV)
                && SameBits(reference.FinalU, other.FinalU);
        });

    [Fact]
    public void A_large_population_over_many_blocks_and_two_threads_equals_scalar_folds()
    {
        var population = Izhikevich2003Population.Create(1003, 0.8, 20.0, seed: 7);
        var c = new PopulationCase(population, 0.1, 2000, 1.0, new PopulationOptions(2, 64, VectorWidth.Auto, true));
        Assert.True(Matches<JaxleyScheme>(c));
        Assert.True(PopulationSimulation.Run<JaxleyScheme>(population, Grid(c), 1.0, c.Options).TotalSpikes > 1000);
    }

    [Fact]
    public void Only_the_jaxley_scheme_has_a_vector_kernel()
    {
        Assert.True(PopulationSimulation.HasVectorKernel<JaxleyScheme>());
        Assert.False(PopulationSimulation.HasVectorKernel<TestEulerScheme>());
    }

    internal static TimeGrid Grid(PopulationCase c) => new(c.DtMs, c.Steps * c.DtMs, c.Steps);

    /// <summary>Checks a population run against one <see cref="Simulation.Simulation"/> fold per neuron.</summary>
    internal static bool Matches<TScheme>(PopulationCase c)
        where TScheme : struct, IScheme
    {
        var grid = Grid(c);
        var result = PopulationSimulation.Run<TScheme>(c.Population, grid, c.CapacitanceUfPerCm2, c.Options);
        var expectedSpikes = new List<(int Step, int Neuron)>();
        for (int i = 0; i < c.Population.Count; i++)
        {
            var input = Enumerable.Repeat(c.Population.InputUaPerCm2[i], c.Steps).ToArray();
            var parameters = c.Population.Parameters(i);
            var constants = TScheme.Prepare(parameters, c.DtMs, c.CapacitanceUfPerCm2);
            var final = Simulation.Simulation.Advance<TScheme>(constants, c.Population.Initial(i), input);
            var run = Simulation.Simulation.Run<TScheme>(parameters, c.Population.Initial(i), grid, input, c.CapacitanceUfPerCm2, Recording.SpikesOnly);
            if (!run.Status.IsCompleted)
            {
                return result.Status is RunStatus.NonFinite;
            }

            var steps = run.Spikes.Steps;
            if (!SameBits(final.V, result.FinalV[i]) || !SameBits(final.U, result.FinalU[i])
                || result.SpikeCounts[i] != steps.Length
                || result.FirstSpikeSteps[i] != (steps.IsEmpty ? -1 : steps[0]))
            {
                return false;
            }

            long sum = 0;
            long squares = 0;
            for (int s = 1; s < steps.Length; s++)
            {
                long isi = steps[s] - steps[s - 1];
                sum += isi;
                squares += isi * isi;
            }

            if (result.IsiSums[i] != sum || result.IsiSquareSums[i] != squares)
            {
                return false;
            }

            expectedSpikes.AddRange(steps.Select(s => (s, i)));
        }

        if (!result.Status.IsCompleted)
        {
            return false;
        }

        if (!c.Options.RecordSpikes)
        {
            return result.Spikes.Count == 0;
        }

        var ordered = expectedSpikes.OrderBy(s => s.Step).ThenBy(s => s.Neuron).ToList();
        return result.Spikes.Count == ordered.Count
            && ordered.Select((s, k) => result.Spikes.Steps[k] == s.Step && result.Spikes.Neurons[k] == s.Neuron).All(ok => ok);
    }

    static bool SameBits(double x, double y) => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y);

    static bool SameBits(System.Collections.Immutable.ImmutableArray<double> x, System.Collections.Immutable.ImmutableArray<double> y) =>
        x.Length == y.Length && Enumerable.Range(0, x.Length).All(i => SameBits(x[i], y[i]));
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Models;
using NeuroFold.Core.Populations;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Tests.Generators;
using NeuroFold.Core.Tests.Support;
using Xunit;

namespace NeuroFold.Core.Tests.Populations;

/// <summary>
/// Populations with neurons driven out of the finite range report the earliest (step, neuron) of the scalar folds'
/// <see cref="RunStatus.NonFinite"/>, at every width, and every other neuron still equals its fold bit for bit.
/// The schemes whose non-finite states are not absorbing (<see cref="IScheme{TSelf, TParameters}.NonFiniteIsAbsorbing"/>
/// false) have their kernels watch every step; Jaxley's (absorbing) is checked after the run, and is included too.
/// </summary>
public sealed class NonFinitePopulationTests
{
    [Property(MaxTest = 100)]
    public Property Paper_reports_the_first_non_finite_neuron_like_the_folds() =>
        Prop.ForAll(PopulationGens.OverflowCases, c => PopulationEquivalenceTests.AtEveryWidth<PaperScheme>(c));

    [Property(MaxTest = 100)]
    public Property Net2003_reports_the_first_non_finite_neuron_like_the_folds() =>
        Prop.ForAll(PopulationGens.OverflowCases, c => PopulationEquivalenceTests.AtEveryWidth<Net2003Scheme>(c));

    [Property(MaxTest = 100)]
    public Property ForwardEuler_reports_the_first_non_finite_neuron_like_the_folds() =>
        Prop.ForAll(PopulationGens.OverflowCases, c => PopulationEquivalenceTests.AtEveryWidth<ForwardEulerScheme>(c));

    [Property(MaxTest = 30)]
    public Property Test_scheme_reports_the_first_non_finite_neuron_like_the_folds() =>
        Prop.ForAll(PopulationGens.OverflowCases, c => PopulationEquivalenceTests.AtEveryWidth<TestEulerScheme>(c));

    [Property(MaxTest = 40)]
    public Property Jaxley_reports_the_first_non_finite_neuron_like_the_folds() =>
        Prop.ForAll(PopulationGens.OverflowCases, c => PopulationEquivalenceTests.AtEveryWidth<JaxleyScheme>(c));

    [Fact]
    public void The_schemes_declare_which_non_finite_states_are_absorbing()
    {
        Assert.True(JaxleyScheme.NonFiniteIsAbsorbing);
        Assert.False(PaperScheme.NonFiniteIsAbsorbing);
        Assert.False(Net2003Scheme.NonFiniteIsAbsorbing);
        Assert.False(ForwardEulerScheme.NonFiniteIsAbsorbing);
        Assert.False(Izhikevich2007Scheme.NonFiniteIsAbsorbing);
    }

    /// <summary>The properties are not vacuous: most generated cases leave the finite range, some with several neurons, under every scheme.</summary>
    [Fact]
    public void The_overflow_cases_mostly_leave_the_finite_range()
    {
        var cases = PopulationGens.OverflowCase.Sample(200, new Rnd(40UL), 50);
        foreach (var count in new[]
        {
            cases.Select(PopulationReference.Of<PaperScheme>).ToList(),
            cases.Select(PopulationReference.Of<Net2003Scheme>).ToList(),
            cases.Select(PopulationReference.Of<ForwardEulerScheme>).ToList(),
            cases.Select(PopulationReference.Of<JaxleyScheme>).ToList(),
        })
        {
            Assert.True(count.Count(r => r.Status is RunStatus.NonFinite) > 80, $"{count.Count(r => r.Status is RunStatus.NonFinite)} of 200 leave the finite range");
            Assert.True(count.Count(r => r.Runs.Count(x => !x.Status.IsCompleted) >= 2) > 10);
        }
    }

    [Fact]
    public void Paper_overflow_of_two_neurons_is_reported_at_the_earlier_one() => TwoOverflowing<PaperScheme>();

    [Fact]
    public void Net2003_overflow_of_two_neurons_is_reported_at_the_earlier_one() => TwoOverflowing<Net2003Scheme>();

    [Fact]
    public void ForwardEuler_overflow_of_two_neurons_is_reported_at_the_earlier_one() => TwoOverflowing<ForwardEulerScheme>();

    /// <summary>
    /// 37 neurons (every width has a tail) of which three are driven out of the finite range: two by a huge d (u
    /// overflows after their second spike), one by a huge negative input. Several folds stop, at different steps; the
    /// population names the earliest, at every width, thread count and block size.
    /// </summary>
    static void TwoOverflowing<TScheme>()
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters>
    {
        var neurons = PopulationGens.Neuron.ArrayOf(37).Sample(1, new Rnd(37UL), 50)[0];
        neurons[29] = neurons[29] with { D = 1e308, I = 60.0, C = -50.0 };
        neurons[11] = neurons[11] with { D = 1e308, I = 15.0 };
        neurons[3] = neurons[3] with { I = -1e300 };
        var population = PopulationGens.Create(neurons);
        foreach (int threads in new[] { 1, 2 })
        {
            foreach (int block in new[] { 4, 64 })
            {
                var c = new PopulationCase(population, 0.1, 400, 1.0, new PopulationOptions(threads, block, VectorWidth.Auto, RecordSpikes: true));
                var reference = PopulationReference.Of<TScheme>(c);
                Assert.IsType<RunStatus.NonFinite>(reference.Status);
                Assert.True(reference.Runs.Count(r => !r.Status.IsCompleted) >= 2, "at least two folds leave the finite range");
                Assert.True(PopulationEquivalenceTests.AtEveryWidth<TScheme>(c));
            }
        }
    }
}

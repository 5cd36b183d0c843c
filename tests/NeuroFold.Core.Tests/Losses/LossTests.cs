using System.Collections.Immutable;
using NeuroFold.Core.Losses;

namespace NeuroFold.Core.Tests.Losses;

/// <summary>The losses and scores against values computed by hand (2026-12-01).</summary>
public class LossTests
{
    /// <summary>
    /// Model 10, 50, 100 ms; data 11, 53, 99.5, 200 ms; T = 1000 ms, Δ = 2 ms: pairs (10, 11) and (100, 99.5), so
    /// N_coinc = 2; ν = 0.003/ms, chance 2·ν·Δ·N_data = 0.048; Γ = ((2 − 0.048)/3.5)/(1 − 0.012) = 0.5645...
    /// </summary>
    [Fact]
    public void Gamma_of_a_small_example_is_the_hand_computed_value()
    {
        double[] model = [10, 50, 100];
        double[] data = [11, 53, 99.5, 200];
        Assert.Equal(2, CoincidenceFactor.Coincidences(model, data, 2.0));
        Assert.Equal(((2 - 0.048) / 3.5) / 0.988, CoincidenceFactor.Gamma(model, data, 1000.0), 1e-15);
    }

    [Fact]
    public void Each_spike_takes_part_in_one_pair_only_and_the_window_is_inclusive()
    {
        Assert.Equal(1, CoincidenceFactor.Coincidences([10, 10.5], [11], 2.0));
        Assert.Equal(1, CoincidenceFactor.Coincidences([11], [10, 10.5], 2.0));
        Assert.Equal(1, CoincidenceFactor.Coincidences([12], [10], 2.0));
        Assert.Equal(0, CoincidenceFactor.Coincidences([12.001], [10], 2.0));
        Assert.Equal(1, CoincidenceFactor.Coincidences([12 * 0.2], [2 * 0.2], 2.0)); // 10 samples apart: 2.0000000000000004 in doubles, inside by the inclusive rule
        // greedy in time order still finds the maximum: data 10 and 13, model 11.5 and 14.5
        Assert.Equal(2, CoincidenceFactor.Coincidences([11.5, 14.5], [10, 13], 2.0));
    }

    [Fact]
    public void An_exact_copy_scores_one_and_a_rate_of_250_hz_scores_zero()
    {
        double[] train = [5, 40, 41, 300, 777];
        Assert.Equal(1.0, CoincidenceFactor.Gamma(train, train, 1000.0), 1e-15);
        var fast = Enumerable.Range(0, 250).Select(i => i * 4.0).ToArray(); // 250 spikes in 1 s
        Assert.Equal(0.0, CoincidenceFactor.Gamma(fast, fast, 1000.0));
    }

    /// <summary>Two repetitions a = (10, 100), b = (11, 500) over 1000 ms: Γ(a, b) = Γ(b, a) = ((1 − 0.016)/2)/(1 − 0.008), so Γ_int is that, and Γ_A of a model equal to a is (Γ(a, a) + Γ(a, b))/2/Γ_int.</summary>
    [Fact]
    public void Intrinsic_reliability_and_the_normalised_score_are_the_hand_computed_values()
    {
        ImmutableArray<double> a = [10, 100], b = [11, 500];
        double g = ((1 - 0.016) / 2) / 0.992;
        var score = CoincidenceFactor.Score([10, 100], [a, b], 1000.0);
        Assert.Equal(g, score.Intrinsic, 1e-15);
        Assert.Equal((1 + g) / 2, score.Gamma, 1e-15);
        Assert.Equal(((1 + g) / 2) / g, score.Normalised, 1e-14);
    }

    /// <summary>One spike against none: D² = ½; one spike each, Δt apart: D² = 1 − e^{−Δt/τ}.</summary>
    [Fact]
    public void Van_rossum_distance_is_the_hand_computed_value()
    {
        Assert.Equal(0.5, VanRossum.DistanceSquared([3.0], [], 10.0), 1e-15);
        Assert.Equal(1 - Math.Exp(-0.5), VanRossum.DistanceSquared([0.0], [5.0], 10.0), 1e-15);
        Assert.Equal(0.0, VanRossum.DistanceSquared([1.0, 7.0], [1.0, 7.0], 10.0), 1e-15);
    }

    /// <summary>Model 0, 1, 2, 3 mV against data 0, 0, 0, 0: L = 14/4 with ∂L/∂m = 2e/4; clipped at 1.5: 5.5/4 with 0 where the model is clipped; a data spike at sample 2 masked (0 before, 1 after): 10/3.</summary>
    [Fact]
    public void Voltage_mse_and_its_adjoint_are_the_hand_computed_values()
    {
        double[] model = [0, 1, 2, 3], data = [0, 0, 0, 0];
        var adjoint = new double[4];
        var all = VoltageComparison.Create(0, 4, SpikeHandling.Mask, 0, 0, 1).OrThrow();
        Assert.Equal(3.5, VoltageMse.Evaluate(model, data, [], [], all, adjoint));
        Assert.Equal([0.0, 0.5, 1.0, 1.5], adjoint);

        var clip = VoltageComparison.Create(0, 4, SpikeHandling.Clip, 1.5, 0, 0).OrThrow();
        Assert.Equal(5.5 / 4, VoltageMse.Evaluate(model, data, [], [], clip, adjoint));
        Assert.Equal([0.0, 0.5, 0.0, 0.0], adjoint);

        Assert.Equal(10.0 / 3, VoltageMse.Evaluate(model, data, [2], [], all, adjoint), 1e-15);
        Assert.Equal([0.0, 2.0 / 3, 0.0, 2.0], adjoint);
    }

    [Fact]
    public void A_bad_comparison_names_every_problem()
    {
        var errors = VoltageComparison.Create(5, 2, SpikeHandling.Clip, double.NaN, -1, 0).Match(Succ: _ => "", Fail: es => string.Join("\n", es.Map(e => e.Message)));
        Assert.Contains("window", errors);
        Assert.Contains("clip", errors);
        Assert.Contains("mask", errors);
    }

    [Fact]
    public void Spike_count_loss_is_the_squared_difference_from_the_mean_count()
    {
        Assert.Equal(2.25, SpikeCount.Loss(10, [8, 9]));
    }
}

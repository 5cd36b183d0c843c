using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Losses;
using Xunit;

namespace NeuroFold.Core.Tests.Losses;

/// <summary>The smooth coincidence factor Γ̃: a hand-computed value, 1 for a copy, and its spike-time gradient against central differences.</summary>
public sealed class SmoothCoincidenceTests
{
    /// <summary>
    /// Model 10, 100 ms; data 11, 300 ms; T = 1000 ms, Δ = 2 ms: the only kernel term within reach is K(−1) = e^(−1/4);
    /// ν = 0.002/ms, chance 2·ν·Δ·N_data = 0.016; Γ̃ = (e^(−1/4) − 0.016)/(½·4)/(1 − 0.008);
    /// ∂Γ̃/∂t₁ = −2·(−1)/4·e^(−1/4)/(2·0.992), ∂Γ̃/∂t₂ = 0.
    /// </summary>
    [Fact]
    public void A_small_example_is_the_hand_computed_value()
    {
        var g = new double[2];
        double value = SmoothCoincidence.Evaluate([10, 100], [11, 300], 1000, g);
        double k = Math.Exp(-0.25);
        Assert.Equal((k - 0.016) / 2 / 0.992, value, 1e-15);
        Assert.Equal(0.5 * k / (2 * 0.992), g[0], 1e-15);
        Assert.Equal(0.0, g[1]);
    }

    [Property(MaxTest = 300)]
    public Property A_copy_of_a_sparse_train_scores_one_and_has_zero_gradient() =>
        Prop.ForAll(Gen.Choose(1, 40).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (n, seed) =>
        {
            var rng = new System.Random(seed);
            var t = new double[n];
            double x = 5;
            for (int i = 0; i < n; i++)
            {
                x += 13 + (rng.NextDouble() * 50); // more than 6Δ apart: no cross terms
                t[i] = x;
            }

            var g = new double[n];
            double value = SmoothCoincidence.Evaluate(t, t, x + 10, g);
            return (Math.Abs(value - 1) < 1e-12 && g.All(v => v == 0)).Label($"Γ̃ = {value}");
        });

    [Property(MaxTest = 500)]
    public Property The_gradient_is_the_derivative_in_each_spike_time() =>
        Prop.ForAll(Gen.Choose(1, 30).ToArbitrary(), Gen.Choose(1, 30).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (nModel, nData, seed) =>
        {
            var rng = new System.Random(seed);
            double[] Train(int n) => [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 500).Order()];
            var model = Train(nModel);
            var data = Train(nData);
            var g = new double[nModel];
            SmoothCoincidence.Evaluate(model, data, 1000, g);
            double worst = 0;
            for (int i = 0; i < nModel; i++)
            {
                // the counts stay put, so Γ̃ is smooth in tᵢ; a perturbation that keeps the order keeps the gradient's meaning
                const double h = 1e-6;
                var plus = (double[])model.Clone();
                var minus = (double[])model.Clone();
                plus[i] += h;
                minus[i] -= h;
                double cd = (SmoothCoincidence.Evaluate(plus, data, 1000, []) - SmoothCoincidence.Evaluate(minus, data, 1000, [])) / (2 * h);
                worst = Math.Max(worst, Math.Abs(cd - g[i]));
            }

            return (worst < 1e-7).Label($"worst {worst}");
        });
}

using System.Collections.Immutable;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Core.Gradients;

/// <summary>A forward-mode run: the plain run's result (bit for bit) and the derivative of v after every step with respect to every variable.</summary>
/// <param name="Run">The run's trace, spikes and status, exactly those of the plain fold.</param>
/// <param name="Variables">The variables' names, in tangent order.</param>
/// <param name="Values">The variables' values.</param>
/// <param name="VoltageTangents">Row k (step k), column j: ∂v_k/∂(variable j), row-major, <c>Steps × Variables.Length</c> values (rows after a non-finite stop are 0).</param>
public sealed record Sensitivities(SimulationResult Run, ImmutableArray<string> Variables, ImmutableArray<double> Values, ImmutableArray<double> VoltageTangents)
{
    /// <summary>∂v_k/∂(variable j).</summary>
    public double Tangent(int step, int variable) => VoltageTangents[(step * Variables.Length) + variable];

    /// <summary>The gradient of a loss given its derivative with respect to v after each step: <c>Σ_k (∂L/∂v_k)·(∂v_k/∂θ_j)</c> for every variable j.</summary>
    /// <param name="voltageAdjoint">∂L/∂v_k for each step k (<c>Run.StepCount</c> values).</param>
    public ImmutableArray<double> Gradient(ReadOnlySpan<double> voltageAdjoint)
    {
        int p = Variables.Length;
        if (voltageAdjoint.Length != Run.StepCount)
        {
            throw new ArgumentException($"{voltageAdjoint.Length} adjoint values for {Run.StepCount} steps", nameof(voltageAdjoint));
        }

        var g = new double[p];
        var t = VoltageTangents.AsSpan();
        for (int k = 0; k < voltageAdjoint.Length; k++)
        {
            double w = voltageAdjoint[k];
            if (w == 0.0)
            {
                continue;
            }

            var row = t.Slice(k * p, p);
            for (int j = 0; j < p; j++)
            {
                g[j] += w * row[j];
            }
        }

        return ImmutableArray.Create(g);
    }
}

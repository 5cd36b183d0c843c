using NeuroFold.Core.Numerics;

namespace NeuroFold.Core.Gradients;

/// <summary>The logistic sigmoid's derivative: dH/dx = β·σ(βx)·(1 − σ(βx)), <c>σ(y) = 1/(1 + e^(−y))</c>, with β = <see cref="BetaPerMv"/>.</summary>
public readonly struct SigmoidSurrogate : ISurrogate
{
    /// <summary>The scale β, 1/mV.</summary>
    public const double BetaPerMv = 1.0;

    /// <inheritdoc />
    public static string Name => "sigmoid";

    /// <inheritdoc />
    public static bool Active => true;

    /// <inheritdoc />
    /// <remarks>Evaluated as <c>β·e/(1 + e)²</c> with <c>e = exp(−β·|x|)</c> (symmetric, no overflow).</remarks>
    public static double Slope(double overshootMv)
    {
        double e = CorrectlyRounded.Exp(-BetaPerMv * Math.Abs(overshootMv));
        double s = 1.0 + e;
        return (BetaPerMv * e) / (s * s);
    }
}

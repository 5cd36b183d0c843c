namespace NeuroFold.Core.Gradients;

/// <summary>Jaxley 1.0's Heaviside surrogate: dH/dx = 1/(10·|x| + 1)², x in mV.</summary>
/// <remarks>Jaxley's <c>heaviside</c> with a custom VJP that returns <c>g/(10·|x| + 1)²</c> for the incoming cotangent g (SuperSpike's form with α = 10).</remarks>
public readonly struct JaxleySurrogate : ISurrogate
{
    /// <inheritdoc />
    public static string Name => "jaxley";

    /// <inheritdoc />
    public static bool Active => true;

    /// <inheritdoc />
    public static double Slope(double overshootMv)
    {
        double s = (10.0 * Math.Abs(overshootMv)) + 1.0;
        return 1.0 / (s * s);
    }
}

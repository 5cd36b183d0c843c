namespace NeuroFold.Core.Gradients;

/// <summary>No surrogate: dH/dx = 0, the derivative of the exact discrete map (Jaxley's <c>Izhikevich</c> channel: "its gradient will be zero after every spike").</summary>
public readonly struct NoSurrogate : ISurrogate
{
    /// <inheritdoc />
    public static string Name => "none";

    /// <inheritdoc />
    public static bool Active => false;

    /// <inheritdoc />
    public static double Slope(double overshootMv) => 0.0;
}

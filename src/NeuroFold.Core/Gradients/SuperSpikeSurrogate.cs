namespace NeuroFold.Core.Gradients;

/// <summary>SuperSpike's fast sigmoid (Zenke &amp; Ganguli 2018): dH/dx = 1/(β·|x| + 1)², with β = <see cref="BetaPerMv"/>.</summary>
public readonly struct SuperSpikeSurrogate : ISurrogate
{
    /// <summary>The scale β, 1/mV: a window of a few mV, the width of the approach to the peak at these step sizes.</summary>
    public const double BetaPerMv = 1.0;

    /// <inheritdoc />
    public static string Name => "superspike";

    /// <inheritdoc />
    public static bool Active => true;

    /// <inheritdoc />
    public static double Slope(double overshootMv)
    {
        double s = (BetaPerMv * Math.Abs(overshootMv)) + 1.0;
        return 1.0 / (s * s);
    }
}

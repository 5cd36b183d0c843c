using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Validation;

namespace NeuroFold.Core.Models;

/// <summary>The four parameters of the Izhikevich (2003) neuron.</summary>
/// <remarks>
/// <c>v' = 0.04v² + 5v + 140 − u + I</c>, <c>u' = a(bv − u)</c>; when <c>v ≥ 30 mV</c>: <c>v ← c</c>, <c>u ← u + d</c>.
/// Izhikevich, E. M. (2003) "Simple model of spiking neurons", IEEE Trans. Neural Networks 14(6).
/// Defaults are Jaxley's (<c>jaxley/channels/non_capacitive/izhikevich.py</c>).
/// </remarks>
public readonly record struct IzhikevichParameters
{
    internal IzhikevichParameters(double a, double b, double c, double d)
    {
        A = a;
        B = b;
        C = c;
        D = d;
    }

    /// <summary>Time scale of the recovery variable u, 1/ms. May be negative (inhibition-induced features).</summary>
    public double A { get; }

    /// <summary>Sensitivity of u to the membrane potential v (dimensionless).</summary>
    public double B { get; }

    /// <summary>After-spike reset value of v, mV; must lie below the 30 mV peak.</summary>
    public double C { get; }

    /// <summary>After-spike increment of u, mV/ms.</summary>
    public double D { get; }

    /// <summary>Jaxley's defaults, the regular-spiking cell: a=0.02, b=0.2, c=−65, d=8.</summary>
    public static IzhikevichParameters Default => new(0.02, 0.2, -65.0, 8.0);

    /// <summary>Validates raw values; every offending field is reported, not just the first.</summary>
    /// <remarks>Rules: all four finite; <c>c &lt; 30</c> mV (a reset at or above the peak would spike on every step).</remarks>
    public static Validation<Error, IzhikevichParameters> Create(double a, double b, double c, double d) =>
        (Checks.Finite("a", a),
         Checks.Finite("b", b),
         Checks.Below("c", c, Izhikevich.PeakMv, "the reset must lie below the spike peak"),
         Checks.Finite("d", d))
        .Apply((a1, b1, c1, d1) => new IzhikevichParameters(a1, b1, c1, d1));
}

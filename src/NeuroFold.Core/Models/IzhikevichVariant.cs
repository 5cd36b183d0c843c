using System.Runtime.CompilerServices;

namespace NeuroFold.Core.Models;

/// <summary>The quadratic model with the coefficients and recovery equation a published protocol uses.</summary>
/// <remarks>
/// <c>v' = 0.04v² + k₁v + k₀ − u + I</c> with <c>(k₁, k₀) = (5, 140)</c> in Izhikevich (2003) and
/// <c>(4.1, 108)</c> in the <i>class 1 excitable</i> and <i>integrator</i> panels of Izhikevich (2004), Fig. 1G/L;
/// the recovery equation is <see cref="RecoveryForm"/>. These are the parameters of <see cref="Schemes.PaperScheme"/>,
/// which also takes a plain <see cref="IzhikevichParameters"/> as <see cref="Standard"/>.
/// </remarks>
public readonly record struct IzhikevichVariant
{
    internal IzhikevichVariant(IzhikevichParameters cell, double linearCoefficient, double constantTerm, RecoveryForm recovery)
    {
        Cell = cell;
        LinearCoefficient = linearCoefficient;
        ConstantTerm = constantTerm;
        Recovery = recovery;
    }

    /// <summary>a, b, c, d.</summary>
    public IzhikevichParameters Cell { get; }

    /// <summary>k₁, 1/ms (5 in the 2003 model).</summary>
    public double LinearCoefficient { get; }

    /// <summary>k₀, mV/ms (140 in the 2003 model).</summary>
    public double ConstantTerm { get; }

    /// <summary>The recovery equation.</summary>
    public RecoveryForm Recovery { get; }

    /// <summary>The potential the accommodation variant's u equation is centred on, mV (<c>u' = a·b·(v + 65)</c>).</summary>
    public const double AccommodationRestMv = -65.0;

    /// <summary>The 2003 model: <c>0.04v² + 5v + 140</c>, <c>u' = a(bv − u)</c>.</summary>
    public static IzhikevichVariant Standard(IzhikevichParameters cell) => new(cell, 5.0, 140.0, RecoveryForm.Standard);

    /// <summary>Fig. 1G/L of Izhikevich (2004): <c>0.04v² + 4.1v + 108</c>, standard recovery.</summary>
    public static IzhikevichVariant ClassOne(IzhikevichParameters cell) => new(cell, 4.1, 108.0, RecoveryForm.Standard);

    /// <summary>Fig. 1R of Izhikevich (2004): the 2003 quadratic with <c>u' = a·b·(v + 65)</c>.</summary>
    public static IzhikevichVariant Accommodation(IzhikevichParameters cell) => new(cell, 5.0, 140.0, RecoveryForm.Accommodation);

    /// <summary><c>((((0.04·(v·v)) + (k₁·v)) + k₀) − u)</c>, mV/ms, in the shared evaluation order (<see cref="Izhikevich.Drive{TLane}(TLane, TLane, TLane, TLane)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Drive(double v, double u) => Izhikevich.Drive<Arithmetic.ScalarLane>(v, u, LinearCoefficient, ConstantTerm);
}

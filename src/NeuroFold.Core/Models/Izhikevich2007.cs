namespace NeuroFold.Core.Models;

/// <summary>The constants of the 2007 model's cell-specific rules and its initial state (Izhikevich 2007, ch. 8).</summary>
/// <remarks>The model's equations and their integration are <see cref="Schemes.Izhikevich2007Scheme"/>.</remarks>
public static class Izhikevich2007
{
    /// <summary>Below this potential the fast-spiking cell's <c>U(v)</c> is 0, mV.</summary>
    public const double FastSpikingVbMv = -55.0;

    /// <summary>The cap on u of the low-threshold spiking cell, pA.</summary>
    public const double LowThresholdUMax = 670.0;

    /// <summary>Potential above which the thalamic cells switch b, mV.</summary>
    public const double ThalamicSwitchMv = -65.0;

    /// <summary>The b of the reticular thalamic cell above <see cref="ThalamicSwitchMv"/>, nS (the thalamo-cortical cell's is 0).</summary>
    public const double ReticularSwitchedB = 2.0;

    /// <summary>The book's initial state: <c>v = vr</c>, <c>u = 0</c>.</summary>
    public static IzhikevichState Initial(Izhikevich2007Parameters p) => new(p.VrMv, 0.0);
}

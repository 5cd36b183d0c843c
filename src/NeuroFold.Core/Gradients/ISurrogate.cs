namespace NeuroFold.Core.Gradients;

/// <summary>The derivative given to the spike's Heaviside step <c>H(x)</c>, <c>x = v − v_peak</c> (mV): a type class, implemented by a struct.</summary>
/// <remarks>
/// The exact map's H has derivative 0 everywhere (<see cref="NoSurrogate"/>: gradients through a spike are those of the
/// discrete map, Jaxley's behaviour). A surrogate replaces dH/dx by a smooth bump, in tangents only: values never change.
/// See docs/GRADIENTS.md.
/// </remarks>
public interface ISurrogate
{
    /// <summary>The name on the command line (lower case).</summary>
    static abstract string Name { get; }

    /// <summary>True when <see cref="Slope(double)"/> is not identically 0.</summary>
    static abstract bool Active { get; }

    /// <summary>dH/dx at <paramref name="overshootMv"/> = v − v_peak, 1/mV.</summary>
    static abstract double Slope(double overshootMv);
}

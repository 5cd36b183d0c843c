using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Validation;

namespace NeuroFold.Core.Cells;

/// <summary>A cylindrical compartment: the geometry through which a point current becomes a current density.</summary>
/// <remarks>Jaxley's defaults: radius 1 µm, length 10 µm, membrane capacitance 1 µF/cm².</remarks>
public readonly record struct Compartment
{
    internal Compartment(double radiusUm, double lengthUm, double capacitanceUfPerCm2)
    {
        RadiusUm = radiusUm;
        LengthUm = lengthUm;
        CapacitanceUfPerCm2 = capacitanceUfPerCm2;
    }

    /// <summary>Radius, µm.</summary>
    public double RadiusUm { get; }

    /// <summary>Length, µm.</summary>
    public double LengthUm { get; }

    /// <summary>Specific membrane capacitance, µF/cm².</summary>
    public double CapacitanceUfPerCm2 { get; }

    /// <summary>Jaxley's default compartment: r = 1 µm, L = 10 µm, C_m = 1 µF/cm².</summary>
    public static Compartment Default => new(1.0, 10.0, 1.0);

    /// <summary>Lateral surface area <c>2π·r·L</c>, µm².</summary>
    public double AreaUm2 => 2.0 * Math.PI * RadiusUm * LengthUm;

    /// <summary>Converts a point current in nA to a current density in µA/cm².</summary>
    /// <remarks>
    /// <c>J = I / (2π·r·L) · 1e5</c>, evaluated as Jaxley's <c>convert_point_process_to_distributed</c> does:
    /// 1 nA/µm² = 1e5 µA/cm². So 0.012 nA on the default compartment is 19.0986 µA/cm².
    /// </remarks>
    public double ToCurrentDensity(double currentNa) => currentNa / AreaUm2 * 100_000.0;

    /// <summary>Validates raw geometry; every offending field is reported.</summary>
    public static Validation<Error, Compartment> Create(double radiusUm, double lengthUm, double capacitanceUfPerCm2) =>
        (Checks.Positive("radius", radiusUm), Checks.Positive("length", lengthUm), Checks.Positive("capacitance", capacitanceUfPerCm2))
        .Apply((r, l, c) => new Compartment(r, l, c));
}

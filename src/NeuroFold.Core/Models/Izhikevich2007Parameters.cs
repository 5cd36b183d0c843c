using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Validation;

namespace NeuroFold.Core.Models;

/// <summary>The parameters of the 2007 model of "Dynamical Systems in Neuroscience" (Izhikevich 2007, ch. 8).</summary>
/// <remarks>
/// <c>C·v' = k(v − vr)(v − vt) − u + I</c>, <c>u' = a(b(v − vr) − u)</c>; <c>v ≥ vpeak → v = c, u = u + d</c>, with the
/// cell-specific rule <see cref="Rule"/>. Units are the book's: pF, pA, mV, ms, nS.
/// </remarks>
/// <param name="CapacitancePf">Membrane capacitance C, pF.</param>
/// <param name="K">Gain k of the quadratic, nS/mV.</param>
/// <param name="VrMv">Resting potential vr, mV.</param>
/// <param name="VtMv">Instantaneous threshold vt, mV.</param>
/// <param name="VPeakMv">Spike cut-off vpeak, mV.</param>
/// <param name="A">Recovery time scale a, 1/ms.</param>
/// <param name="B">Recovery sensitivity b, nS.</param>
/// <param name="C">Reset potential c, mV.</param>
/// <param name="D">After-spike increment d of u, pA.</param>
/// <param name="Rule">The cell-specific rule.</param>
public readonly record struct Izhikevich2007Parameters(
    double CapacitancePf, double K, double VrMv, double VtMv, double VPeakMv, double A, double B, double C, double D, CellRule2007 Rule)
{
    /// <summary>Validates raw values; every offending field is reported.</summary>
    /// <remarks>Rules: all finite; C &gt; 0; the reset c below the peak vpeak.</remarks>
    public static Validation<Error, Izhikevich2007Parameters> Create(
        double capacitancePf, double k, double vr, double vt, double vpeak, double a, double b, double c, double d, CellRule2007 rule) =>
        (Checks.Positive("C (pF)", capacitancePf), Checks.Finite("k", k), Checks.Finite("vr", vr), Checks.Finite("vt", vt),
         Checks.Finite("vpeak", vpeak), Checks.Finite("a", a), Checks.Finite("b", b),
         Checks.Below("c", c, double.IsFinite(vpeak) ? vpeak : double.PositiveInfinity, "the reset must lie below vpeak"), Checks.Finite("d", d))
        .Apply((cap, k1, vr1, vt1, vp, a1, b1, c1, d1) => new Izhikevich2007Parameters(cap, k1, vr1, vt1, vp, a1, b1, c1, d1, rule));
}

using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Validation;

namespace NeuroFold.Core.Models;

/// <summary>The parameters of the 2007 model of "Dynamical Systems in Neuroscience" (Izhikevich 2007, ch. 8).</summary>
/// <remarks>
/// <c>C·v' = k(v − vr)(v − vt) − u + I</c>, <c>u' = a(b(v − vr) − u)</c>; <c>v ≥ vpeak → v = c, u = u + d</c>, with the
/// cell-specific rule <see cref="Rule"/>. Units are the book's: pF, pA, mV, ms, nS.
/// </remarks>
public readonly record struct Izhikevich2007Parameters
{
    internal Izhikevich2007Parameters(double capacitancePf, double k, double vrMv, double vtMv, double vPeakMv, double a, double b, double c, double d, CellRule2007 rule)
    {
        CapacitancePf = capacitancePf;
        K = k;
        VrMv = vrMv;
        VtMv = vtMv;
        VPeakMv = vPeakMv;
        A = a;
        B = b;
        C = c;
        D = d;
        Rule = rule;
    }

    /// <summary>Membrane capacitance C, pF.</summary>
    public double CapacitancePf { get; }

    /// <summary>Gain k of the quadratic, nS/mV.</summary>
    public double K { get; }

    /// <summary>Resting potential vr, mV.</summary>
    public double VrMv { get; }

    /// <summary>Instantaneous threshold vt, mV.</summary>
    public double VtMv { get; }

    /// <summary>Spike cut-off vpeak, mV.</summary>
    public double VPeakMv { get; }

    /// <summary>Recovery time scale a, 1/ms.</summary>
    public double A { get; }

    /// <summary>Recovery sensitivity b, nS.</summary>
    public double B { get; }

    /// <summary>Reset potential c, mV.</summary>
    public double C { get; }

    /// <summary>After-spike increment d of u, pA.</summary>
    public double D { get; }

    /// <summary>The cell-specific rule.</summary>
    public CellRule2007 Rule { get; }

    /// <summary>Validates raw values; every offending field is reported.</summary>
    /// <remarks>Rules: all finite; C &gt; 0; the reset c below the peak vpeak.</remarks>
    public static Validation<Error, Izhikevich2007Parameters> Create(
        double capacitancePf, double k, double vr, double vt, double vpeak, double a, double b, double c, double d, CellRule2007 rule) =>
        (Checks.Positive("C (pF)", capacitancePf), Checks.Finite("k", k), Checks.Finite("vr", vr), Checks.Finite("vt", vt),
         Checks.Finite("vpeak", vpeak), Checks.Finite("a", a), Checks.Finite("b", b),
         Checks.Below("c", c, double.IsFinite(vpeak) ? vpeak : double.PositiveInfinity, "the reset must lie below vpeak"), Checks.Finite("d", d))
        .Apply((cap, k1, vr1, vt1, vp, a1, b1, c1, d1) => new Izhikevich2007Parameters(cap, k1, vr1, vt1, vp, a1, b1, c1, d1, rule));
}

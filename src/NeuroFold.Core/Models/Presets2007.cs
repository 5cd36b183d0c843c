using System.Collections.Immutable;
using LanguageExt;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Models;

/// <summary>The cells of "Dynamical Systems in Neuroscience" (Izhikevich 2007, ch. 8) for the 2007 model.</summary>
/// <remarks>Values (C, k, vr, vt, vpeak, a, b, c, d) as in DESIGN.md, "Numerics", and the book's figures 8.12–8.32.</remarks>
public static class Presets2007
{
    /// <summary>Every preset by name, in the book's order.</summary>
    public static ImmutableArray<(string Name, Izhikevich2007Parameters Parameters)> All { get; } =
    [
        ("rs-2007", new(100, 0.7, -60, -40, 35, 0.03, -2, -50, 100, CellRule2007.None)),
        ("ib-2007", new(150, 1.2, -75, -45, 50, 0.01, 5, -56, 130, CellRule2007.None)),
        ("ch-2007", new(50, 1.5, -60, -40, 25, 0.03, 1, -40, 150, CellRule2007.None)),
        ("lts-2007", new(100, 1, -56, -42, 40, 0.03, 8, -53, 20, CellRule2007.LowThresholdSpiking)),
        ("fs-2007", new(20, 1, -55, -40, 25, 0.2, -2, -45, -55, CellRule2007.FastSpiking)),
        ("tc-2007", new(200, 1.6, -60, -50, 35, 0.01, 15, -60, 10, CellRule2007.ThalamoCortical)),
        ("rtn-2007", new(40, 0.25, -65, -45, 0, 0.015, 10, -55, 50, CellRule2007.ReticularThalamic)),
    ];

    /// <summary>Looks a preset up by name, ignoring case.</summary>
    public static Option<Izhikevich2007Parameters> Find(string name)
    {
        foreach (var (n, p) in All)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                return Some(p);
            }
        }

        return None;
    }
}

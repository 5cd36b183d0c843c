using System.Globalization;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Cells;
using static LanguageExt.Prelude;
using NeuroFold.IO;

namespace NeuroFold.Cli.Specs;

/// <summary>A current amplitude as written on the command line: a number with an optional unit suffix.</summary>
/// <param name="Value">The number as written.</param>
/// <param name="IsNanoamps">True for a point current in nA (suffix <c>nA</c>); false for a density in µA/cm² (suffix <c>uA/cm2</c> or none).</param>
internal readonly record struct Amplitude(double Value, bool IsNanoamps)
{
    /// <summary>The current density this amplitude gives on <paramref name="compartment"/>, µA/cm².</summary>
    public double ToDensity(Compartment compartment) => IsNanoamps ? compartment.ToCurrentDensity(Value) : Value;

    /// <summary>The amplitude written back in the syntax <see cref="Parse"/> reads.</summary>
    public override string ToString() =>
        Value.ToString("R", CultureInfo.InvariantCulture) + (IsNanoamps ? "nA" : "uA/cm2");

    /// <summary>Reads <c>12</c>, <c>12uA/cm2</c> or <c>0.012nA</c>; the number must be finite.</summary>
    public static Validation<Error, Amplitude> Parse(string field, string text)
    {
        string t = text.Trim();
        bool nA = false;
        if (t.EndsWith("nA", StringComparison.Ordinal))
        {
            nA = true;
            t = t[..^2];
        }
        else if (t.EndsWith("uA/cm2", StringComparison.Ordinal))
        {
            t = t[..^6];
        }
        else if (t.EndsWith("µA/cm2", StringComparison.Ordinal) || t.EndsWith("µA/cm²", StringComparison.Ordinal))
        {
            t = t[..^6];
        }

        return Numbers.ParseDouble(field, t.Trim()).Bind(v =>
            double.IsFinite(v)
                ? Success<Error, Amplitude>(new Amplitude(v, nA))
                : Fail<Error, Amplitude>(Error.New($"{field} must be a finite number, got '{Excerpt.Of(text)}'")));
    }
}

using System.Collections.Immutable;
using System.Globalization;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Specs;
using static LanguageExt.Prelude;
using NeuroFold.IO;

namespace NeuroFold.Cli.Sweeps;

/// <summary>One axis of a sweep: a quantity and its values, from <c>NAME=START:STOP:COUNT</c> (inclusive, evenly spaced) or <c>NAME=VALUE</c>.</summary>
/// <param name="Name">The swept quantity: a, b, c, d, I (µA/cm²) or v0 (mV).</param>
/// <param name="Values">The values, in order: <c>start + (stop − start)·i/(count − 1)</c>, the last exactly <c>stop</c>.</param>
internal sealed record SweepAxis(string Name, ImmutableArray<double> Values)
{
    /// <summary>The quantities a sweep can vary, with their units for labels.</summary>
    public static ImmutableArray<(string Name, string Label)> Quantities { get; } =
    [
        ("a", "a (1/ms)"), ("b", "b"), ("c", "c (mV)"), ("d", "d (mV/ms)"), ("I", "I (uA/cm2)"), ("v0", "v0 (mV)"),
    ];

    /// <summary>The most values one axis may have.</summary>
    public const int MaxCount = 100_000;

    /// <summary>The axis label with units.</summary>
    public string Label => Quantities.First(q => q.Name == Name).Label;

    /// <summary>Parses <c>NAME=START:STOP:COUNT</c> or <c>NAME=VALUE</c>; every problem is reported.</summary>
    public static Validation<Error, SweepAxis> Parse(string field, string text)
    {
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            return Fail<Error, SweepAxis>(Error.New($"{field} must look like NAME=START:STOP:COUNT (e.g. I=0:20:41), got '{Excerpt.Of(text)}'"));
        }

        string rawName = text[..eq].Trim();
        var known = Quantities.Where(q => string.Equals(q.Name, rawName, StringComparison.OrdinalIgnoreCase)).ToList();
        var name = known.Count == 1
            ? Success<Error, string>(known[0].Name)
            : Fail<Error, string>(Error.New($"{field} quantity must be one of {string.Join(", ", Quantities.Select(q => q.Name))}; got '{Excerpt.Of(rawName)}'"));
        string[] parts = text[(eq + 1)..].Split(':');
        if (parts.Length == 1)
        {
            return (name, Numbers.ParseDouble($"{field} {rawName}", parts[0]).Bind(x => Finite(field, rawName, x)))
                .Apply((n, x) => new SweepAxis(n, [x]));
        }

        if (parts.Length != 3)
        {
            return name.Bind(_ => Fail<Error, SweepAxis>(Error.New($"{field} {rawName} must be START:STOP:COUNT or one value, got '{Excerpt.Of(text[(eq + 1)..])}'")));
        }

        var count = int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k >= 1 && k <= MaxCount
            ? Success<Error, int>(k)
            : Fail<Error, int>(Error.New($"{field} {rawName} COUNT must be an integer in [1, {MaxCount}], got '{Excerpt.Of(parts[2])}'"));
        return (name,
                Numbers.ParseDouble($"{field} {rawName} START", parts[0]).Bind(x => Finite(field, rawName, x)),
                Numbers.ParseDouble($"{field} {rawName} STOP", parts[1]).Bind(x => Finite(field, rawName, x)),
                count)
            .Apply((n, start, stop, c) => new SweepAxis(n, Linspace(start, stop, c)));
    }

    static Validation<Error, double> Finite(string field, string name, double x) =>
        double.IsFinite(x) ? Success<Error, double>(x) : Fail<Error, double>(Error.New($"{field} {name} values must be finite, got {Numbers.Format(x)}"));

    static ImmutableArray<double> Linspace(double start, double stop, int count)
    {
        if (count == 1)
        {
            return [start];
        }

        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = start + ((stop - start) * i / (count - 1));
        }

        values[count - 1] = stop;
        return [.. values];
    }
}

using System.Globalization;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using NeuroFold.IO;

namespace NeuroFold.Cli.Specs;

/// <summary>Invariant-culture number parsing that reports the field it was reading.</summary>
internal static class Numbers
{
    /// <summary>Parses a double in invariant culture (NaN and infinities parse; range checks come later).</summary>
    public static Validation<Error, double> ParseDouble(string field, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
            ? Success<Error, double>(x)
            : Fail<Error, double>(Error.New($"{field} must be a number, got '{Excerpt.Of(text)}'"));

    /// <summary>Parses an optional double; absent gives <paramref name="fallback"/>.</summary>
    public static Validation<Error, double> ParseOptional(string field, string? text, double fallback) =>
        text is null ? Success<Error, double>(fallback) : ParseDouble(field, text);

    /// <summary>Formats a number in invariant culture with round-trip precision.</summary>
    public static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}

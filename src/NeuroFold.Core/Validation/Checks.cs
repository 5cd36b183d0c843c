using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Validation;

/// <summary>Field checks that turn raw numbers into <see cref="Validation{FAIL, SUCCESS}"/> values.</summary>
/// <remarks>
/// Every message names the field and the rule it broke, so that a caller combining several checks with
/// <c>Apply</c> can report all problems at once. Numbers are printed in invariant culture.
/// </remarks>
internal static class Checks
{
    /// <summary>Succeeds when <paramref name="x"/> is neither NaN nor infinite.</summary>
    public static Validation<Error, double> Finite(string name, double x) =>
        double.IsFinite(x) ? Success<Error, double>(x) : Fail<Error, double>(Error.New($"{name} must be a finite number, got {Show(x)}"));

    /// <summary>Succeeds when <paramref name="x"/> is finite and strictly positive.</summary>
    public static Validation<Error, double> Positive(string name, double x) =>
        double.IsFinite(x) && x > 0 ? Success<Error, double>(x) : Fail<Error, double>(Error.New($"{name} must be finite and > 0, got {Show(x)}"));

    /// <summary>Succeeds when <paramref name="x"/> is finite and not negative.</summary>
    public static Validation<Error, double> NonNegative(string name, double x) =>
        double.IsFinite(x) && x >= 0 ? Success<Error, double>(x) : Fail<Error, double>(Error.New($"{name} must be finite and >= 0, got {Show(x)}"));

    /// <summary>Succeeds when <paramref name="x"/> is finite and strictly below <paramref name="limit"/>.</summary>
    public static Validation<Error, double> Below(string name, double x, double limit, string why) =>
        double.IsFinite(x) && x < limit
            ? Success<Error, double>(x)
            : Fail<Error, double>(Error.New($"{name} must be finite and < {Show(limit)} ({why}), got {Show(x)}"));

    /// <summary>Formats a number the way every NeuroFold message does: invariant culture, round-trip.</summary>
    public static string Show(double x) => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Joins the messages of accumulated errors, one per line.</summary>
    public static string Describe(Seq<Error> errors) => string.Join("\n", errors.Map(e => e.Message));
}

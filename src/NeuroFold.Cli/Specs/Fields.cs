using System.Globalization;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Commands;
using static LanguageExt.Prelude;
using NeuroFold.IO;

namespace NeuroFold.Cli.Specs;

/// <summary>The resolvers of the fields every command shares: one rule and one message for each, naming the field as the caller says.</summary>
internal static class Fields
{
    /// <summary>The most threads a run may ask for.</summary>
    public const int MaxThreads = 1024;

    /// <summary>The output folder as given (or <paramref name="fallback"/>), once it is known to be writable.</summary>
    public static Validation<Error, string> Out(string field, string? dir, string fallback) =>
        Execution.OutputFolder.Check(field, dir ?? fallback).Map(_ => dir ?? fallback);

    /// <summary>A seed: a whole number in 0 … 2⁶³ − 1 (default <see cref="Vocabulary.DefaultSeed"/>).</summary>
    public static Validation<Error, long> Seed(string field, string? text) =>
        text is null ? Success<Error, long>(Vocabulary.DefaultSeed)
        : long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long seed) ? Success<Error, long>(seed)
        : Fail<Error, long>(Error.New($"{field} must be a whole number in 0..{long.MaxValue}, got '{Excerpt.Of(text)}'"));

    /// <summary>A thread count in 1 … <see cref="MaxThreads"/> (default: every core).</summary>
    public static Validation<Error, int> Threads(string field, string? text) =>
        WholeNumber(field, text, Vocabulary.DefaultThreads, 1, MaxThreads);

    /// <summary>A whole number in <paramref name="min"/> … <paramref name="max"/>, or <paramref name="fallback"/> when not given.</summary>
    public static Validation<Error, int> WholeNumber(string field, string? text, int fallback, int min, int max) =>
        text is null ? Success<Error, int>(fallback)
        : int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int x) && x >= min && x <= max ? Success<Error, int>(x)
        : Fail<Error, int>(Error.New($"{field} must be a whole number in {min}..{max}, got '{Excerpt.Of(text)}'"));

    /// <summary>A finite number, or <paramref name="fallback"/> when not given.</summary>
    public static Validation<Error, double> Finite(string field, string? text, double fallback) =>
        Numbers.ParseOptional(field, text, fallback).Bind(x => Core.Validation.Checks.Finite(field, x));

    /// <summary>A finite number &gt; 0, or <paramref name="fallback"/> when not given.</summary>
    public static Validation<Error, double> Positive(string field, string? text, double fallback) =>
        Numbers.ParseOptional(field, text, fallback).Bind(x => Core.Validation.Checks.Positive(field, x));

    /// <summary>A finite number ≥ 0, or <paramref name="fallback"/> when not given.</summary>
    public static Validation<Error, double> NonNegative(string field, string? text, double fallback) =>
        Numbers.ParseOptional(field, text, fallback).Bind(x => Core.Validation.Checks.NonNegative(field, x));
}

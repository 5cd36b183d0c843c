using System.Collections.Immutable;
using LanguageExt;
using LanguageExt.Common;

namespace NeuroFold.Core;

/// <summary>The plain door beside every validating factory: the value, or one exception carrying every problem.</summary>
/// <remarks>
/// Every factory of NeuroFold that checks its input (<c>TimeGrid.Create</c>, <c>IzhikevichParameters.Create</c>,
/// <c>Population.Uniform</c>, <c>Network.Create</c>, …) returns a LanguageExt <see cref="Validation{FAIL, SUCCESS}"/>
/// that accumulates every problem. Functional callers compose those; a script or a test writes
/// <c>TimeGrid.Create(0.1, 200).OrThrow()</c> and needs nothing from LanguageExt. From F#:
/// <c>TimeGrid.Create(0.1, 200.0).OrThrow()</c> after <c>open NeuroFold.Core</c>.
/// </remarks>
public static class OrThrowExtensions
{
    /// <summary>The value of a successful validation; otherwise throws one <see cref="InvalidInputException"/> listing every problem.</summary>
    /// <exception cref="InvalidInputException">The validation failed; <see cref="InvalidInputException.Problems"/> lists each problem.</exception>
    public static T OrThrow<T>(this Validation<Error, T> validation) =>
        validation.Match(Succ: x => x, Fail: errors => throw new InvalidInputException(Messages(errors)));

    /// <summary>The value of an option (a look-up such as <c>Presets.Find</c>); otherwise throws an <see cref="InvalidInputException"/> saying <paramref name="missing"/>.</summary>
    /// <param name="option">The option.</param>
    /// <param name="missing">What to report when there is no value, for example <c>"no preset called 'xyz'"</c>.</param>
    /// <exception cref="InvalidInputException">The option has no value.</exception>
    public static T OrThrow<T>(this Option<T> option, string missing) =>
        option.Match(Some: x => x, None: () => throw new InvalidInputException(missing));

    /// <summary>The messages of accumulated errors, one per problem (errors gathered with <c>Error.Many</c> are listed one by one).</summary>
    public static ImmutableArray<string> Messages(Seq<Error> errors)
    {
        var messages = ImmutableArray.CreateBuilder<string>();
        foreach (var e in errors)
        {
            Add(e, messages);
        }

        return messages.ToImmutable();
    }

    static void Add(Error error, ImmutableArray<string>.Builder messages)
    {
        if (error is ManyErrors many)
        {
            foreach (var e in many.Errors)
            {
                Add(e, messages);
            }
        }
        else
        {
            messages.Add(error.Message);
        }
    }
}

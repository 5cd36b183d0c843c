using System.Collections.Immutable;

namespace NeuroFold.Core;

/// <summary>What a plain factory door throws: one exception that lists every problem of the input, not just the first.</summary>
/// <remarks>
/// Thrown by <see cref="OrThrowExtensions.OrThrow{T}(LanguageExt.Validation{LanguageExt.Common.Error, T})"/>, the plain
/// door beside every validating factory. <see cref="Problems"/> holds one message per problem, each naming its field;
/// <see cref="Exception.Message"/> is those messages, one per line. It is an <see cref="ArgumentException"/>, so code
/// that guards against bad arguments catches it as such.
/// </remarks>
public sealed class InvalidInputException : ArgumentException
{
    /// <summary>An exception with no problem listed.</summary>
    public InvalidInputException()
        : this(ImmutableArray<string>.Empty)
    {
    }

    /// <summary>An exception with one problem, <paramref name="message"/>.</summary>
    public InvalidInputException(string message)
        : this([message])
    {
    }

    /// <summary>An exception with one problem, <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public InvalidInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>An exception listing <paramref name="problems"/>, one message each.</summary>
    public InvalidInputException(ImmutableArray<string> problems)
        : base(problems.IsDefaultOrEmpty ? "invalid input" : string.Join("\n", problems))
    {
        Problems = problems.IsDefault ? ImmutableArray<string>.Empty : problems;
    }

    /// <summary>Every problem found, one message each, in the order the factory checked them.</summary>
    public ImmutableArray<string> Problems { get; }
}

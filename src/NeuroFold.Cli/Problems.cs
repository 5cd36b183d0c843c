using LanguageExt;
using LanguageExt.Common;

namespace NeuroFold.Cli;

/// <summary>Reports invalid input: every problem on its own line of stderr, then the exit code for invalid input.</summary>
internal static class Problems
{
    /// <summary>The most problems listed; the rest are counted.</summary>
    public const int MaxListed = 50;

    /// <summary>The longest line a problem may take (a safety net: messages quote values through <see cref="IO.Excerpt"/>).</summary>
    public const int MaxMessageLength = 1000;

    public static int Report(TextWriter stderr, Seq<Error> errors)
    {
        int shown = 0;
        foreach (var e in errors)
        {
            if (shown++ == MaxListed)
            {
                stderr.WriteLine($"error: and {errors.Count - MaxListed} more problems");
                break;
            }

            string message = e.Message.Length > MaxMessageLength ? $"{e.Message[..MaxMessageLength]}… ({e.Message.Length - MaxMessageLength} more characters)" : e.Message;
            stderr.WriteLine($"error: {message}");
        }

        stderr.WriteLine("nothing was written (exit code 2: invalid input)");
        return ExitCodes.InvalidInput;
    }

    /// <summary>A list of one problem (a collection expression would give an empty <see cref="Seq{A}"/>: its Add returns a new value).</summary>
    public static Seq<Error> One(string message) => new[] { Error.New(message) }.ToSeq();
}

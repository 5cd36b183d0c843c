using LanguageExt;
using LanguageExt.Common;

namespace NeuroFold.Cli;

/// <summary>Reports invalid input: every problem on its own line of stderr, then the exit code for invalid input.</summary>
internal static class Problems
{
    public static int Report(TextWriter stderr, Seq<Error> errors)
    {
        foreach (var e in errors)
        {
            stderr.WriteLine($"error: {e.Message}");
        }

        stderr.WriteLine("nothing was written (exit code 2: invalid input)");
        return ExitCodes.InvalidInput;
    }

    /// <summary>A list of one problem (a collection expression would give an empty <see cref="Seq{A}"/>: its Add returns a new value).</summary>
    public static Seq<Error> One(string message) => new[] { Error.New(message) }.ToSeq();
}

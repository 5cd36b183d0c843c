using NeuroFold.Cli.Output.Transactions;

namespace NeuroFold.Cli.Execution;

/// <summary>How every command that writes files runs: open the output transaction before any work, run, commit or leave nothing.</summary>
internal static class Outputs
{
    /// <summary>Opens the transaction on <paramref name="dir"/> (refusing a busy or colliding folder with exit code 2), runs <paramref name="body"/> on it, and ends it.</summary>
    /// <param name="field">The field that named the folder (<c>--out</c>, <c>$.out</c>).</param>
    /// <param name="dir">The output folder.</param>
    /// <param name="planned">Every output the run may write.</param>
    /// <param name="stderr">Where notes about tidied leftovers go.</param>
    /// <param name="body">The run: it writes into the set and commits it, or returns a failure code, which leaves nothing.</param>
    public static int Into(string field, string dir, IEnumerable<string> planned, TextWriter stderr, Func<OutputSet, int> body)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(body);
        var opened = OutputSet.Open(field, dir, planned);
        if (opened.IsFail)
        {
            return Problems.Report(stderr, opened.FailToSeq());
        }

        using var set = opened.SuccessToSeq().Head;
        Note(stderr, set.Notes);
        try
        {
            int code = body(set);
            Note(stderr, set.Drained);
            return code;
        }
        catch (CommitRefusedException e)
        {
            stderr.WriteLine($"error: {field}: {e.Message}");
            return ExitCodes.InvalidInput;
        }
    }

    static void Note(TextWriter stderr, IReadOnlyList<string> notes)
    {
        foreach (string note in notes)
        {
            stderr.WriteLine($"note: {note}");
        }
    }
}

namespace NeuroFold.Cli.Output.Transactions;

/// <summary>A commit found, at the last moment, a file that is not NeuroFold's where an output goes; nothing was written.</summary>
internal sealed class CommitRefusedException : IOException
{
    /// <summary>A refusal with its reason.</summary>
    public CommitRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>A refusal.</summary>
    public CommitRefusedException()
    {
    }

    /// <summary>A refusal with its reason and cause.</summary>
    public CommitRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

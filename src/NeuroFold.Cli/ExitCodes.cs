namespace NeuroFold.Cli;

/// <summary>The process exit codes of <c>neurofold</c>, as documented in README.md.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Unexpected failure (I/O error and the like).</summary>
    public const int Failure = 1;

    /// <summary>Invalid input: options, spec or files. Nothing was written.</summary>
    public const int InvalidInput = 2;

    /// <summary>The run left the finite range. Nothing was written.</summary>
    public const int NonFinite = 3;

    /// <summary>Replay found outputs that differ from the manifest.</summary>
    public const int ReplayMismatch = 4;

    /// <summary>Replay's re-run ran past its time limit (<c>--timeout</c>); its temporary folder was removed.</summary>
    public const int TimedOut = 5;

    /// <summary>Replay of a manifest made on another platform: every data output matches, but some figure is drawn differently there.</summary>
    public const int FiguresDiffer = 6;
}

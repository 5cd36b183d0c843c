using NeuroFold.Cli.Specs;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Cli.Execution;

/// <summary>A run that produced nothing to write: why, and the exit code that says so.</summary>
/// <param name="Message">What happened, for stderr (ends with "nothing was written").</param>
/// <param name="ExitCode">The process exit code.</param>
internal sealed record RunFailure(string Message, int ExitCode)
{
    /// <summary>A state left the finite range: exit code 3; <paramref name="where"/> names the neuron or grid point.</summary>
    public static RunFailure NonFinite(RunStatus.NonFinite status, string where)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new RunFailure(
            $"the run left the finite range at step {status.Step} (t = {Numbers.Format(status.TimeMs)} ms), {where}; nothing was written",
            ExitCodes.NonFinite);
    }

    /// <summary>Reports the failure on <paramref name="stderr"/>; returns its exit code.</summary>
    public int Report(TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine($"error: {Message}");
        return ExitCode;
    }
}

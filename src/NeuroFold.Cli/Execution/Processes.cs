namespace NeuroFold.Cli.Execution;

/// <summary>Other processes, as far as NeuroFold asks about them: whether one that left files behind still runs.</summary>
internal static class Processes
{
    /// <summary>True when a process with id <paramref name="pid"/> runs now.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

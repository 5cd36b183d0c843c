namespace NeuroFold.Cli;

/// <summary>Entry point of <c>neurofold</c>.</summary>
internal static class Program
{
    static int Main(string[] args)
    {
        using var signals = Execution.Shutdown.Install();
        return App.Invoke(args, Console.Out, Console.Error);
    }
}

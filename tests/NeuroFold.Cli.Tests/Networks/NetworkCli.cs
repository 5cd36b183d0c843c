namespace NeuroFold.Cli.Tests.Networks;

/// <summary>Runs <c>neurofold</c> in-process in a fresh temporary folder for the network command tests.</summary>
public sealed class NetworkCli : IDisposable
{
    public NetworkCli()
    {
        Root = Path.Combine(Path.GetTempPath(), "neurofold-network-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public static string Reference(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", "net2003", file);

    public string PathOf(string relative) => Path.Combine(Root, relative);

#pragma warning disable CA1822 // instance method so tests read cli.Run(...) next to cli.PathOf(...)
    public (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = App.Invoke(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
#pragma warning restore CA1822

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

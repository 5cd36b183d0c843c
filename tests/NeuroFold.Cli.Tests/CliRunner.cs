namespace NeuroFold.Cli.Tests;

/// <summary>Runs <c>neurofold</c> in-process with captured output, in a fresh temporary folder.</summary>
public sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        Root = Path.Combine(Path.GetTempPath(), "neurofold-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    /// <summary>The temporary folder owned by this runner.</summary>
    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

#pragma warning disable CA1822 // an instance method so that tests read cli.Run(...) next to cli.PathOf(...)
    public (int Exit, string Out, string Err) Run(params string[] args)
    {
        var outcome = Cli.Run(args);
        return (outcome.Exit, outcome.Out, outcome.Err);
    }
#pragma warning restore CA1822

    /// <summary>Every file under the runner's folder, relative paths.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f)).ToList();

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

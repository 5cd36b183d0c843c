using System.CommandLine;
using NeuroFold.Cli.Commands;

namespace NeuroFold.Cli;

/// <summary>The command tree of <c>neurofold</c>, with its output streams passed in so tests can run it in-process.</summary>
internal static class App
{
    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="environment">Reads an environment variable (default: this process's); tests pass their own.</param>
    public static int Invoke(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?>? environment = null)
    {
        var root = Build(stdout, stderr, environment);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine("nothing was written (exit code 2: invalid input); see --help");
            return ExitCodes.InvalidInput;
        }

        Vocabulary.WarnDeprecated(parse, stderr);
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (IOException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The command tree, writing to <paramref name="stdout"/> and <paramref name="stderr"/>; <paramref name="environment"/> reads environment variables (default: this process's).</summary>
    public static RootCommand Build(TextWriter stdout, TextWriter stderr, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var root = new RootCommand("neurofold: Izhikevich spiking neurons with Jaxley's exact numerics, reproducible bit for bit.");
        root.Subcommands.Add(SimulateCommand.Create(stdout, stderr));
        root.Subcommands.Add(RunCommand.Create(stdout, stderr));
        root.Subcommands.Add(ReplayCommand.Create(stdout, stderr));
        root.Subcommands.Add(GalleryCommand.Create(stdout, stderr));
        root.Subcommands.Add(SweepCommand.Create(stdout, stderr, environment));
        root.Subcommands.Add(MergeCommand.Create(stdout, stderr));
        root.Subcommands.Add(NetworkCommand.Create(stdout, stderr));
        root.Subcommands.Add(BenchCommand.Create(stdout, stderr));
        root.Subcommands.Add(GradientCommand.Create(stdout, stderr));
        root.Subcommands.Add(FitCommand.Create(stdout, stderr, environment));
        root.Subcommands.Add(PredictCommand.Create(stdout, stderr));
        root.Subcommands.Add(ScoreCommand.Create(stdout, stderr));
        return root;
    }
}

using System.Diagnostics;

namespace NeuroFold.Cli.Tests.Reliability;

/// <summary>Runs the real <c>neurofold</c> (the build beside the tests) as a child process, so it can be killed or signalled.</summary>
internal sealed class ChildProcess : IDisposable
{
    readonly Process process;
    readonly Task<string> stdout;
    readonly Task<string> stderr;

    ChildProcess(Process process)
    {
        this.process = process;
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The process id.</summary>
    public int Id => process.Id;

    /// <summary>Starts <c>dotnet neurofold.dll</c> with <paramref name="args"/> in <paramref name="workingDirectory"/>; <paramref name="tmp"/> becomes its TMPDIR.</summary>
    public static ChildProcess Start(string workingDirectory, string? tmp, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "neurofold.dll"));
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        if (tmp is not null)
        {
            info.Environment["TMPDIR"] = tmp;
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Runs to the end (at most <paramref name="timeout"/>); exit code and output.</summary>
    public (int Exit, string Out, string Err) Wait(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"neurofold did not finish within {timeout}");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Whether it has ended.</summary>
    public bool HasExited => process.HasExited;

    /// <summary><c>kill -9</c>: the process dies at once, running nothing.</summary>
    public void KillHard()
    {
        try
        {
            process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
        }

        process.WaitForExit();
    }

    /// <summary>Sends a signal by name (TERM, INT, HUP).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { $"-{name}", Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false });
        kill!.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}

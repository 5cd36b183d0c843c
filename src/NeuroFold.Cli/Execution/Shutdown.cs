using System.Runtime.InteropServices;

namespace NeuroFold.Cli.Execution;

/// <summary>What the process undoes when it is told to stop (Ctrl-C, SIGTERM, SIGHUP, a replay's time limit): open output transactions and temporary folders.</summary>
/// <remarks>
/// The shell's one piece of process-wide state. <see cref="Install"/> is called by <c>Program.Main</c> only, so tests
/// that run commands in-process keep their host's own signal handling. A <c>kill -9</c> cannot be caught: what it
/// leaves is tidied by the next run into the same folder (and by the next replay, for replay's temporary folders).
/// </remarks>
internal static class Shutdown
{
    static readonly object Gate = new();
    static readonly List<Action> Undo = [];
    static bool stopping;

    /// <summary>The exit code of a run stopped by a signal: 128 + the signal number, as shells report it.</summary>
    public static int SignalExitCode(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGINT => 130,
        PosixSignal.SIGTERM => 143,
        PosixSignal.SIGHUP => 129,
        _ => 1,
    };

    /// <summary>Handles SIGINT, SIGTERM and SIGHUP for the life of the returned registrations: undo, then exit.</summary>
    public static IDisposable Install()
    {
        var registrations = new List<PosixSignalRegistration>();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                Stop(SignalExitCode(context.Signal), $"stopped by {context.Signal}; nothing was written");
            }));
        }

        return new Registrations(registrations);
    }

    /// <summary>Registers an undo action until the returned handle is disposed.</summary>
    public static IDisposable OnStop(Action undo)
    {
        lock (Gate)
        {
            Undo.Add(undo);
        }

        return new Registration(undo);
    }

    /// <summary>Runs every registered undo action, prints <paramref name="message"/> on stderr and ends the process with <paramref name="exitCode"/>.</summary>
    public static void Stop(int exitCode, string message)
    {
        lock (Gate)
        {
            if (stopping)
            {
                return;
            }

            stopping = true;
            for (int i = Undo.Count - 1; i >= 0; i--)
            {
                try
                {
                    Undo[i]();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }

            Undo.Clear();
            Console.Error.WriteLine($"error: {message}");
            Console.Error.Flush();
            Environment.Exit(exitCode);
        }
    }

    sealed class Registration(Action undo) : IDisposable
    {
        public void Dispose()
        {
            lock (Gate)
            {
                Undo.Remove(undo);
            }
        }
    }

    sealed class Registrations(List<PosixSignalRegistration> items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var r in items)
            {
                r.Dispose();
            }
        }
    }
}

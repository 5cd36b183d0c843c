using NeuroFold.Cli.Output.Transactions;

namespace NeuroFold.Cli.Tests.Reliability;

/// <summary>What an injected fault does at its operation.</summary>
internal enum FaultMode
{
    /// <summary>The operation fails with an I/O error (a full disk, a permission); the process goes on.</summary>
    Fail,

    /// <summary>The process dies at the operation: it and every later one change nothing on disk, as after <c>kill -9</c>.</summary>
    Crash,
}

/// <summary>A simulated death of the process: every file operation from then on throws it and changes nothing.</summary>
internal sealed class SimulatedCrashException : IOException
{
    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException()
    {
    }

    public SimulatedCrashException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>The output transaction's file operations, failing or "killing the process" at the <c>FailAt</c>-th one (1-based).</summary>
internal sealed class FaultInjector(IFileOps inner, int failAt, FaultMode mode, bool canExchange = true) : IFileOps
{
    /// <summary>Operations started so far.</summary>
    public int Count { get; private set; }

    /// <summary>Whether the fault has happened.</summary>
    public bool Fired { get; private set; }

    /// <summary>The operation the fault hit.</summary>
    public string? FiredAt { get; private set; }

    bool dead;

    /// <summary>Counts the operations of a run without failing any.</summary>
    public static FaultInjector Counting(bool canExchange = true) => new(FileOps.Real, int.MaxValue, FaultMode.Fail, canExchange);

    public void CreateDirectory(string path) => Do($"CreateDirectory {path}", () => inner.CreateDirectory(path));

    public Stream CreateFile(string path)
    {
        Stream? s = null;
        Do($"CreateFile {path}", () => s = inner.CreateFile(path));
        return s!;
    }

    public void Flush(FileStream stream) => Do("Flush", () => inner.Flush(stream));

    public void Move(string from, string to) => Do($"Move {from} -> {to}", () => inner.Move(from, to));

    public bool TryExchange(string a, string b)
    {
        bool r = false;
        Do($"Exchange {a} <-> {b}", () => r = canExchange && inner.TryExchange(a, b));
        return r;
    }

    public bool TryHardLink(string existing, string link)
    {
        bool r = false;
        Do($"HardLink {existing} -> {link}", () => r = inner.TryHardLink(existing, link));
        return r;
    }

    public void DeleteFile(string path) => Do($"DeleteFile {path}", () => inner.DeleteFile(path));

    public void DeleteEmptyDirectory(string path) => Do($"DeleteEmptyDirectory {path}", () => inner.DeleteEmptyDirectory(path));

    public void WriteJournal(FileStream lockFile, ReadOnlySpan<byte> content)
    {
        var copy = content.ToArray();
        Do("WriteJournal", () => inner.WriteJournal(lockFile, copy));
    }

    public void SyncDirectory(string path) => Do($"SyncDirectory {path}", () => inner.SyncDirectory(path));

    void Do(string what, Action op)
    {
        if (dead)
        {
            throw new SimulatedCrashException($"the process is dead (it died at {FiredAt})");
        }

        Count++;
        if (Count == failAt)
        {
            Fired = true;
            FiredAt = $"#{Count} {what}";
            if (mode == FaultMode.Crash)
            {
                dead = true;
                throw new SimulatedCrashException($"killed at {FiredAt}");
            }

            throw new IOException($"injected fault at {FiredAt}");
        }

        op();
    }
}

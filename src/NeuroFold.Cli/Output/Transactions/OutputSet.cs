using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Execution;
using NeuroFold.IO;
using NeuroFold.IO.Files;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Output.Transactions;

/// <summary>An output folder as a transaction: the new set is staged beside the folder and swapped in whole, so the folder always holds one complete set.</summary>
/// <remarks>
/// <para>
/// <see cref="Open"/> takes the folder's lock (a file beside it; a second run waits briefly, then fails naming the
/// holder), finishes or undoes whatever an interrupted run left (<see cref="FolderRecovery"/>), refuses a run whose
/// outputs would land on files that are not NeuroFold's, and creates the stage: a hidden folder beside the output
/// folder, on the same file system. Outputs are written into the stage (<see cref="Write"/>, <see cref="Create"/>).
/// </para>
/// <para>
/// <see cref="Commit"/> writes the manifest, gives the user's files a second name inside the stage (hard links, so
/// they never leave the folder), and swaps the stage and the folder with one <c>renameat2(RENAME_EXCHANGE)</c>; the
/// old set is then drained: NeuroFold's old files are deleted, anything else the user put there is moved across.
/// Before each step the journal in the lock file says what is under way, so a run killed at any moment leaves the
/// folder with its previous complete set or the new complete set, never a mix, and the next run into the folder
/// tidies up. Where folders cannot be swapped atomically (not Linux, or a file system without RENAME_EXCHANGE), the
/// old folder is renamed aside and the stage into its place: for that instant the folder does not exist, and an
/// interruption there is undone by the next run.
/// </para>
/// <para>Disposing an uncommitted set deletes the stage: nothing was written.</para>
/// </remarks>
internal sealed class OutputSet : IDisposable
{
    /// <summary>How long a second run waits for the lock before it gives up.</summary>
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(2);

    /// <summary>The most entries that are not NeuroFold's a folder may hold (they are carried into every new set).</summary>
    public const int MaxForeignEntries = 1000;

    readonly IFileOps ops;
    readonly FileStream lockFile;
    readonly string lockPath;
    readonly IReadOnlySet<string> planned;
    readonly List<string> createdParents;
    readonly List<OutputFile> outputs = [];
    readonly List<string> names = [];
    readonly object gate = new();
    readonly IDisposable onStop;
    Journal journal;
    bool committed;
    bool disposed;

    OutputSet(IFileOps ops, string folder, FileStream lockFile, string lockPath, IReadOnlySet<string> planned, List<string> createdParents, Journal journal, List<string> notes)
    {
        this.ops = ops;
        Folder = folder;
        this.lockFile = lockFile;
        this.lockPath = lockPath;
        this.planned = planned;
        this.createdParents = createdParents;
        this.journal = journal;
        Notes = notes;
        Stage = Path.Combine(Parent, journal.Stage!);
        onStop = Shutdown.OnStop(Dispose);
    }

    /// <summary>The output folder (full path; a link is resolved to the folder it names).</summary>
    public string Folder { get; }

    /// <summary>The folder the output folder lies in.</summary>
    public string Parent => Path.GetDirectoryName(Folder)!;

    /// <summary>Where the new set is written until it is committed.</summary>
    public string Stage { get; }

    /// <summary>What opening found and tidied (leftovers of interrupted runs), for stderr.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The outputs written so far, in order.</summary>
    public IReadOnlyList<OutputFile> Outputs => outputs;

    /// <summary>Opens a transaction on <paramref name="outDir"/> for a run that may write the relative paths <paramref name="plannedNames"/>.</summary>
    /// <param name="field">The field that named the folder, for messages.</param>
    /// <param name="outDir">The output folder as given.</param>
    /// <param name="plannedNames">Every output the run may write ('/'-separated), without <c>run.json</c>.</param>
    /// <param name="ops">The file operations (a fault injector in tests).</param>
    /// <param name="lockWait">How long to wait for another run's lock (default <see cref="DefaultLockWait"/>).</param>
    public static Validation<Error, OutputSet> Open(string field, string outDir, IEnumerable<string> plannedNames, IFileOps? ops = null, TimeSpan? lockWait = null)
    {
        ArgumentNullException.ThrowIfNull(outDir);
        ArgumentNullException.ThrowIfNull(plannedNames);
        ops ??= FileOps.Real;
        var planned = new System.Collections.Generic.HashSet<string>(plannedNames, StringComparer.Ordinal) { Manifest.FileName };
        var located = OutputFolder.Locate(field, outDir);
        if (located.IsFail)
        {
            return located.Map(_ => (OutputSet)null!);
        }

        string folder = located.SuccessToSeq().Head;
        string parent = Path.GetDirectoryName(folder)!;
        string name = Path.GetFileName(folder);
        var created = new List<string>();
        FileStream? lockFile = null;
        try
        {
            for (string? p = parent; p is not null && FileFacts.Of(p).Kind == FileKind.Missing; p = Path.GetDirectoryName(p))
            {
                created.Insert(0, p);
            }

            foreach (string p in created)
            {
                ops.CreateDirectory(p);
            }

            string lockPath = Path.Combine(parent, FolderRecovery.LockName(name));
            lockFile = AcquireLock(lockPath, lockWait ?? DefaultLockWait);
            if (lockFile is null)
            {
                RemoveCreated(created, ops);
                return Fail<Error, OutputSet>(Error.New(
                    $"{field}: '{Excerpt.Of(outDir)}' is being written by another neurofold run{Holder(parent, name)}; wait for it to finish or choose another folder"));
            }

            var previous = Journal.Parse(ReadAll(lockFile));
            var notes = FolderRecovery.Recover(parent, name, previous, ops);
            if (previous != Journal.Idle)
            {
                ops.WriteJournal(lockFile, Journal.Idle.ToBytes());
            }

            var scan = FolderScan.Of(folder, planned);
            var problems = new List<Error>();
            foreach (string c in scan.Collisions)
            {
                problems.Add(Error.New(c == Manifest.FileName
                    ? $"{field}: '{Excerpt.Of(Path.Combine(outDir, c))}' is not a NeuroFold manifest, and the run would write its manifest there; move it or choose another folder"
                    : $"{field}: '{Excerpt.Of(Path.Combine(outDir, c))}' was not written by NeuroFold, and the run writes an output there; move it or choose another folder"));
            }

            if (scan.Foreign.Count > MaxForeignEntries)
            {
                problems.Add(Error.New(
                    $"{field}: '{Excerpt.Of(outDir)}' holds {scan.Foreign.Count} entries NeuroFold did not write; a run replaces its folder as a whole and carries at most {MaxForeignEntries} of them across, so choose a folder of its own"));
            }

            if (problems.Count > 0)
            {
                Release(lockFile, lockPath, clean: NothingLeft(parent, name));
                RemoveCreated(created, ops);
                return Fail<Error, OutputSet>(problems.ToSeq());
            }

            string stage = $"{FolderRecovery.SiblingPrefix(name)}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}.new";
            var journal = Journal.Idle with { Phase = Journal.Phases.Writing, Stage = stage };
            ops.WriteJournal(lockFile, journal.ToBytes());
            ops.CreateDirectory(Path.Combine(parent, stage));
            var set = new OutputSet(ops, folder, lockFile, lockPath, planned, created, journal, notes);
            lockFile = null;
            return Success<Error, OutputSet>(set);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lockFile?.Dispose();
            return Fail<Error, OutputSet>(Error.New($"{field}: cannot prepare '{Excerpt.Of(outDir)}' for writing ({e.Message})"));
        }
    }

    /// <summary>Writes the output <paramref name="name"/> into the stage at once.</summary>
    public void Write(string name, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var file = Create(name);
        write(file.Stream);
        file.Complete();
    }

    /// <summary>Starts the output <paramref name="name"/> in the stage, for writing while the run goes on; <see cref="StagedFile.Complete"/> records it.</summary>
    public StagedFile Create(string name)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (committed)
        {
            throw new InvalidOperationException("the set is already committed");
        }

        if (!planned.Contains(name))
        {
            throw new InvalidOperationException($"'{name}' is not among the outputs this run declared");
        }

        if (names.Contains(name))
        {
            throw new InvalidOperationException($"'{name}' is written twice");
        }

        string path = FolderScan.Combine(Stage, name);
        string dir = Path.GetDirectoryName(path)!;
        if (FileFacts.Of(dir).Kind == FileKind.Missing)
        {
            ops.CreateDirectory(dir);
        }

        names.Add(name);
        return new StagedFile(this, name, (FileStream)ops.CreateFile(path));
    }

    /// <summary>Writes the manifest and swaps the new set into the folder; returns what the folder now holds.</summary>
    /// <exception cref="CommitRefusedException">A file that is not NeuroFold's appeared where an output goes while the run was under way.</exception>
    public ArtifactWriter.Written Commit(string command, Action<Utf8JsonWriter> spec)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (committed)
        {
            throw new InvalidOperationException("the set is already committed");
        }

        var listed = outputs.ToList();
        Write(Manifest.FileName, Json.Document(w => Manifest.Write(w, command, spec, listed)));
        string manifestSha = outputs[^1].Sha256;
        SyncTree(Stage);

        // The user may have changed the folder during the run: look again.
        var scan = FolderScan.Of(Folder, planned);
        if (scan.Collisions.Count > 0)
        {
            throw new CommitRefusedException(
                $"'{Excerpt.Of(Path.Combine(Folder, scan.Collisions[0]))}' appeared in the output folder during the run and is not NeuroFold's; nothing was written");
        }

        var carried = scan.Foreign.Where(f => f.Kind == FileKind.Regular).Select(f => f.Path).ToList();
        Step(journal with { Phase = Journal.Phases.Carrying, ManifestSha256 = manifestSha, Carried = carried });
        foreach (string r in carried)
        {
            string link = FolderScan.Combine(Stage, r);
            string dir = Path.GetDirectoryName(link)!;
            if (FileFacts.Of(dir).Kind == FileKind.Missing)
            {
                ops.CreateDirectory(dir);
            }

            _ = ops.TryHardLink(FolderScan.Combine(Folder, r), link);
        }

        string? old;
        if (!scan.Exists)
        {
            Step(journal with { Phase = Journal.Phases.Exchanging });
            ops.Move(Stage, Folder);
            old = null;
        }
        else
        {
            Step(journal with { Phase = Journal.Phases.Exchanging });
            if (ops.TryExchange(Folder, Stage))
            {
                old = Stage;
            }
            else
            {
                string aside = $"{Path.GetFileName(Stage)[..^4]}.old";
                Step(journal with { Phase = Journal.Phases.Aside, Aside = aside });
                ops.Move(Folder, Path.Combine(Parent, aside));
                try
                {
                    ops.Move(Stage, Folder);
                }
                catch (IOException)
                {
                    ops.Move(Path.Combine(Parent, aside), Folder); // put the old set back at once; if even that fails, the next run does
                    throw;
                }

                old = Path.Combine(Parent, aside);
            }
        }

        committed = true;

        // The new set is in place; from here on every step is tidying, and a failure only leaves work for the next run.
        try
        {
            Step(journal with { Phase = Journal.Phases.Exchanged });
            Drained = old is null ? [] : FolderRecovery.DrainOld(old, Folder, ops);
            ops.SyncDirectory(Parent);
            Step(Journal.Idle);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Drained = [$"the previous outputs beside '{Folder}' could not all be removed ({e.Message}); the next run into the folder removes them"];
        }

        var paths = outputs.Select(o => FolderScan.Combine(Folder, o.File)).ToList();
        return new ArtifactWriter.Written(outputs.Take(outputs.Count - 1).ToList(), paths.Take(paths.Count - 1).ToList(), paths[^1]);
    }

    /// <summary>What draining the old set could not do (a user's file kept beside the folder), for stderr.</summary>
    public IReadOnlyList<string> Drained { get; private set; } = [];

    /// <summary>Ends the transaction: an uncommitted set's stage is deleted; the lock is released.</summary>
    /// <remarks>
    /// Safe at any moment, from any thread (a signal handler calls it): once the swap may have begun, nothing is
    /// deleted, and the next run into the folder finishes the commit from the journal.
    /// </remarks>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            onStop.Dispose();
            bool clean = true;
            try
            {
                if (journal.Phase is Journal.Phases.Writing or Journal.Phases.Carrying)
                {
                    _ = FolderRecovery.AbandonNew(Stage, Folder, journal.Carried, ops);
                    ops.WriteJournal(lockFile, Journal.Idle.ToBytes());
                    journal = Journal.Idle;
                    RemoveCreated(createdParents, ops);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                clean = false; // the next run into the folder finishes the clean-up
            }

            Release(lockFile, lockPath, clean && journal.Phase == Journal.Phases.Done);
        }
    }

    /// <summary>Records a staged file once it is complete.</summary>
    internal void Completed(string name, long bytes, string sha256) => outputs.Add(new OutputFile(name, bytes, sha256));

    internal IFileOps Ops => ops;

    void Step(Journal next)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            ops.WriteJournal(lockFile, next.ToBytes());
            journal = next;
        }
    }

    void SyncTree(string dir)
    {
        foreach (string sub in Directory.EnumerateDirectories(dir))
        {
            SyncTree(sub);
        }

        ops.SyncDirectory(dir);
    }

    static FileStream? AcquireLock(string lockPath, TimeSpan wait)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 4096);
                if (Native.IsLinux && !FileFacts.Of(lockPath).IsSameFileAs(FileFacts.Of(stream.SafeFileHandle)))
                {
                    stream.Dispose(); // the holder deleted the lock file as we opened it: take the new one
                    continue;
                }

                return stream;
            }
            catch (IOException e) when (e.HResult is 11 or unchecked((int)0x80070020) or unchecked((int)0x80070021))
            {
                if (clock.Elapsed >= wait)
                {
                    return null;
                }

                Thread.Sleep(50);
            }
        }
    }

    /// <summary>Releases the lock; when nothing is left to tidy, the lock file is deleted first (on Linux only, where a waiting run tells a deleted lock file from the live one by its inode).</summary>
    static void Release(FileStream lockFile, string lockPath, bool clean)
    {
        try
        {
            if (clean && Native.IsLinux)
            {
                File.Delete(lockPath);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        lockFile.Dispose();
    }

    static void RemoveCreated(List<string> created, IFileOps ops)
    {
        for (int i = created.Count - 1; i >= 0; i--)
        {
            string dir = created[i];
            if (FileFacts.Of(dir).Kind == FileKind.Directory && !Directory.EnumerateFileSystemEntries(dir).Any())
            {
                ops.DeleteEmptyDirectory(dir);
            }
        }
    }

    static bool NothingLeft(string parent, string name) =>
        !Directory.EnumerateFileSystemEntries(parent).Select(Path.GetFileName)
            .Any(n => n!.StartsWith(FolderRecovery.SiblingPrefix(name), StringComparison.Ordinal) && !n.EndsWith("lock", StringComparison.Ordinal));

    static byte[] ReadAll(FileStream stream)
    {
        stream.Position = 0;
        var buffer = new byte[Math.Min(stream.Length, 1 << 20)];
        int read = 0;
        while (read < buffer.Length)
        {
            int n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return buffer[..read];
    }

    /// <summary>" (process 1234: neurofold simulate …)" for the run whose stage lies beside the folder, or "".</summary>
    static string Holder(string parent, string name)
    {
        string prefix = FolderRecovery.SiblingPrefix(name);
        try
        {
            foreach (string entry in Directory.EnumerateDirectories(parent))
            {
                string n = Path.GetFileName(entry);
                if (!n.StartsWith(prefix, StringComparison.Ordinal) || !n.EndsWith(".new", StringComparison.Ordinal))
                {
                    continue;
                }

                string rest = n[prefix.Length..];
                int dash = rest.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && Processes.IsAlive(pid))
                {
                    string cmdline = $"/proc/{pid}/cmdline";
                    string what = File.Exists(cmdline) ? File.ReadAllText(cmdline).Replace('\0', ' ').Trim() : "";
                    return what.Length > 0 ? $" (process {pid}: {Excerpt.Of(what)})" : $" (process {pid})";
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return "";
    }
}

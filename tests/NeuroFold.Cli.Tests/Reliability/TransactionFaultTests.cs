using System.Text;
using NeuroFold.Cli.Output.Transactions;
using Xunit;
using Xunit.Abstractions;

namespace NeuroFold.Cli.Tests.Reliability;

/// <summary>
/// Fault injection at every file operation of an output transaction: whatever operation fails, or whatever moment the
/// process dies at, the folder holds the old complete set or the new one, with every file of the user's, and the next
/// run leaves nothing of NeuroFold's beside it.
/// </summary>
public sealed class TransactionFaultTests(ITestOutputHelper output)
{
    static readonly string[] OldNames = ["a.csv", "sub/b.csv", "stale.csv"];
    static readonly string[] NewNames = ["a.csv", "sub/b.csv", "c.csv"];

    static readonly Dictionary<string, string> UserFiles = new(StringComparer.Ordinal)
    {
        ["notes.txt"] = "the user's notes",
        ["userdir/x.txt"] = "a file in the user's own folder",
        ["sub/mine.txt"] = "a file of the user's inside an output folder",
    };

    /// <param name="canExchange">Whether folders can be swapped atomically (Linux: yes; elsewhere the fallback renames the old folder aside).</param>
    /// <param name="folderExists">Whether the folder holds an earlier set and the user's files, or does not exist yet.</param>
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Every_injected_fault_and_every_crash_leaves_one_complete_set_and_the_users_files(bool canExchange, bool folderExists)
    {
        using var tmp = new TempFolder();
        string folder = tmp["out"];
        void Start()
        {
            if (folderExists)
            {
                Prepare(folder);
            }
        }

        Start();
        var oldSet = Ours(folder);
        var counting = FaultInjector.Counting(canExchange);
        WriteNewSet(folder, counting);
        var newSet = Ours(folder);
        int operations = counting.Count;
        Assert.True(operations > 10, $"a commit should take more than 10 operations, took {operations}");
        Assert.NotEqual(oldSet, newSet);

        var user = folderExists ? UserFiles.ToDictionary(kv => kv.Key, kv => Hash(kv.Value), StringComparer.Ordinal) : [];
        int injected = 0, violations = 0;
        var report = new StringBuilder();
        foreach (var mode in new[] { FaultMode.Fail, FaultMode.Crash })
        {
            for (int at = 1; at <= operations; at++)
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }

                foreach (string beside in Directory.GetFileSystemEntries(tmp.Path))
                {
                    if (Directory.Exists(beside))
                    {
                        Directory.Delete(beside, recursive: true);
                    }
                    else
                    {
                        File.Delete(beside);
                    }
                }

                Start();
                var injector = new FaultInjector(FileOps.Real, at, mode, canExchange);
                try
                {
                    WriteNewSet(folder, injector);
                }
                catch (IOException)
                {
                }

                Assert.True(injector.Fired, $"operation {at} of {operations} was not reached");
                injected++;
                // Without an atomic swap the folder is missing for an instant: a death right then leaves it missing until the next run.
                bool mayBeMissing = !canExchange && mode == FaultMode.Crash && !Directory.Exists(folder) && injector.FiredAt!.Contains("Move", StringComparison.Ordinal);
                var now = mayBeMissing ? [] : FolderInvariant.Check(folder, [oldSet, newSet], user, userMayBeBeside: true);

                // The next run into the folder (here: one that opens and gives up) finishes or undoes the interrupted one.
                using (var next = OutputSet.Open("--out", folder, NewNames).Match(s => s, e => throw new InvalidOperationException(e.Head.Message)))
                {
                }

                var after = FolderInvariant.Check(folder, [oldSet, newSet], user, userMayBeBeside: false);
                after.AddRange(FolderInvariant.NothingBeside(folder));
                if (now.Count + after.Count > 0)
                {
                    violations++;
                    report.AppendLine($"{mode} at {injector.FiredAt}: {string.Join("; ", now.Concat(after))}");
                }
            }
        }

        output.WriteLine($"exchange {canExchange}, folder existed {folderExists}: {injected} faults injected ({operations} operations x 2 modes), {violations} invariant violations");
        Assert.True(violations == 0, report.ToString());
    }

    [Fact]
    public void A_crash_while_tidying_after_a_crash_is_tidied_by_the_run_after()
    {
        using var tmp = new TempFolder();
        string folder = tmp["out"];
        Prepare(folder);
        var oldSet = Ours(folder);
        var counting = FaultInjector.Counting();
        WriteNewSet(folder, counting);
        var newSet = Ours(folder);
        var user = UserFiles.ToDictionary(kv => kv.Key, kv => Hash(kv.Value), StringComparer.Ordinal);
        int cases = 0, violations = 0;
        var report = new StringBuilder();
        for (int first = 1; first <= counting.Count; first++)
        {
            // How many operations tidying this state takes.
            Reset(tmp, folder, first);
            var tidy = FaultInjector.Counting();
            OutputSet.Open("--out", folder, NewNames, tidy).Match(s => s, e => throw new InvalidOperationException(e.Head.Message)).Dispose();
            for (int second = 1; second < tidy.Count; second++)
            {
                Reset(tmp, folder, first);
                var dying = new FaultInjector(FileOps.Real, second, FaultMode.Crash);
                var opened = OutputSet.Open("--out", folder, NewNames, dying);
                if (opened.IsSuccess)
                {
                    opened.SuccessToSeq().Head.Dispose();
                }
                OutputSet.Open("--out", folder, NewNames).Match(s => s, e => throw new InvalidOperationException(e.Head.Message)).Dispose();
                cases++;
                var problems = FolderInvariant.Check(folder, [oldSet, newSet], user, userMayBeBeside: false);
                problems.AddRange(FolderInvariant.NothingBeside(folder));
                if (problems.Count > 0)
                {
                    violations++;
                    report.AppendLine($"crash at {first}, then at {dying.FiredAt}: {string.Join("; ", problems)}");
                }
            }
        }

        output.WriteLine($"{cases} double crashes (a crash, then a crash while tidying it), {violations} invariant violations");
        Assert.True(cases > 20, $"only {cases} cases");
        Assert.True(violations == 0, report.ToString());
    }

    /// <summary>The folder as a commit that died at operation <paramref name="crashAt"/> left it.</summary>
    static void Reset(TempFolder tmp, string folder, int crashAt)
    {
        foreach (string entry in Directory.GetFileSystemEntries(tmp.Path))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        Prepare(folder);
        try
        {
            WriteNewSet(folder, new FaultInjector(FileOps.Real, crashAt, FaultMode.Crash));
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void A_clean_commit_replaces_the_old_set_keeps_the_users_files_and_leaves_nothing_beside()
    {
        using var tmp = new TempFolder();
        string folder = tmp["out"];
        Prepare(folder);
        WriteNewSet(folder, FileOps.Real);
        var files = FolderInvariant.Snapshot(folder).Keys.ToList();
        Assert.Equal(["a.csv", "c.csv", "notes.txt", "run.json", "sub/b.csv", "sub/mine.txt", "userdir/x.txt"], files);
        Assert.Equal("new a.csv", File.ReadAllText(Path.Combine(folder, "a.csv")));
        Assert.Empty(FolderInvariant.NothingBeside(folder));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void An_abandoned_set_writes_nothing_and_leaves_nothing_beside()
    {
        using var tmp = new TempFolder();
        string folder = tmp["out"];
        Prepare(folder);
        var before = FolderInvariant.Snapshot(folder);
        using (var set = OutputSet.Open("--out", folder, NewNames).Match(s => s, e => throw new InvalidOperationException(e.Head.Message)))
        {
            set.Write("a.csv", s => s.Write("half"u8));
        }

        Assert.Equal(before, FolderInvariant.Snapshot(folder));
        Assert.Empty(FolderInvariant.NothingBeside(folder));
    }

    /// <summary>An old set (committed by a real transaction) and the user's files beside it.</summary>
    static void Prepare(string folder)
    {
        using (var set = OutputSet.Open("--out", folder, OldNames).Match(s => s, e => throw new InvalidOperationException(e.Head.Message)))
        {
            foreach (string name in OldNames)
            {
                set.Write(name, s => s.Write(Encoding.UTF8.GetBytes($"old {name}")));
            }

            set.Commit("test", w => Spec(w, "old"));
        }

        foreach (var (file, text) in UserFiles)
        {
            string path = Path.Combine(folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    static void WriteNewSet(string folder, IFileOps ops)
    {
        var opened = OutputSet.Open("--out", folder, NewNames, ops);
        if (opened.IsFail)
        {
            throw new IOException(opened.FailToSeq().Head.Message);
        }

        using var set = opened.SuccessToSeq().Head;
        foreach (string name in NewNames)
        {
            set.Write(name, s => s.Write(Encoding.UTF8.GetBytes($"new {name}")));
        }

        set.Commit("test", w => Spec(w, "new"));
    }

    static void Spec(System.Text.Json.Utf8JsonWriter w, string which)
    {
        w.WriteStartObject();
        w.WriteString("set", which);
        w.WriteEndObject();
    }

    static SortedDictionary<string, string> Ours(string folder)
    {
        var all = FolderInvariant.Snapshot(folder);
        foreach (string u in UserFiles.Keys)
        {
            all.Remove(u);
        }

        return all;
    }

    static string Hash(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// A journal replaces the one before it in one write, padded with spaces, never after a truncation: the lock file
    /// holds the old journal or the new one at every moment (a truncate-then-write once left an empty file, read as
    /// idle, when a run was killed between the two, so the stage it named stayed beside the folder for good).
    /// </summary>
    [Fact]
    public void A_journal_overwrites_a_longer_one_in_one_readable_write_and_spaces_alone_read_as_idle()
    {
        using var t = new TempFolder();
        string path = t["lock"];
        using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        var longer = Journal.Idle with { Phase = Journal.Phases.Carrying, Stage = ".out.neurofold-1-abcdef01.new", Carried = ["a", "bb", "ccc", "notes.txt"] };
        FileOps.Real.WriteJournal(file, longer.ToBytes());
        long before = file.Length;
        var shorter = Journal.Idle with { Phase = Journal.Phases.Writing, Stage = ".out.neurofold-2-0123abcd.new" };
        FileOps.Real.WriteJournal(file, shorter.ToBytes());
        Assert.Equal(before, file.Length); // padded, not truncated
        var bytes = new byte[file.Length];
        file.Position = 0;
        file.ReadExactly(bytes);
        var read = Journal.Parse(bytes);
        Assert.NotNull(read);
        Assert.Equal(Journal.Phases.Writing, read!.Phase);
        Assert.Equal(shorter.Stage, read.Stage);
        Assert.Empty(read.Carried);
        Assert.Equal(Journal.Idle, Journal.Parse(Encoding.UTF8.GetBytes("      ")));
        Assert.Null(Journal.Parse(Encoding.UTF8.GetBytes("{\"format\": ")));
    }
}

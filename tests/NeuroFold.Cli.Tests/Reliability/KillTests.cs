using System.Diagnostics;
using Xunit.Abstractions;

namespace NeuroFold.Cli.Tests.Reliability;

/// <summary>Real processes killed with <c>kill -9</c> at random moments, and stopped with SIGTERM: the folder keeps a complete set, and the next run tidies up.</summary>
public sealed class KillTests(ITestOutputHelper output)
{
    [Fact]
    public void Kill_9_at_random_moments_leaves_the_old_or_the_new_complete_set()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var tmp = new TempFolder();
        string dir = tmp["out"];
        var first = ChildProcess.Start(tmp.Path, null, "simulate", "--t-max", "4000", "--quiet", "--out", dir).Wait(TimeSpan.FromMinutes(2));
        Assert.True(first.Exit == 0, first.Err);
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "the user's notes");
        var user = new Dictionary<string, string>(StringComparer.Ordinal) { ["notes.txt"] = FolderInvariant.Snapshot(dir)["notes.txt"] };
        var oldSet = Ours(dir);

        // What the new run writes when left alone.
        string[] newRun = ["simulate", "--t-max", "6000", "--quiet", "--out", dir];
        var whole = ChildProcess.Start(tmp.Path, null, newRun).Wait(TimeSpan.FromMinutes(2));
        Assert.True(whole.Exit == 0, whole.Err);
        var newSet = Ours(dir);
        Assert.NotEqual(oldSet, newSet);

        var random = new Random(20261201);
        int kills = 0, finished = 0, oldSeen = 0, newSeen = 0, rounds = 0;
        var violations = new List<string>();
        // Rounds go on until six runs were killed, twenty at most. The moment of each kill is chosen by what the run has
        // done, not by a clock: at once, when its staging folder appears, or when it holds a random number of the new
        // set's files (so also after the last one, just before the swap), then a random few polls later.
        for (int round = 0; round < 20 && kills < 6; round++)
        {
            rounds++;
            // Start from the old set each round: commit it, then the new run, killed part-way.
            Assert.Equal(0, ChildProcess.Start(tmp.Path, null, "simulate", "--t-max", "4000", "--quiet", "--out", dir).Wait(TimeSpan.FromMinutes(2)).Exit);
            int staged = random.Next(-1, newSet.Count + 1); // −1: at once; 0: the staging folder exists; n: n files staged
            int polls = random.Next(0, 4);
            string at = staged < 0 ? "at once" : $"with {staged} staged file(s), {polls} poll(s) later";
            using var child = ChildProcess.Start(tmp.Path, null, newRun);
            if (staged >= 0)
            {
                WaitFor(() => child.HasExited || Staged(tmp.Path) >= staged, TimeSpan.FromMinutes(2));
                for (int i = 0; i < polls && !child.HasExited; i++)
                {
                    Thread.Sleep(20);
                }
            }

            if (child.HasExited)
            {
                finished++;
            }
            else
            {
                child.KillHard();
                kills++;
            }

            var now = FolderInvariant.Check(dir, [oldSet, newSet], user, userMayBeBeside: true);
            bool isNew = Ours(dir).SequenceEqual(newSet);
            (isNew ? ref newSeen : ref oldSeen)++;

            // The next run into the folder finishes or undoes what the killed one left.
            var next = ChildProcess.Start(tmp.Path, null, "simulate", "--t-max", "4000", "--quiet", "--out", dir).Wait(TimeSpan.FromMinutes(2));
            var after = FolderInvariant.Check(dir, [oldSet], user, userMayBeBeside: false);
            after.AddRange(FolderInvariant.NothingBeside(dir));
            if (next.Exit != 0)
            {
                after.Add($"the next run failed: {next.Err}");
            }

            if (now.Count + after.Count > 0)
            {
                violations.Add($"round {round}, killed {at}: {string.Join("; ", now.Concat(after))}");
            }
        }

        output.WriteLine($"{kills} kill -9 at random moments in {rounds} rounds ({finished} runs finished first; the folder held the old set {oldSeen} times, the new set {newSeen} times), {violations.Count} invariant violations");
        Assert.True(kills >= 3, $"only {kills} runs were killed before they finished");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void Sigterm_stops_a_run_leaving_the_previous_set_and_nothing_beside()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var tmp = new TempFolder();
        string dir = tmp["out"];
        Assert.Equal(0, ChildProcess.Start(tmp.Path, null, "simulate", "--t-max", "100", "--quiet", "--out", dir).Wait(TimeSpan.FromMinutes(2)).Exit);
        var before = FolderInvariant.Snapshot(dir);
        using var child = ChildProcess.Start(tmp.Path, null, "simulate", "--t-max", "400000", "--quiet", "--out", dir);
        WaitFor(() => Directory.EnumerateDirectories(tmp.Path, ".out.neurofold-*").Any(), TimeSpan.FromSeconds(30));
        child.Signal("TERM");
        var r = child.Wait(TimeSpan.FromSeconds(30));
        Assert.Equal(143, r.Exit);
        Assert.Contains("stopped by SIGTERM; nothing was written", r.Err, StringComparison.Ordinal);
        Assert.Equal(before, FolderInvariant.Snapshot(dir));
        Assert.Empty(FolderInvariant.NothingBeside(dir));
    }

    [Fact]
    public void Sigterm_and_the_time_limit_stop_a_replay_and_remove_its_temporary_folder()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var tmp = new TempFolder();
        string dir = tmp["out"];
        Directory.CreateDirectory(tmp["tmp"]);
        Assert.Equal(0, Cli.Run("simulate", "--t-max", "4000000", "--record-every", "1000", "--no-plot", "--quiet", "--out", dir).Exit);
        string manifest = Path.Combine(dir, "run.json");

        using (var child = ChildProcess.Start(tmp.Path, tmp["tmp"], "replay", manifest, "--quiet"))
        {
            WaitFor(() => Replays(tmp["tmp"]).Any(), TimeSpan.FromSeconds(30));
            child.Signal("TERM");
            var r = child.Wait(TimeSpan.FromSeconds(30));
            Assert.Equal(143, r.Exit);
        }

        Assert.Empty(Replays(tmp["tmp"]));

        var timedOut = ChildProcess.Start(tmp.Path, tmp["tmp"], "replay", manifest, "--timeout", "1").Wait(TimeSpan.FromSeconds(60));
        Assert.Equal(5, timedOut.Exit);
        Assert.Contains("took longer than 1 s (--timeout)", timedOut.Err, StringComparison.Ordinal);
        Assert.Empty(Replays(tmp["tmp"]));
    }

    [Fact]
    public void A_replay_killed_with_kill_9_has_its_temporary_folder_removed_by_the_next_replay()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var tmp = new TempFolder();
        string dir = tmp["out"];
        Directory.CreateDirectory(tmp["tmp"]);
        Assert.Equal(0, Cli.Run("simulate", "--t-max", "4000000", "--record-every", "1000", "--no-plot", "--quiet", "--out", dir).Exit);
        using (var child = ChildProcess.Start(tmp.Path, tmp["tmp"], "replay", Path.Combine(dir, "run.json"), "--quiet"))
        {
            WaitFor(() => Replays(tmp["tmp"]).Any(), TimeSpan.FromSeconds(30));
            child.KillHard();
        }

        Assert.NotEmpty(Replays(tmp["tmp"]));
        Assert.Equal(0, Cli.Run("simulate", "--t-max", "20", "--quiet", "--out", tmp["small"]).Exit);
        var again = ChildProcess.Start(tmp.Path, tmp["tmp"], "replay", Path.Combine(tmp["small"], "run.json")).Wait(TimeSpan.FromSeconds(60));
        Assert.True(again.Exit == 0, again.Err);
        Assert.Empty(Replays(tmp["tmp"]));
    }

    /// <summary>Replay's temporary folders in <paramref name="tmp"/> (the runtime keeps its own diagnostic sockets there too).</summary>
    static IEnumerable<string> Replays(string tmp) => Directory.EnumerateFileSystemEntries(tmp, "neurofold-replay-*");

    static SortedDictionary<string, string> Ours(string dir)
    {
        var all = FolderInvariant.Snapshot(dir);
        all.Remove("notes.txt");
        return all;
    }

    /// <summary>The most files any staging folder of an output set under <paramref name="root"/> holds now; −1 when there is none.</summary>
    static int Staged(string root)
    {
        int most = -1;
        foreach (string stage in Directory.EnumerateDirectories(root, ".out.neurofold-*"))
        {
            try
            {
                most = Math.Max(most, Directory.EnumerateFiles(stage, "*", SearchOption.AllDirectories).Count());
            }
            catch (IOException)
            {
                // renamed or removed while looking: the run moved on
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return most;
    }

    /// <summary>Polls <paramref name="condition"/> every 20 ms, at most <paramref name="limit"/> (a bound on waiting, not a measurement).</summary>
    static void WaitFor(Func<bool> condition, TimeSpan limit)
    {
        long polls = (long)(limit.TotalMilliseconds / 20);
        for (long i = 0; !condition(); i++)
        {
            if (i >= polls)
            {
                throw new TimeoutException("the condition was not met in time");
            }

            Thread.Sleep(20);
        }
    }

}

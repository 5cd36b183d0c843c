using System.Text.Json;
using NeuroFold.Cli.Output.Transactions;

namespace NeuroFold.Cli.Tests.Reliability;

/// <summary>An output folder holds exactly one run's outputs and the user's own files, whatever the runs before it wrote.</summary>
public sealed class OutputFolderTests
{
    static readonly string[] Short = ["simulate", "--t-max", "50", "--quiet"];

    static Cli.Outcome Simulate(string dir, params string[] more) => Cli.Run([.. Short, "--out", dir, .. more]);

    static List<string> Listed(string dir)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "run.json")));
        return manifest.RootElement.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("file").GetString()!).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void A_new_run_removes_the_outputs_it_does_not_write_and_keeps_the_users_files()
    {
        using var tmp = new TempFolder();
        string dir = tmp["out"];
        Assert.Equal(0, Simulate(dir).Exit);
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");
        Directory.CreateDirectory(Path.Combine(dir, "analysis"));
        File.WriteAllText(Path.Combine(dir, "analysis", "fit.py"), "print(1)");

        var r = Simulate(dir, "--no-trace");
        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(["spikes.csv", "summary.json"], Listed(dir));
        Assert.Equal(["analysis/fit.py", "notes.txt", "run.json", "spikes.csv", "summary.json"], FolderInvariant.Snapshot(dir).Keys);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, "notes.txt")));
        Assert.Empty(FolderInvariant.NothingBeside(dir));
        Assert.Equal(0, Cli.Run("replay", Path.Combine(dir, "run.json")).Exit);
    }

    [Fact]
    public void An_output_name_taken_by_a_folder_refuses_the_run_before_it_starts_and_keeps_the_previous_set()
    {
        using var tmp = new TempFolder();
        string dir = tmp["out"];
        Assert.Equal(0, Simulate(dir).Exit);
        var before = FolderInvariant.Snapshot(dir);
        File.Delete(Path.Combine(dir, "trace.png"));
        Directory.CreateDirectory(Path.Combine(dir, "trace.png"));
        File.WriteAllText(Path.Combine(dir, "trace.png", "keep.txt"), "x");
        before.Remove("trace.png");
        before["trace.png/keep.txt"] = FolderInvariant.Snapshot(dir)["trace.png/keep.txt"];

        var r = Simulate(dir, "--v0", "-70");
        Assert.Equal(2, r.Exit);
        Assert.Contains("trace.png' was not written by NeuroFold, and the run writes an output there", r.Err, StringComparison.Ordinal);
        Assert.Contains("nothing was written", r.Err, StringComparison.Ordinal);
        Assert.Equal(before, FolderInvariant.Snapshot(dir));
        Assert.Empty(FolderInvariant.NothingBeside(dir));
    }

    [Fact]
    public void Files_of_the_users_with_output_names_are_named_and_never_overwritten()
    {
        using var tmp = new TempFolder();
        string dir = tmp["out"];
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "trace.csv"), "my own trace");
        File.WriteAllText(Path.Combine(dir, "run.json"), "{ \"my\": \"notes\" }");
        var r = Simulate(dir);
        Assert.Equal(2, r.Exit);
        Assert.Contains("trace.csv' was not written by NeuroFold", r.Err, StringComparison.Ordinal);
        Assert.Contains("run.json' is not a NeuroFold manifest", r.Err, StringComparison.Ordinal);
        Assert.Equal("my own trace", File.ReadAllText(Path.Combine(dir, "trace.csv")));
        Assert.Equal(["run.json", "trace.csv"], FolderInvariant.Snapshot(dir).Keys);
    }

    [Fact]
    public void A_folder_locked_by_another_run_is_refused_naming_the_holder()
    {
        using var tmp = new TempFolder();
        string dir = tmp["out"];
        using (var holder = OutputSet.Open("--out", dir, ["x.csv"]).Match(s => s, e => throw new InvalidOperationException(e.Head.Message)))
        {
            var started = DateTime.UtcNow;
            var r = Simulate(dir);
            Assert.Equal(2, r.Exit);
            Assert.Contains("is being written by another neurofold run (process " + Environment.ProcessId, r.Err, StringComparison.Ordinal);
            Assert.True(DateTime.UtcNow - started >= OutputSet.DefaultLockWait * 0.9, "the second run waits briefly before it gives up");
        }

        Assert.Equal(0, Simulate(dir).Exit);
    }

    [Fact]
    public void Racing_runs_into_one_folder_leave_one_complete_set()
    {
        using var tmp = new TempFolder();
        string dir = tmp["out"];
        var results = new List<(int Exit, string Out, string Err)>();
        for (int round = 0; round < 3; round++)
        {
            using var a = ChildProcess.Start(tmp.Path, null, "simulate", "--t-max", "3000", "--quiet", "--out", dir);
            using var b = ChildProcess.Start(tmp.Path, null, "simulate", "--t-max", "3100", "--no-plot", "--quiet", "--out", dir);
            results.Add(a.Wait(TimeSpan.FromMinutes(2)));
            results.Add(b.Wait(TimeSpan.FromMinutes(2)));
            var problems = FolderInvariant.Check(dir, [Manifested(dir)], new Dictionary<string, string>(), userMayBeBeside: false);
            problems.AddRange(FolderInvariant.NothingBeside(dir));
            Assert.True(problems.Count == 0, string.Join("; ", problems));
        }

        Assert.All(results, r => Assert.True(r.Exit == 0 || (r.Exit == 2 && r.Err.Contains("being written by another neurofold run", StringComparison.Ordinal)), r.Err));
        Assert.Contains(results, r => r.Exit == 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_or_blank_out_is_invalid_for_every_command(string dir)
    {
        foreach (var args in new[]
        {
            new[] { "simulate", "--out", dir },
            ["network", "--t-max", "5", "--out", dir],
            ["sweep", "--grid", "I=0:10:3", "--t-max", "5", "--out", dir],
            ["gallery", "--feature", "tonic-spiking", "--out", dir],
        })
        {
            var r = Cli.Run(args);
            Assert.Equal(2, r.Exit);
            Assert.Contains("--out must be a folder path", r.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_working_folder_and_the_root_are_refused_as_output_folders()
    {
        var cwd = Cli.Run("simulate", "--out", Environment.CurrentDirectory);
        Assert.Equal(2, cwd.Exit);
        Assert.Contains("is the current working folder", cwd.Err, StringComparison.Ordinal);
        var root = Cli.Run("simulate", "--out", "/");
        Assert.Equal(2, root.Exit);
        Assert.Contains("cannot be the root folder", root.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Network_sweep_and_gallery_check_their_folder_before_the_run()
    {
        // Each run would leave the finite range (exit 3, known only after running); a bad folder must be found first (exit 2).
        using var tmp = new TempFolder();
        string file = tmp.Write("taken", "a file");
        foreach (var args in new[]
        {
            new[] { "network", "--model", "sparse", "--neurons", "2000", "--g", "1e300", "--t-max", "50", "--out", file },
            ["sweep", "--grid", "d=1e308", "--constant", "10", "--t-max", "50", "--out", file],
            ["gallery", "--out", file],
        })
        {
            var r = Cli.Run(args);
            Assert.Equal(2, r.Exit);
            Assert.Contains("must be a folder, but", r.Err, StringComparison.Ordinal);
        }

        using var ok = new TempFolder();
        Assert.Equal(3, Cli.Run("network", "--model", "sparse", "--neurons", "2000", "--g", "1e300", "--t-max", "50", "--out", ok["n"]).Exit);
        Assert.Equal(3, Cli.Run("sweep", "--grid", "d=1e308", "--constant", "10", "--t-max", "50", "--out", ok["s"]).Exit);
    }

    [Fact]
    public void Sweep_and_network_report_every_problem_at_once_their_folder_included()
    {
        using var tmp = new TempFolder();
        string file = tmp.Write("taken", "a file");
        var sweep = Cli.Run("sweep", "--grid", "a=x", "--grid", "q=1", "--dt", "0", "--threads", "0", "--max-memory", "tiny", "--out", file);
        Assert.Equal(2, sweep.Exit);
        foreach (string problem in new[] { "--grid #1 a must be a number", "--grid #2 quantity must be one of", "--dt must be", "--threads must be", "--max-memory must be", "--out must be a folder" })
        {
            Assert.Contains(problem, sweep.Err, StringComparison.Ordinal);
        }

        var network = Cli.Run("network", "--model", "nope", "--k", "0", "--seed", "-1", "--t-max", "0", "--max-memory", "tiny", "--out", file);
        Assert.Equal(2, network.Exit);
        foreach (string problem in new[] { "--model must be one of", "--k must be", "--seed must be", "--t-max must be", "--max-memory must be" })
        {
            Assert.Contains(problem, network.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_link_to_a_folder_writes_into_the_folder_it_names()
    {
        using var tmp = new TempFolder();
        Directory.CreateDirectory(tmp["real"]);
        Directory.CreateSymbolicLink(tmp["link"], tmp["real"]);
        Assert.Equal(0, Simulate(tmp["link"]).Exit);
        Assert.True(new DirectoryInfo(tmp["link"]).LinkTarget is not null, "the link stays a link");
        Assert.True(File.Exists(Path.Combine(tmp["real"], "run.json")));
    }

    static SortedDictionary<string, string> Manifested(string dir)
    {
        var all = FolderInvariant.Snapshot(dir);
        var listed = new HashSet<string>(Listed(dir)) { "run.json" };
        return new SortedDictionary<string, string>(all.Where(kv => listed.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);
    }
}

namespace NeuroFold.Cli.Tests.Reliability;

/// <summary>Replay cannot be fooled by what stands in the folder: links, pipes, devices, sizes, files the manifest does not list.</summary>
public sealed class ReplayHardeningTests
{
    [Fact]
    public void An_output_replaced_by_a_link_to_an_identical_copy_is_reported_not_followed()
    {
        using var tmp = new TempFolder();
        string dir = Run(tmp);
        File.Copy(Path.Combine(dir, "spikes.csv"), tmp["copy.csv"]);
        File.Delete(Path.Combine(dir, "spikes.csv"));
        File.CreateSymbolicLink(Path.Combine(dir, "spikes.csv"), tmp["copy.csv"]);
        var r = Cli.Run("replay", Path.Combine(dir, "run.json"));
        Assert.Equal(4, r.Exit);
        Assert.Contains("differs: spikes.csv: is a symbolic link; replay does not follow links", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pipe_where_an_output_should_be_is_reported_without_waiting_and_the_temporary_folder_goes()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var tmp = new TempFolder();
        string dir = Run(tmp);
        File.Delete(Path.Combine(dir, "trace.csv"));
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(dir, "trace.csv")))
        {
            mkfifo.WaitForExit();
        }

        // A process of its own, with its own temporary folder: what it leaves there is its alone.
        Directory.CreateDirectory(tmp["tmp"]);
        var r = ChildProcess.Start(tmp.Path, tmp["tmp"], "replay", Path.Combine(dir, "run.json")).Wait(TimeSpan.FromSeconds(60));
        Assert.Equal(4, r.Exit);
        Assert.Contains("trace.csv: is a named pipe (FIFO), not a regular file; it was not read", r.Err, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp["tmp"], "neurofold-replay-*"));
    }

    [Fact]
    public void A_size_that_differs_from_the_manifest_is_reported()
    {
        using var tmp = new TempFolder();
        string dir = Run(tmp);
        File.AppendAllText(Path.Combine(dir, "summary.json"), " ");
        var r = Cli.Run("replay", Path.Combine(dir, "run.json"));
        Assert.Equal(4, r.Exit);
        Assert.Matches("summary.json: has [0-9]+ bytes, the manifest records [0-9]+", r.Err);
    }

    [Fact]
    public void Entries_the_manifest_does_not_list_are_reported()
    {
        using var tmp = new TempFolder();
        string dir = Run(tmp);
        File.WriteAllText(Path.Combine(dir, "trace-old.csv"), "t_ms\n");
        Directory.CreateDirectory(Path.Combine(dir, "extra"));
        var r = Cli.Run("replay", Path.Combine(dir, "run.json"));
        Assert.Equal(0, r.Exit);
        Assert.Contains("unlisted: extra/", r.Err, StringComparison.Ordinal);
        Assert.Contains("unlisted: trace-old.csv", r.Err, StringComparison.Ordinal);
        Assert.Contains("2 unlisted entries in the folder", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_on_an_output_path_replaced_by_a_link_is_not_followed()
    {
        using var tmp = new TempFolder();
        string dir = tmp["gallery"];
        Assert.Equal(0, Cli.Run("gallery", "--feature", "tonic-spiking", "--quiet", "--out", dir).Exit);
        string sub = Directory.EnumerateDirectories(dir).Single();
        Directory.Move(sub, tmp["moved"]);
        Directory.CreateSymbolicLink(sub, tmp["moved"]);
        var r = Cli.Run("replay", Path.Combine(dir, "run.json"));
        Assert.Equal(4, r.Exit);
        Assert.Contains("in its path is not a folder (a link or a file); replay does not follow links", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_replays_temporary_folder_is_removed_after_every_replay()
    {
        using var tmp = new TempFolder();
        string dir = Run(tmp);
        Directory.CreateDirectory(tmp["tmp"]);
        Assert.Equal(0, ChildProcess.Start(tmp.Path, tmp["tmp"], "replay", Path.Combine(dir, "run.json")).Wait(TimeSpan.FromSeconds(60)).Exit);
        File.WriteAllText(Path.Combine(dir, "trace.csv"), "edited");
        Assert.Equal(4, ChildProcess.Start(tmp.Path, tmp["tmp"], "replay", Path.Combine(dir, "run.json")).Wait(TimeSpan.FromSeconds(60)).Exit);
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp["tmp"], "neurofold-replay-*"));
    }

    static string Run(TempFolder tmp)
    {
        string dir = tmp["out"];
        var r = Cli.Run("simulate", "--t-max", "100", "--quiet", "--out", dir);
        Assert.True(r.Exit == 0, r.ToString());
        return dir;
    }
}

namespace NeuroFold.Cli.Tests.Sharding;

/// <summary>Runs <c>neurofold</c> in-process with an environment of the test's own (the Slurm array variables), and the sweeps the sharding tests share.</summary>
internal static class ShardCli
{
    /// <summary>A small heat map: 3 × 7 = 21 points, 200 ms, so every run takes a fraction of a second.</summary>
    public static readonly string[] HeatMap = ["sweep", "--grid", "a=0.02:0.1:3", "--grid", "I=0:20:7", "--t-max", "200"];

    /// <summary>A small F–I curve of the chattering cell: 11 points under the paper's scheme.</summary>
    public static readonly string[] FiCurve = ["sweep", "--grid", "I=0:20:11", "--preset", "ch", "--scheme", "paper", "--dt", "0.1", "--t-max", "300"];

    /// <summary>Runs with <paramref name="environment"/> as the whole environment (no variable of the test process leaks in).</summary>
    public static Cli.Outcome Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = App.Invoke(args, stdout, stderr, name => environment.TryGetValue(name, out string? v) ? v : null);
        return new Cli.Outcome(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with an empty environment.</summary>
    public static Cli.Outcome Run(params string[] args) => Run(new Dictionary<string, string>(), args);

    /// <summary>The environment of array task <paramref name="id"/> of <c>sbatch --array=MIN-MAX</c>.</summary>
    public static Dictionary<string, string> ArrayTask(int id, int count, int min, int max) => new()
    {
        ["SLURM_ARRAY_JOB_ID"] = "41",
        ["SLURM_ARRAY_TASK_ID"] = $"{id}",
        ["SLURM_ARRAY_TASK_COUNT"] = $"{count}",
        ["SLURM_ARRAY_TASK_MIN"] = $"{min}",
        ["SLURM_ARRAY_TASK_MAX"] = $"{max}",
    };

    /// <summary>Runs <paramref name="sweep"/> once whole into <c>whole</c> and as <paramref name="n"/> shards into <c>parts/shard-I</c> under <paramref name="root"/>.</summary>
    public static void WholeAndShards(string root, string[] sweep, int n)
    {
        var whole = Run([.. sweep, "--out", Path.Combine(root, "whole")]);
        Assert.True(whole.Exit == 0, whole.ToString());
        for (int i = 0; i < n; i++)
        {
            var part = Run([.. sweep, "--shard", $"{i}/{n}", "--threads", $"{1 + (i % 2)}", "--out", Path.Combine(root, "parts", $"shard-{i}")]);
            Assert.True(part.Exit == 0, part.ToString());
        }
    }

    /// <summary>The folders of shards 0..n-1 under <paramref name="root"/>.</summary>
    public static string[] Parts(string root, int n) => [.. Enumerable.Range(0, n).Select(i => Path.Combine(root, "parts", $"shard-{i}"))];
}

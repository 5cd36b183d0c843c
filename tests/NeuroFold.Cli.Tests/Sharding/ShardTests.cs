using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LanguageExt;
using NeuroFold.Cli.Specs;
using NeuroFold.Cli.Sweeps;

namespace NeuroFold.Cli.Tests.Sharding;

/// <summary><c>sweep --shard I/N</c>: balanced parts, rows bit for bit those of the unsharded run, the spec round trip, the Slurm variables and the refusals.</summary>
public sealed class ShardTests
{
    static readonly string[] Quantities = ["I=0:20:", "a=0.02:0.1:", "b=0.15:0.25:", "c=-70:-50:", "d=2:8:", "v0=-80:-50:"];

    static string[] Lines(string file) => File.ReadAllLines(file);

    [Property(MaxTest = 1000)]
    public Property Parts_cover_every_point_once_in_order_and_differ_in_size_by_at_most_one() =>
        Prop.ForAll(
            Gen.Choose(1, SweepResolver.MaxPoints).SelectMany(p => Gen.Choose(1, Math.Min(p, 3000)).Select(n => (P: p, N: n))).ToArbitrary(),
            c =>
            {
                int next = 0;
                int smallest = int.MaxValue;
                int largest = 0;
                for (int i = 0; i < c.N; i++)
                {
                    var shard = new SweepShard(i, c.N);
                    if (shard.First(c.P) != next)
                    {
                        return false;
                    }

                    int size = shard.Size(c.P);
                    (smallest, largest) = (Math.Min(smallest, size), Math.Max(largest, size));
                    next += size;
                }

                return next == c.P && largest - smallest <= 1 && smallest >= 1;
            });

    [Fact]
    public void Seven_points_in_three_parts_are_2_2_3_and_the_cut_depends_only_on_i_n_and_p()
    {
        Assert.Equal([(0, 2), (2, 2), (4, 3)], Enumerable.Range(0, 3).Select(i => (new SweepShard(i, 3).First(7), new SweepShard(i, 3).Size(7))));
        Assert.Equal((6_666_666, 3_333_334), (new SweepShard(2, 3).First(10_000_000), new SweepShard(2, 3).Size(10_000_000)));
    }

    /// <summary>Random one- and two-axis sweeps under every scheme, cut into random parts: each part's rows, and its neurons' final states, are the whole run's bit for bit.</summary>
    [Property(MaxTest = 60)]
    public Property A_shards_rows_and_final_states_are_the_unsharded_runs_bit_for_bit() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            using var tmp = new TempFolder();
            SweepSpec Spec(string? shard, string threads) =>
                SweepResolver.Resolve(new SweepOptions(c.Grid, c.Preset, c.Scheme, "0.1", c.TMax, null, null, null, null, null, threads, tmp["out"], shard), FieldNames.Flags)
                    .Match(Succ: s => s, Fail: e => throw new InvalidOperationException(string.Join("; ", e.Map(x => x.Message))));
            var whole = Spec(null, "1");
            var wholeRun = SweepRunner.Run(whole, SweepRunner.Build(whole).Match(Succ: p => p, Fail: _ => throw new InvalidOperationException()));
            var wholeRows = SweepRows.Of(whole, wholeRun);
            int covered = 0;
            for (int i = 0; i < c.N; i++)
            {
                var part = Spec($"{i}/{c.N}", c.Threads);
                var run = SweepRunner.Run(part, SweepRunner.Build(part).Match(Succ: p => p, Fail: _ => throw new InvalidOperationException()));
                var rows = SweepRows.Of(part, run);
                Assert.Equal(covered, rows.First);
                for (int j = 0; j < rows.Count; j++)
                {
                    int point = rows.First + j;
                    Assert.Equal(wholeRows.Spikes[point], rows.Spikes[j]);
                    Assert.Equal(Bits(wholeRows.FirstSpikeMs[point]), Bits(rows.FirstSpikeMs[j]));
                    Assert.Equal(Bits(wholeRows.IsiCv[point]), Bits(rows.IsiCv[j]));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(wholeRun.FinalV[point]), BitConverter.DoubleToInt64Bits(run.FinalV[j]));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(wholeRun.FinalU[point]), BitConverter.DoubleToInt64Bits(run.FinalU[j]));
                }

                covered += rows.Count;
            }

            Assert.Equal(whole.Points, covered);
        });

    static long? Bits(double? x) => x is { } v ? BitConverter.DoubleToInt64Bits(v) : null;

    internal sealed record Case(string[] Grid, string Preset, string Scheme, string TMax, int N, string Threads)
    {
        public override string ToString() => $"--grid {string.Join(" --grid ", Grid)} --preset {Preset} --scheme {Scheme} --t-max {TMax}, {N} parts, {Threads} threads";
    }

    static Gen<Case> Cases() =>
        from first in Gen.Choose(0, Quantities.Length - 1)
        from second in Gen.Choose(-1, Quantities.Length - 1)
        from k1 in Gen.Choose(1, 40)
        from k2 in Gen.Choose(1, 9)
        from preset in Gen.Elements("rs", "ib", "ch", "fs", "lts")
        from scheme in Gen.Elements("jaxley", "paper", "net2003", "euler")
        from tMax in Gen.Elements("50", "120", "300")
        from threads in Gen.Elements("1", "2", "3")
        let grid = second < 0 || second == first
            ? new[] { Quantities[first] + k1 }
            : new[] { Quantities[first] + k1, Quantities[second] + k2 }
        let points = grid.Length == 1 ? k1 : k1 * k2
        from n in Gen.Choose(1, points)
        select new Case(grid, preset, scheme, tMax, n, threads);

    [Theory]
    [InlineData(4)]
    [InlineData(21)]
    public void Every_shards_sweep_csv_is_the_unsharded_files_header_and_its_rows(int n)
    {
        using var tmp = new TempFolder();
        ShardCli.WholeAndShards(tmp.Path, ShardCli.HeatMap, n);
        string[] whole = Lines(tmp["whole/sweep.csv"]);
        var rows = new List<string>();
        foreach (string part in ShardCli.Parts(tmp.Path, n))
        {
            string[] lines = Lines(Path.Combine(part, "sweep.csv"));
            Assert.Equal(whole[0], lines[0]);
            Assert.InRange(lines.Length - 1, 21 / n, (21 + n - 1) / n);
            rows.AddRange(lines.Skip(1));
            Assert.Equal(["run.json", "sweep.csv"], Directory.GetFiles(part).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }

        Assert.Equal(whole.Skip(1), rows);
    }

    [Fact]
    public void A_shards_spec_records_the_shard_reads_back_and_replays_identical_and_the_whole_sweeps_spec_has_no_shard()
    {
        using var tmp = new TempFolder();
        var r = ShardCli.Run([.. ShardCli.FiCurve, "--shard", "2/3", "--out", tmp["part"]]);
        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains("swept shard 2/3 of 11 points (I: 11): points 7..10", r.Out, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(File.ReadAllText(tmp["part/run.json"]));
        var spec = manifest.RootElement.GetProperty("spec");
        Assert.Equal("2/3", spec.GetProperty("shard").GetString());

        var (options, problems) = SweepResolver.Read(spec, FieldNames.Json);
        Assert.Empty(problems);
        var resolved = SweepResolver.Resolve(options with { Out = tmp["again"] }, FieldNames.Json).Match(Succ: s => s, Fail: _ => throw new InvalidOperationException());
        Assert.Equal(new SweepShard(2, 3), resolved.Shard);
        Assert.Equal(SweepPart.WholeSpec(resolved, options.Grid), SweepPart.WholeSpec(resolved.Whole, options.Grid));

        var replay = ShardCli.Run("replay", tmp["part/run.json"]);
        Assert.True(replay.Exit == 0, replay.ToString());
        Assert.Contains("identical: all 1 outputs match", replay.Out, StringComparison.Ordinal);

        var whole = ShardCli.Run([.. ShardCli.FiCurve, "--out", tmp["whole"]]);
        Assert.True(whole.Exit == 0, whole.ToString());
        using var wholeManifest = JsonDocument.Parse(File.ReadAllText(tmp["whole/run.json"]));
        Assert.False(wholeManifest.RootElement.GetProperty("spec").TryGetProperty("shard", out _));
    }

    [Fact]
    public void An_edited_shard_is_caught_by_its_replay()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, ShardCli.Run([.. ShardCli.FiCurve, "--shard", "0/2", "--out", tmp["part"]]).Exit);
        string text = File.ReadAllText(tmp["part/run.json"]).Replace("\"shard\": \"0/2\"", "\"shard\": \"1/2\"", StringComparison.Ordinal);
        File.WriteAllText(tmp["part/run.json"], text);
        var replay = ShardCli.Run("replay", tmp["part/run.json"]);
        Assert.True(replay.Exit == ExitCodes.ReplayMismatch, replay.ToString());
        Assert.Contains("sweep.csv: the re-run produced different bytes", replay.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_slurm_array_variables_choose_the_shard_and_shard_wins_over_them()
    {
        using var tmp = new TempFolder();
        var byFlag = ShardCli.Run([.. ShardCli.HeatMap, "--shard", "3/4", "--out", tmp["flag"]]);
        Assert.True(byFlag.Exit == 0, byFlag.ToString());
        var byTask = ShardCli.Run(ShardCli.ArrayTask(3, 4, 0, 3), [.. ShardCli.HeatMap, "--out", tmp["task"]]);
        Assert.True(byTask.Exit == 0, byTask.ToString());
        Assert.Contains("note: shard 3/4 from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT", byTask.Err, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(tmp["flag/sweep.csv"]), File.ReadAllBytes(tmp["task/sweep.csv"]));
        Assert.Equal(Spec(tmp["flag/run.json"]), Spec(tmp["task/run.json"]));

        // Without MIN and MAX (an older Slurm, or a hand-made environment) the id and count alone decide.
        var bare = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "3", ["SLURM_ARRAY_TASK_COUNT"] = "4" };
        Assert.Equal(0, ShardCli.Run(bare, [.. ShardCli.HeatMap, "--out", tmp["bare"]]).Exit);
        Assert.Equal(File.ReadAllBytes(tmp["flag/sweep.csv"]), File.ReadAllBytes(tmp["bare/sweep.csv"]));

        var overridden = ShardCli.Run(ShardCli.ArrayTask(1, 4, 0, 3), [.. ShardCli.HeatMap, "--shard", "3/4", "--out", tmp["over"]]);
        Assert.True(overridden.Exit == 0, overridden.ToString());
        Assert.Equal("", overridden.Err);
        Assert.Equal(File.ReadAllBytes(tmp["flag/sweep.csv"]), File.ReadAllBytes(tmp["over/sweep.csv"]));

        var none = ShardCli.Run([.. ShardCli.HeatMap, "--out", tmp["none"]]);
        Assert.Equal(22, Lines(tmp["none/sweep.csv"]).Length);
        Assert.True(File.Exists(tmp["none/sweep.png"]), none.ToString());
    }

    static string Spec(string manifest)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
        return doc.RootElement.GetProperty("spec").GetRawText();
    }

    public static TheoryData<Dictionary<string, string>, string> BadArrays => new()
    {
        { ShardCli.ArrayTask(2, 4, 1, 4), "the Slurm array must be 0..SLURM_ARRAY_TASK_COUNT-1 (sbatch --array=0-3)" },
        { ShardCli.ArrayTask(2, 4, 0, 6), "SLURM_ARRAY_TASK_MAX=6" },
        { ShardCli.ArrayTask(4, 4, 0, 3), "error: SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT: I must be below N" },
        { ShardCli.ArrayTask(3, 40, 0, 39), "error: SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT: N = 40 parts, but the grid has only 21 points" },
        { new() { ["SLURM_ARRAY_TASK_ID"] = "1" }, "error: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not" },
        { new() { ["SLURM_ARRAY_TASK_COUNT"] = "4" }, "error: SLURM_ARRAY_TASK_COUNT is set but SLURM_ARRAY_TASK_ID is not" },
        { new() { ["SLURM_ARRAY_TASK_ID"] = "x", ["SLURM_ARRAY_TASK_COUNT"] = "-4" }, "error: SLURM_ARRAY_TASK_ID must be a whole number, got 'x'" },
    };

    [Theory]
    [MemberData(nameof(BadArrays))]
    public void A_bad_slurm_array_is_named_with_every_other_problem_and_nothing_is_written(Dictionary<string, string> environment, string message)
    {
        using var tmp = new TempFolder();
        var r = ShardCli.Run(environment, [.. ShardCli.HeatMap, "--dt", "0", "--out", tmp["out"]]);
        Assert.True(r.Exit == ExitCodes.InvalidInput, r.ToString());
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.Contains("error: --dt must be finite and > 0, got 0", r.Err, StringComparison.Ordinal);
        Assert.Empty(tmp.Files());
        Assert.False(Directory.Exists(tmp["out"]));
    }

    [Theory]
    [InlineData("4/4", "error: --shard: I must be below N (parts are numbered 0..N-1), got 4/4")]
    [InlineData("0/0", "error: --shard: N must be at least 1, got 0")]
    [InlineData("0/22", "error: --shard: N = 22 parts, but the grid has only 21 points")]
    [InlineData("1-4", "error: --shard must be I/N with whole numbers 0 <= I < N")]
    [InlineData("-1/4", "error: --shard must be I/N")]
    [InlineData("1/2/3", "error: --shard must be I/N")]
    [InlineData("", "error: --shard must be I/N")]
    public void A_bad_shard_is_named_with_every_other_problem_and_nothing_is_written(string shard, string message)
    {
        using var tmp = new TempFolder();
        var r = ShardCli.Run(ShardCli.ArrayTask(1, 4, 0, 3), [.. ShardCli.HeatMap, "--shard", shard, "--preset", "zz", "--out", tmp["out"]]);
        Assert.True(r.Exit == ExitCodes.InvalidInput, r.ToString());
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.Contains("error: --preset must be one of", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("SLURM", r.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(tmp["out"]));
    }

    [Fact]
    public void A_bad_shard_in_a_manifest_is_named_by_its_json_path()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, ShardCli.Run([.. ShardCli.FiCurve, "--shard", "0/2", "--out", tmp["part"]]).Exit);
        File.WriteAllText(tmp["part/run.json"], File.ReadAllText(tmp["part/run.json"]).Replace("\"0/2\"", "\"2/2\"", StringComparison.Ordinal));
        var replay = ShardCli.Run("replay", tmp["part/run.json"]);
        Assert.True(replay.Exit == ExitCodes.InvalidInput, replay.ToString());
        Assert.Contains("$.spec.shard: I must be below N", replay.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_finite_point_in_a_shard_is_named_by_its_place_in_the_whole_grid()
    {
        using var tmp = new TempFolder();
        string[] sweep = ["sweep", "--grid", "d=1:1e308:2", "--grid", "I=0:10:3", "--t-max", "100"];
        var whole = ShardCli.Run([.. sweep, "--out", tmp["whole"]]);
        var part = ShardCli.Run([.. sweep, "--shard", "1/2", "--out", tmp["part"]]);
        Assert.True(whole.Exit == ExitCodes.NonFinite, whole.ToString());
        Assert.True(part.Exit == ExitCodes.NonFinite, part.ToString());
        static string Point(string err) => err[err.IndexOf("grid point", StringComparison.Ordinal)..];
        Assert.StartsWith("grid point 5 (d=1E+308, I=10)", Point(whole.Err), StringComparison.Ordinal);
        Assert.Equal(Point(whole.Err), Point(part.Err));
        Assert.False(Directory.Exists(tmp["part"]));

        // A value the population refuses is named by its grid point too (point 3, the second point of shard 1/2).
        string[] overflowing = ["sweep", "--grid", "b=1:3e306:4", "--v0", "-80", "--out", tmp["b"]];
        var refusedWhole = ShardCli.Run(overflowing);
        var refusedPart = ShardCli.Run([.. overflowing, "--shard", "1/2"]);
        Assert.Contains("error: u0[3] must be a finite number", refusedWhole.Err, StringComparison.Ordinal);
        Assert.Contains("error: u0[3] must be a finite number", refusedPart.Err, StringComparison.Ordinal);
    }
}

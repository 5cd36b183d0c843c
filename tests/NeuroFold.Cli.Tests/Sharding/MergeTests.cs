using System.Text.Json;
using System.Text.Json.Nodes;

namespace NeuroFold.Cli.Tests.Sharding;

/// <summary><c>neurofold merge</c>: byte for byte the unsharded sweep (in-process, no Slurm), replayable, and every bad set of parts refused with its problems named.</summary>
public sealed class MergeTests : IClassFixture<MergeTests.Sweeps>
{
    /// <summary>The heat map whole and as 4 shards, and the F–I curve whole and as 3 shards, made once for the class.</summary>
    public sealed class Sweeps : IDisposable
    {
        readonly TempFolder folder = new();

        public Sweeps()
        {
            ShardCli.WholeAndShards(HeatMap, ShardCli.HeatMap, 4);
            ShardCli.WholeAndShards(FiCurve, ShardCli.FiCurve, 3);
        }

        public string HeatMap => folder["heat"];

        public string FiCurve => folder["fi"];

        public void Dispose() => folder.Dispose();
    }

    static readonly string[] Outputs = ["sweep.csv", "sweep.png", "run.json"];

    readonly Sweeps sweeps;

    public MergeTests(Sweeps sweeps) => this.sweeps = sweeps;

    /// <summary>A copy of the heat map's 4 parts in a folder of the test's own, to spoil.</summary>
    static string[] CopyParts(string from, TempFolder tmp, int n = 4)
    {
        var copies = new string[n];
        for (int i = 0; i < n; i++)
        {
            copies[i] = tmp[$"shard-{i}"];
            Directory.CreateDirectory(copies[i]);
            foreach (string f in Directory.GetFiles(Path.Combine(from, "parts", $"shard-{i}")))
            {
                File.Copy(f, Path.Combine(copies[i], Path.GetFileName(f)));
            }
        }

        return copies;
    }

    static Cli.Outcome Merge(IEnumerable<string> parts, string outDir) => ShardCli.Run(["merge", .. parts, "--out", outDir]);

    static void Refused(Cli.Outcome r, string outDir, params string[] problems)
    {
        Assert.True(r.Exit == ExitCodes.InvalidInput, r.ToString());
        foreach (string p in problems)
        {
            Assert.True(r.Err.Contains(p, StringComparison.Ordinal), $"not found: {p}\n{r}");
        }

        Assert.EndsWith("nothing was written (exit code 2: invalid input)\n", r.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir), $"{outDir} was created");
        Assert.Equal("", r.Out);
    }

    [Theory]
    [InlineData("heat", new[] { 2, 0, 3, 1 })]
    [InlineData("heat", new[] { 0, 1, 2, 3 })]
    [InlineData("fi", new[] { 1, 2, 0 })]
    public void The_merge_is_byte_for_byte_the_unsharded_sweep_in_any_order_of_the_parts(string which, int[] order)
    {
        string root = which == "heat" ? sweeps.HeatMap : sweeps.FiCurve;
        using var tmp = new TempFolder();
        var parts = ShardCli.Parts(root, order.Length);
        var r = Merge(order.Select(i => parts[i]), tmp["merged"]);
        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal("", r.Err);
        foreach (string file in Outputs)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(root, "whole", file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(tmp["merged"], file))),
                $"{file} differs from the unsharded run's");
        }

        Assert.Equal(Outputs.Order(StringComparer.Ordinal), Directory.GetFiles(tmp["merged"]).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void One_part_per_point_and_a_single_part_merge_to_the_same_bytes()
    {
        using var tmp = new TempFolder();
        ShardCli.WholeAndShards(tmp["each"], ShardCli.FiCurve, 11);
        Assert.Equal(0, Merge(ShardCli.Parts(tmp["each"], 11).Reverse(), tmp["m11"]).Exit);
        Assert.Equal(0, ShardCli.Run([.. ShardCli.FiCurve, "--shard", "0/1", "--out", tmp["one"]]).Exit);
        Assert.Equal(0, Merge([tmp["one"]], tmp["m1"]).Exit);
        foreach (string file in Outputs)
        {
            byte[] whole = File.ReadAllBytes(Path.Combine(sweeps.FiCurve, "whole", file));
            Assert.Equal(whole, File.ReadAllBytes(Path.Combine(tmp["m11"], file)));
            Assert.Equal(whole, File.ReadAllBytes(Path.Combine(tmp["m1"], file)));
        }
    }

    [Fact]
    public void Replay_accepts_the_merged_manifest_as_a_whole_sweep()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, Merge(ShardCli.Parts(sweeps.HeatMap, 4), tmp["merged"]).Exit);
        var replay = ShardCli.Run("replay", tmp["merged/run.json"]);
        Assert.True(replay.Exit == 0, replay.ToString());
        Assert.Contains("identical: all 2 outputs match", replay.Out, StringComparison.Ordinal);
        Assert.Contains("(sweep: sweep.csv, sweep.png)", replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_incomplete_set_is_refused_naming_the_missing_parts()
    {
        using var tmp = new TempFolder();
        var parts = ShardCli.Parts(sweeps.HeatMap, 4);
        Refused(Merge([parts[0], parts[2]], tmp["out"]), tmp["out"], "error: 2 of the 4 shards are missing: 1/4, 3/4; a merge needs every part");
    }

    [Fact]
    public void A_part_given_twice_is_refused_even_from_another_folder()
    {
        using var tmp = new TempFolder();
        var parts = ShardCli.Parts(sweeps.HeatMap, 4);
        var copies = CopyParts(sweeps.HeatMap, tmp);
        Refused(
            Merge([.. parts, copies[2]], tmp["out"]), tmp["out"],
            $"error: shard 2/4 is given 2 times ('{parts[2]}', '{copies[2]}'); each part must be merged once");
    }

    [Fact]
    public void Parts_of_other_sweeps_are_refused_naming_what_differs()
    {
        using var tmp = new TempFolder();
        var parts = ShardCli.Parts(sweeps.HeatMap, 4);
        Assert.Equal(0, ShardCli.Run([.. ShardCli.HeatMap[..^1], "150", "--shard", "1/4", "--out", tmp["short"]]).Exit);
        Assert.Equal(0, ShardCli.Run([.. ShardCli.HeatMap, "--shard", "1/5", "--out", tmp["five"]]).Exit);
        Assert.Equal(0, ShardCli.Run([.. ShardCli.FiCurve, "--shard", "1/4", "--out", tmp["fi"]]).Exit);
        Refused(Merge([parts[0], tmp["short"], parts[2], parts[3]], tmp["out"]), tmp["out"],
            $"error: '{tmp["short"]}' is not a part of the same sweep as '{parts[0]}': its spec differs in tMax: 150, not 200");
        Refused(Merge([parts[0], tmp["five"], parts[2], parts[3]], tmp["out"]), tmp["out"],
            $"error: '{tmp["five"]}' is shard 1/5 and '{parts[0]}' is shard 0/4: the parts of one merge must be cut into the same number of shards");
        Refused(Merge([parts[0], tmp["fi"], parts[2], parts[3]], tmp["out"]), tmp["out"],
            "its spec differs in grid: [ \"I=0:20:11\" ], not [ \"a=0.02:0.1:3\", \"I=0:20:7\" ]; preset: \"ch\", not \"rs\"; scheme: \"paper\", not \"jaxley\"; dt: 0.1, not 0.025; tMax: 300, not 200");
    }

    [Fact]
    public void A_whole_sweep_another_command_a_missing_folder_and_another_tool_version_are_refused()
    {
        using var tmp = new TempFolder();
        var parts = ShardCli.Parts(sweeps.HeatMap, 4);
        Assert.Equal(0, ShardCli.Run("simulate", "--t-max", "20", "--out", tmp["sim"]).Exit);
        var copies = CopyParts(sweeps.HeatMap, tmp);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(copies[3], "run.json")))!;
        manifest["toolVersion"] = "0.1.0+old";
        File.WriteAllText(Path.Combine(copies[3], "run.json"), manifest.ToJsonString());
        var r = Merge([parts[0], Path.Combine(sweeps.HeatMap, "whole"), tmp["sim"], tmp["nowhere"], copies[3]], tmp["out"]);
        Refused(r, tmp["out"],
            $"error: {Path.Combine(sweeps.HeatMap, "whole", "run.json")}: $.spec has no shard: it is a whole sweep, which needs no merge",
            $"error: {Path.Combine(sweeps.HeatMap, "whole", "run.json")}: $.outputs must list sweep.csv alone",
            $"error: {tmp["sim/run.json"]}: $.command is \"simulate\"; merge puts together the shards of a sweep",
            $"error: DIR #4: '{tmp["nowhere/run.json"]}' does not exist",
            $"error: {Path.Combine(copies[3], "run.json")}: made by neurofold 0.1.0+old, but this is ");
    }

    [Fact]
    public void A_tampered_part_is_refused_and_so_is_one_whose_manifest_was_forged_to_match()
    {
        using var tmp = new TempFolder();
        var copies = CopyParts(sweeps.HeatMap, tmp);

        // An edit of the same length: the size matches, the hash does not.
        string csv0 = Path.Combine(copies[0], "sweep.csv");
        byte[] original0 = File.ReadAllBytes(csv0);
        string[] lines0 = File.ReadAllLines(csv0);
        Assert.Equal("0.02,0,0,0,,", lines0[1]);
        lines0[1] = "0.02,0,1,0,,";
        File.WriteAllText(csv0, string.Join('\n', lines0) + "\n");
        Assert.Equal(original0.Length, new FileInfo(csv0).Length);

        // An edited row one byte longer: the size no longer matches.
        string csv1 = Path.Combine(copies[1], "sweep.csv");
        long length1 = new FileInfo(csv1).Length;
        string[] lines = File.ReadAllLines(csv1);
        lines[1] = lines[1].Replace(",9,45,", ",10,45,", StringComparison.Ordinal);
        Assert.Contains(",10,45,", lines[1], StringComparison.Ordinal);
        File.WriteAllText(csv1, string.Join('\n', lines) + "\n");

        // A link where the file should be.
        string csv2 = Path.Combine(copies[2], "sweep.csv");
        File.Move(csv2, csv2 + ".real");
        File.CreateSymbolicLink(csv2, csv2 + ".real");

        var r = Merge(copies, tmp["out"]);
        Refused(r, tmp["out"],
            $"error: '{copies[0]}': sweep.csv: the file does not match its SHA-256 in the manifest (edited or corrupted)",
            $"error: '{copies[1]}': sweep.csv: has {length1 + 1} bytes, the manifest records {length1} (edited, truncated or replaced)",
            $"error: '{copies[2]}': sweep.csv: is a symbolic link; replay does not follow links");

        // The same edit with the manifest's size and hash forged to match: the rows themselves are checked.
        File.WriteAllBytes(csv0, original0);
        Forge(copies[1]);
        File.Delete(csv2);
        File.Move(csv2 + ".real", csv2);
        string csv3 = Path.Combine(copies[3], "sweep.csv");
        string[] rows3 = File.ReadAllLines(csv3);
        rows3[1] = "0.06," + rows3[1][(rows3[1].IndexOf(',', StringComparison.Ordinal) + 1)..]; // a coordinate of another point
        rows3[2] = rows3[2].Replace(",", ",,", StringComparison.Ordinal); // a row with the wrong number of columns
        File.WriteAllText(csv3, string.Join('\n', rows3.Take(rows3.Length - 1)) + "\n"); // and one row missing
        Forge(copies[3]);
        var forged = Merge(copies, tmp["out"]);
        Refused(forged, tmp["out"],
            $"error: {csv1}: line 2: rate_hz is '45', but 10 spikes in 200 ms are 50 Hz",
            $"error: {csv3}: line 2: a is '0.06', but grid point 15 has a = 0.1",
            $"error: {csv3}: line 3: 6 columns expected, got 11",
            $"error: {csv3}: 5 rows, but shard 3/4 has 6 points (15..20)");
    }

    /// <summary>Rewrites a part's manifest so that it vouches for the part's sweep.csv as it now is.</summary>
    static void Forge(string part)
    {
        string csv = Path.Combine(part, "sweep.csv");
        string manifestPath = Path.Combine(part, "run.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var entry = manifest["outputs"]![0]!;
        byte[] bytes = File.ReadAllBytes(csv);
        entry["bytes"] = bytes.Length;
        entry["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        File.WriteAllText(manifestPath, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    [Fact]
    public void Every_problem_of_every_part_is_listed_at_once()
    {
        using var tmp = new TempFolder();
        var copies = CopyParts(sweeps.HeatMap, tmp);
        File.AppendAllText(Path.Combine(copies[0], "sweep.csv"), "x\n");
        var r = ShardCli.Run("merge", copies[0], copies[1], copies[3], "--max-memory", "tiny", "--out", tmp["out"]);
        Refused(r, tmp["out"],
            "error: --max-memory must be a size of at least 16M",
            $"error: '{copies[0]}': sweep.csv: has ");
        var r2 = Merge([copies[0], copies[1], copies[3]], tmp["out"]);
        Refused(r2, tmp["out"], $"error: '{copies[0]}': sweep.csv: has ", "error: 1 of the 4 shards is missing: 2/4");
    }

    [Fact]
    public void The_output_folder_may_not_be_or_hold_a_part()
    {
        using var tmp = new TempFolder();
        var copies = CopyParts(sweeps.HeatMap, tmp);
        var into = Merge(copies, copies[1]);
        Assert.Equal(ExitCodes.InvalidInput, into.Exit);
        Assert.Contains($"error: --out '{copies[1]}' is the part '{copies[1]}'", into.Err, StringComparison.Ordinal);
        Assert.Equal(["run.json", "sweep.csv"], Directory.GetFiles(copies[1]).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var above = Merge(copies, tmp.Path);
        Assert.Equal(ExitCodes.InvalidInput, above.Exit);
        Assert.Contains($"error: --out '{tmp.Path}' holds the part '{copies[0]}'", above.Err, StringComparison.Ordinal);
        Refused(Merge(copies, ""), "", "error: --out must be a folder path, got an empty string");
    }

    [Fact]
    public void Merge_help_and_its_options_come_from_the_vocabulary()
    {
        var help = ShardCli.Run("merge", "--help");
        Assert.Equal(0, help.Exit);
        foreach (string option in new[] { "--out", "--max-memory", "--quiet", "DIR" })
        {
            Assert.Contains(option, help.Out, StringComparison.Ordinal);
        }

        var none = ShardCli.Run("merge");
        Assert.Equal(ExitCodes.InvalidInput, none.Exit);
    }
}

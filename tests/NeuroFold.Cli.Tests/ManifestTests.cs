using System.Text.Json;

namespace NeuroFold.Cli.Tests;

/// <summary>Every command that writes files writes one manifest format through one writer, and replay re-runs any of them.</summary>
public sealed class ManifestTests
{
    public static TheoryData<string[]> Commands() => new()
    {
        new[] { "simulate", "--t-max", "60", "--no-plot" },
        new[] { "simulate", "--preset", "lts-2007", "--t-max", "200", "--step", "20,150,100", "--no-plot" },
        new[] { "simulate", "--scheme", "paper", "--dt", "0.25", "--t-max", "80", "--record-every", "3", "--no-plot" },
        new[] { "gallery", "--feature", "tonic-bursting" },
        new[] { "sweep", "--grid", "I=0:20:5", "--t-max", "100" },
        new[] { "sweep", "--grid", "a=0.02:0.1:3", "--grid", "I=0:20:3", "--scheme", "euler", "--t-max", "100", "--dt", "0.1" },
        new[] { "network", "--neurons", "120", "--t-max", "100", "--seed", "4" },
        new[] { "network", "--model", "sparse", "--neurons", "300", "--k", "20", "--max-delay", "4", "--t-max", "80" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_run_writes_a_version_2_manifest_and_replays_identically(string[] args)
    {
        using var tmp = new TempFolder();
        var r = Cli.Run([.. args, "--out", tmp["out"], "--quiet"]);
        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal("", r.Out);

        using var manifest = JsonDocument.Parse(File.ReadAllText(tmp["out/run.json"]));
        var root = manifest.RootElement;
        Assert.Equal("neurofold-run/2", root.GetProperty("format").GetString());
        Assert.Equal(args[0], root.GetProperty("command").GetString());
        foreach (string field in new[] { "os", "architecture", "runtime", "vectorWidth" })
        {
            Assert.False(string.IsNullOrEmpty(root.GetProperty("platform").GetProperty(field).GetString()), field);
        }

        var listed = root.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("file").GetString()!).ToList();
        var onDisk = tmp.Files().Where(f => f != Path.Combine("out", "run.json")).Select(f => Path.GetRelativePath("out", f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, listed.Order(StringComparer.Ordinal));
        foreach (var o in root.GetProperty("outputs").EnumerateArray())
        {
            Assert.Equal(new FileInfo(tmp[Path.Combine("out", o.GetProperty("file").GetString()!)]).Length, o.GetProperty("bytes").GetInt64());
        }

        var replay = Cli.Run("replay", tmp["out/run.json"], "--quiet");
        Assert.True(replay.Exit == 0, replay.ToString());
        Assert.StartsWith("identical:", replay.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_json_file_has_camel_case_keys_and_every_file_lf_line_ends()
    {
        using var tmp = new TempFolder();
        Assert.Equal(0, Cli.Run("network", "--neurons", "100", "--t-max", "50", "--out", tmp["n"], "--quiet").Exit);
        Assert.Equal(0, Cli.Run("simulate", "--t-max", "50", "--out", tmp["s"], "--quiet").Exit);
        Assert.Equal(0, Cli.Run("sweep", "--grid", "I=0:10:3", "--t-max", "50", "--out", tmp["w"], "--quiet").Exit);
        foreach (string file in tmp.Files())
        {
            if (file.EndsWith(".png", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.DoesNotContain("\r", File.ReadAllText(tmp[file]), StringComparison.Ordinal);
            if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                using var json = JsonDocument.Parse(File.ReadAllText(tmp[file]));
                AssertCamelCase(json.RootElement, file);
            }
        }
    }

    [Fact]
    public void Replay_names_an_input_file_that_changed_since_the_run()
    {
        using var tmp = new TempFolder();
        string input = tmp["I.npy"];
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Reference", "net2003", "I.npy"), input);
        string args = Path.Combine(AppContext.BaseDirectory, "Reference", "net2003");
        var r = Cli.Run("network", "--weights", Path.Combine(args, "S.npy"), "--input-file", input, "--neuron-table", Path.Combine(args, "neurons.csv"), "--out", tmp["out"], "--quiet");
        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(0, Cli.Run("replay", tmp["out/run.json"], "--quiet").Exit);

        var bytes = File.ReadAllBytes(input);
        bytes[^1] ^= 1;
        File.WriteAllBytes(input, bytes);
        var replay = Cli.Run("replay", tmp["out/run.json"]);
        Assert.Equal(ExitCodes.InvalidInput, replay.Exit);
        Assert.Contains("$.spec.inputFile: ", replay.Err, StringComparison.Ordinal);
        Assert.Contains("has changed since the run", replay.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_2007_cell_is_validated_as_a_2007_cell()
    {
        using var tmp = new TempFolder();
        var r = Cli.Run("simulate", "--preset", "rtn-2007", "--c", "10", "--out", tmp["x"]);
        Assert.Equal(ExitCodes.InvalidInput, r.Exit);
        Assert.Contains("error: --c must be finite and < 0 (the reset must lie below vpeak), got 10", r.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(tmp["x"]));
    }

    static void AssertCamelCase(JsonElement e, string file)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                Assert.True(char.IsLower(p.Name[0]) && !p.Name.Contains('_', StringComparison.Ordinal), $"{file}: key {p.Name}");
                AssertCamelCase(p.Value, file);
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray())
            {
                AssertCamelCase(x, file);
            }
        }
    }
}

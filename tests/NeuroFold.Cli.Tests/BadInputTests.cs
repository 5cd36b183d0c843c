using Xunit;

namespace NeuroFold.Cli.Tests;

/// <summary>
/// The bad-input table: every case exits 2, names the offending field in its message, and leaves no file behind.
/// Arguments may use {tmp} (the case's temp folder), {file} (an existing plain file), {ro} (a folder nobody may write
/// into) and {spec} (the spec text of the case, written to {tmp}/spec.json).
/// </summary>
public sealed class BadInputTests
{
    [Theory]
    // simulate flags
    [InlineData("non-numeric", "", "--dt", "simulate --dt abc --out {tmp}/out")]
    [InlineData("NaN", "", "--v0", "simulate --v0 NaN --out {tmp}/out")]
    [InlineData("infinity", "", "--a", "simulate --a Infinity --out {tmp}/out")]
    [InlineData("infinity symbol", "", "--c", "simulate --c ∞ --out {tmp}/out")]
    [InlineData("negative infinity", "", "--d", "simulate --d -Infinity --out {tmp}/out")]
    [InlineData("dt = 0", "", "--dt", "simulate --dt 0 --out {tmp}/out")]
    [InlineData("dt < 0", "", "--dt", "simulate --dt -0.1 --out {tmp}/out")]
    [InlineData("t_max < 0", "", "--t-max", "simulate --t-max -1 --out {tmp}/out")]
    [InlineData("unknown preset", "", "--preset", "simulate --preset xyz --out {tmp}/out")]
    [InlineData("negative radius", "", "--radius", "simulate --radius -1 --out {tmp}/out")]
    [InlineData("zero length", "", "--length", "simulate --length 0 --out {tmp}/out")]
    [InlineData("bad step", "", "--step #1", "simulate --step 1,2 --out {tmp}/out")]
    [InlineData("bad step amplitude", "", "--step #2 amplitude", "simulate --step 1,2,3 --step 1,2,3pA --out {tmp}/out")]
    [InlineData("bad record", "", "--record", "simulate --record v,w --out {tmp}/out")]
    [InlineData("record every 0", "", "--record-every", "simulate --record-every 0 --out {tmp}/out")]
    [InlineData("unknown scheme", "", "--scheme", "simulate --scheme rk4 --out {tmp}/out")]
    [InlineData("out is a file", "", "--out", "simulate --out {file}")]
    [InlineData("out below a file", "", "--out", "simulate --out {file}/sub")]
    [InlineData("unwritable folder", "", "--out", "simulate --out {ro}/out")]
    [InlineData("unknown option", "", "--speed", "simulate --speed 3 --out {tmp}/out")]
    // run specs
    [InlineData("malformed JSON", "{\"dt\": 0.1,", "malformed JSON", "run {spec} --out {tmp}/out")]
    [InlineData("not an object", "[1, 2]", "$ must be a JSON object", "run {spec} --out {tmp}/out")]
    [InlineData("unknown field", "{\"speed\": 3}", "$.speed", "run {spec} --out {tmp}/out")]
    [InlineData("wrong type", "{\"dt\": \"fast\"}", "$.dt", "run {spec} --out {tmp}/out")]
    [InlineData("NaN as string", "{\"v0\": \"NaN\"}", "$.v0", "run {spec} --out {tmp}/out")]
    [InlineData("overflowing number", "{\"a\": 1e999}", "$.a", "run {spec} --out {tmp}/out")]
    [InlineData("spec dt = 0", "{\"dt\": 0}", "$.dt", "run {spec} --out {tmp}/out")]
    [InlineData("spec dt < 0", "{\"dt\": -1}", "$.dt", "run {spec} --out {tmp}/out")]
    [InlineData("spec tMax < 0", "{\"tMax\": -5}", "$.tMax", "run {spec} --out {tmp}/out")]
    [InlineData("spec unknown preset", "{\"preset\": \"xyz\"}", "$.preset", "run {spec} --out {tmp}/out")]
    [InlineData("spec negative radius", "{\"radius\": -1}", "$.radius", "run {spec} --out {tmp}/out")]
    [InlineData("spec step part", "{\"steps\": [{\"delay\": 1, \"duration\": 2, \"amplitude\": 3}, {\"delay\": -1, \"duration\": 2, \"amplitude\": \"1nA\"}]}", "$.steps[1].delay", "run {spec} --out {tmp}/out")]
    [InlineData("spec step missing part", "{\"steps\": [{\"delay\": 1, \"amplitude\": 3}]}", "$.steps[0].duration", "run {spec} --out {tmp}/out")]
    [InlineData("spec step unknown part", "{\"steps\": [{\"delay\": 1, \"duration\": 2, \"amplitude\": 3, \"shape\": 1}]}", "$.steps[0].shape", "run {spec} --out {tmp}/out")]
    [InlineData("spec record", "{\"record\": \"v\"}", "$.record", "run {spec} --out {tmp}/out")]
    [InlineData("spec recordEvery", "{\"recordEvery\": 2.5}", "$.recordEvery", "run {spec} --out {tmp}/out")]
    [InlineData("spec trace", "{\"trace\": 1}", "$.trace", "run {spec} --out {tmp}/out")]
    [InlineData("spec out is a file", "{}", "--out", "run {spec} --out {file}")]
    [InlineData("spec out in spec is a file", "{\"out\": \"{file}\"}", "$.out", "run {spec}")]
    [InlineData("spec unwritable folder", "{\"out\": \"{ro}/out\"}", "$.out", "run {spec}")]
    [InlineData("spec file missing", "", "SPEC", "run {tmp}/nothere.json --out {tmp}/out")]
    public void Bad_input_exits_2_names_the_field_and_writes_nothing(string name, string spec, string field, string command)
    {
        using var tmp = new TempFolder();
        string file = tmp.Write("plain.txt", "not a folder");
        string ro = UnwritableFolder(tmp);
        string Fill(string s) => s.Replace("{tmp}", tmp.Path, StringComparison.Ordinal)
            .Replace("{file}", file, StringComparison.Ordinal)
            .Replace("{ro}", ro, StringComparison.Ordinal);
        string specPath = tmp["spec.json"];
        if (spec.Length > 0)
        {
            File.WriteAllText(specPath, Fill(spec));
        }

        var before = tmp.Files();
        string[] args = command.Split(' ').Select(a => a == "{spec}" ? specPath : Fill(a)).ToArray();
        string cwd = Environment.CurrentDirectory;
        var r = Cli.Run(args);

        Assert.True(r.Exit == 2, $"{name}: {r}");
        Assert.Contains(field, r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
        Assert.Equal(before, tmp.Files());
        Assert.False(Directory.Exists(tmp["out"]), $"{name}: the output folder was created");
        Assert.False(Directory.Exists(Path.Combine(cwd, "neurofold-out")), $"{name}: a default output folder was created");
    }

    [Fact]
    public void Every_problem_of_a_spec_is_reported_at_once()
    {
        using var tmp = new TempFolder();
        string spec = tmp.Write("spec.json", """
            { "dt": 0, "tMax": -5, "preset": "xx", "radius": -1, "a": "NaN", "foo": 1,
              "steps": [{"delay": -1, "duration": 5}, {"delay": 1, "duration": 2, "amplitude": "3pA"}],
              "record": ["v", "w"], "recordEvery": 0, "trace": "yes" }
            """);
        var r = Cli.Run("run", spec, "--out", tmp["out"]);
        Assert.Equal(2, r.Exit);
        foreach (string field in new[] { "$.dt", "$.tMax", "$.preset", "$.radius", "$.a", "$.foo", "$.steps[0].amplitude", "$.steps[0].delay", "$.steps[1].amplitude", "$.record", "$.recordEvery", "$.trace" })
        {
            Assert.Contains(field + " ", r.Err, StringComparison.Ordinal);
        }

        Assert.Equal(["spec.json"], tmp.Files());
    }

    [Fact]
    public void Every_problem_of_simulate_flags_is_reported_at_once()
    {
        using var tmp = new TempFolder();
        var r = Cli.Run("simulate", "--dt", "NaN", "--t-max", "-1", "--radius", "-2", "--a", "x", "--preset", "zz", "--out", tmp["out"]);
        Assert.Equal(2, r.Exit);
        foreach (string field in new[] { "--dt", "--t-max", "--radius", "--a", "--preset" })
        {
            Assert.Contains(field + " ", r.Err, StringComparison.Ordinal);
        }

        Assert.Empty(tmp.Files());
    }

    /// <summary>A folder files cannot be written into: a read-only temp folder, or (as root, who may write anywhere) a path in /sys.</summary>
    static string UnwritableFolder(TempFolder tmp)
    {
        string ro = tmp["readonly"];
        Directory.CreateDirectory(ro);
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(tmp.Write("blocker", ""), "sub");
        }

        File.SetUnixFileMode(ro, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            File.WriteAllText(Path.Combine(ro, "probe"), "");
            File.Delete(Path.Combine(ro, "probe"));
            return "/sys/neurofold-test-unwritable";
        }
        catch (UnauthorizedAccessException)
        {
            return ro;
        }
    }
}

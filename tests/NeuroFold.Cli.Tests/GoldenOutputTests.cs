using System.Security.Cryptography;

namespace NeuroFold.Cli.Tests;

/// <summary>The data outputs of every scheme, the gallery, both network models and the sweep keep their bytes.</summary>
/// <remarks>
/// <c>Golden/cases.txt</c> holds one command per line (<c>name|arguments</c>); <c>Golden/hashes.txt</c> the SHA-256 of
/// every CSV those commands wrote (and of <c>summary.json</c> for single-neuron runs) with the <c>main</c> of
/// 2026-12-01 (commit 16a0497), before the redesign of the numerics into one generic step. A changed hash means a
/// scheme's arithmetic, a time label, a random stream or a writer changed: a breaking change, never a refactoring.
/// <c>{net2003}</c> stands for the folder of Izhikevich-style input files of the regression tests.
/// </remarks>
public sealed class GoldenOutputTests
{
    static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Golden");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string line in File.ReadLines(Path.Combine(Folder, "cases.txt")))
        {
            data.Add(line.Split('|')[0]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Data_outputs_keep_their_bytes(string name)
    {
        string args = File.ReadLines(Path.Combine(Folder, "cases.txt")).Single(l => l.Split('|')[0] == name).Split('|')[1];
        var expected = File.ReadLines(Path.Combine(Folder, "hashes.txt"))
            .Select(l => l.Split(' '))
            .Where(p => p[0] == name)
            .Select(p => (File: p[1], Sha: p[2]))
            .ToList();
        Assert.NotEmpty(expected);

        using var tmp = new TempFolder();
        string net2003 = Path.Combine(AppContext.BaseDirectory, "Reference", "net2003");
        var argv = args.Replace("{net2003}", net2003, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (argv[0] == "simulate")
        {
            argv.Add("--no-plot"); // pictures are not data; the CSVs do not depend on them
        }

        if (argv[0] == "run")
        {
            argv[1] = Path.Combine(RepositoryRoot(), argv[1]);
        }

        argv.AddRange(["--out", tmp["out"]]);
        var r = Cli.Run([.. argv]);
        Assert.True(r.Exit == 0, r.ToString());
        foreach (var (file, sha) in expected)
        {
            string path = tmp[Path.Combine("out", file)];
            Assert.True(File.Exists(path), $"{name}: {file} was not written");
            Assert.True(sha == Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), $"{name}: {file} changed its bytes");
        }
    }

    static string RepositoryRoot()
    {
        string dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Functional.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        }

        return dir;
    }
}

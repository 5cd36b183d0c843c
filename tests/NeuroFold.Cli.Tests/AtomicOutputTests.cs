using Xunit;

namespace NeuroFold.Cli.Tests;

/// <summary>Nothing half-written is ever left behind.</summary>
public sealed class AtomicOutputTests
{
    [Fact]
    public void Spec_problems_and_an_unusable_output_folder_are_reported_together()
    {
        using var tmp = new TempFolder();
        string file = tmp.Write("plain.txt", "");
        string spec = tmp.Write("spec.json", $$"""{ "dt": -1, "out": "{{file}}" }""");
        var r = Cli.Run("run", spec);
        Assert.Equal(2, r.Exit);
        Assert.Contains("$.dt ", r.Err, StringComparison.Ordinal);
        Assert.Contains("$.out ", r.Err, StringComparison.Ordinal);
        Assert.Equal(["plain.txt", "spec.json"], tmp.Files());
    }
}

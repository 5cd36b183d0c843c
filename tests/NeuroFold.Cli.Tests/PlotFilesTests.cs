using NeuroFold.Cli.Plots;
using Xunit;

namespace NeuroFold.Cli.Tests;

public sealed class PlotFilesTests
{
    [Fact]
    public void Clip_path_ids_are_renumbered_in_order_of_first_appearance()
    {
        const string svg = "<clipPath id=\"cl_1f\"/><g clip-path=\"url(#cl_1f)\"/><clipPath id=\"cl_a\"/><g clip-path=\"url(#cl_a)\"/><text>cl_x</text>";
        Assert.Equal(
            "<clipPath id=\"cl_1\"/><g clip-path=\"url(#cl_1)\"/><clipPath id=\"cl_2\"/><g clip-path=\"url(#cl_2)\"/><text>cl_x</text>",
            PlotFiles.RenumberClipPaths(svg));
    }
}

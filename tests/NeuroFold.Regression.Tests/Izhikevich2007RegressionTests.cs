using System.Globalization;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using Xunit;

namespace NeuroFold.Regression.Tests;

/// <summary>The book's layer-5 RS cell at 100 pA against Reference/izhi2007_rs_100pA.csv (see Reference/README.md).</summary>
public sealed class Izhikevich2007RegressionTests
{
    [Fact]
    public void Rs_2007_at_100_pA_equals_the_books_loop_bit_for_bit()
    {
        var p = Presets2007.Find("rs-2007").IfNone(() => throw new InvalidOperationException());
        var grid = TimeGrid.Create(0.0025, 520).IfFail(_ => throw new InvalidOperationException());
        var input = new ConstantCurrent(100).Sample(grid);
        var result = Simulation.Run<Izhikevich2007Scheme, Izhikevich2007Parameters>(p, new IzhikevichState(-60, 0), grid, input.AsSpan(), p.CapacitancePf, Recording.SpikesOnly);

        var steps = new List<int>();
        var times = new List<long>();
        (int Steps, double V, double U) final = default;
        foreach (string line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Reference", "izhi2007_rs_100pA.csv")))
        {
            string[] f = line.Split(',');
            if (f[0] == "#final")
            {
                final = (int.Parse(f[1], CultureInfo.InvariantCulture), D(f[2]), D(f[3]));
            }
            else if (line.Length > 0)
            {
                steps.Add(int.Parse(f[0], CultureInfo.InvariantCulture));
                times.Add(BitConverter.DoubleToInt64Bits(D(f[1])));
            }
        }

        Assert.Equal(final.Steps, grid.Steps);
        Assert.Equal(7, steps.Count);
        Assert.Equal(steps, result.Spikes.Steps.ToList());
        Assert.Equal(times, result.Spikes.TimesMs.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(BitConverter.DoubleToInt64Bits(final.V), BitConverter.DoubleToInt64Bits(result.Final.V));
        Assert.Equal(BitConverter.DoubleToInt64Bits(final.U), BitConverter.DoubleToInt64Bits(result.Final.U));
    }

    static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}

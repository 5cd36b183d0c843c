using System.Globalization;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using Xunit;

namespace NeuroFold.Regression.Tests;

/// <summary>Net2003Scheme at dt = 1 ms against one neuron of net.m (Reference/net2003_single.csv, see Reference/README.md).</summary>
public sealed class Net2003RegressionTests
{
    [Fact]
    public void One_neuron_of_net_m_fires_at_the_same_times_and_ends_in_the_same_state()
    {
        const double re = 0.5;
        var p = new IzhikevichParameters(0.02, 0.2, -65 + (15 * (re * re)), 8 - (6 * (re * re)));
        var input = new double[1000];
        ulong state = 12345;
        for (int k = 0; k < input.Length; k++)
        {
            state = unchecked((state * 25214903917UL) + 11UL) & ((1UL << 48) - 1);
            input[k] = 5.0 * (-1.5 + ((4.0 * (state >> 16)) / 4294967296.0));
        }

        var grid = TimeGrid.FromSteps(1.0, 1000).Match(Succ: g => g, Fail: _ => throw new InvalidOperationException());
        var result = Simulation.Run<Net2003Scheme>(p, IzhikevichState.AtNullcline(p, -65), grid, input, 1.0, Recording.SpikesOnly);

        var times = new List<double>();
        double v = double.NaN, u = double.NaN;
        foreach (string line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Reference", "net2003_single.csv")))
        {
            string[] f = line.Split(',');
            if (f[0] == "#final")
            {
                v = D(f[1]);
                u = D(f[2]);
            }
            else if (line.Length > 0)
            {
                times.Add(D(f[0]));
            }
        }

        Assert.Equal(11, times.Count);
        Assert.Equal(times, result.Spikes.TimesMs);
        Assert.Equal(BitConverter.DoubleToInt64Bits(v), BitConverter.DoubleToInt64Bits(result.Final.V));
        Assert.Equal(BitConverter.DoubleToInt64Bits(u), BitConverter.DoubleToInt64Bits(result.Final.U));
    }

    static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}

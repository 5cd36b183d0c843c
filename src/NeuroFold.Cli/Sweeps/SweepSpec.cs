using System.Collections.Immutable;
using NeuroFold.Core.Models;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Cli.Sweeps;

/// <summary>A validated sweep: the axes, the base cell, the time grid and how to run it.</summary>
/// <param name="Axes">One or two axes; grid points are their Cartesian product, the first axis outermost.</param>
/// <param name="Preset">Name of the base preset.</param>
/// <param name="Base">Parameters of the base cell (what an axis does not vary).</param>
/// <param name="V0Mv">Initial membrane potential unless swept, mV; u0 = b·v0 at every point.</param>
/// <param name="InputUaPerCm2">Constant input unless swept, µA/cm².</param>
/// <param name="Grid">Step size and number of steps.</param>
/// <param name="CapacitanceUfPerCm2">Membrane capacitance, µF/cm².</param>
/// <param name="Threads">Threads for the population run.</param>
/// <param name="OutDir">Output folder.</param>
internal sealed record SweepSpec(
    ImmutableArray<SweepAxis> Axes,
    string Preset,
    IzhikevichParameters Base,
    double V0Mv,
    double InputUaPerCm2,
    TimeGrid Grid,
    double CapacitanceUfPerCm2,
    int Threads,
    string OutDir)
{
    /// <summary>Number of grid points.</summary>
    public int Points => Axes.Aggregate(1, (n, a) => n * a.Values.Length);

    /// <summary>The value of every axis at grid point <paramref name="point"/> (first axis outermost).</summary>
    public double[] Coordinates(int point)
    {
        var x = new double[Axes.Length];
        for (int k = Axes.Length - 1; k >= 0; k--)
        {
            int size = Axes[k].Values.Length;
            x[k] = Axes[k].Values[point % size];
            point /= size;
        }

        return x;
    }
}

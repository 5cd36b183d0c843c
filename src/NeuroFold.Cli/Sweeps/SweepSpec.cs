using System.Collections.Immutable;
using NeuroFold.Core.Cells;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Cli.Sweeps;

/// <summary>A validated sweep: the axes, the base cell, the scheme, the time grid and how to run it.</summary>
/// <param name="Axes">One or two axes; grid points are their Cartesian product, the first axis outermost.</param>
/// <param name="Preset">Name of the base preset.</param>
/// <param name="Base">Parameters of the base cell (what an axis does not vary).</param>
/// <param name="Scheme">The 2003 scheme every point runs.</param>
/// <param name="V0Mv">Initial membrane potential unless swept, mV; u0 = b·v0 at every point.</param>
/// <param name="Constant">Constant input unless I is swept, as given (its density on <paramref name="Compartment"/> is the input).</param>
/// <param name="Compartment">Geometry and capacitance.</param>
/// <param name="DtMs">Step size, ms.</param>
/// <param name="TMaxMs">Requested run length, ms.</param>
/// <param name="Grid">The steps of the run.</param>
/// <param name="Threads">Threads for the population run (results do not depend on it).</param>
/// <param name="OutDir">Output folder.</param>
/// <param name="Shard">The part of the grid this run computes, or null for every point.</param>
internal sealed record SweepSpec(
    ImmutableArray<SweepAxis> Axes,
    string Preset,
    IzhikevichParameters Base,
    CellScheme Scheme,
    double V0Mv,
    Specs.Amplitude Constant,
    Compartment Compartment,
    double DtMs,
    double TMaxMs,
    TimeGrid Grid,
    int Threads,
    string OutDir,
    SweepShard? Shard = null)
{
    /// <summary>The constant input current density unless I is swept, µA/cm².</summary>
    public double InputUaPerCm2 => Constant.ToDensity(Compartment);

    /// <summary>Number of grid points (of the whole grid, also in a shard).</summary>
    public int Points => Axes.Aggregate(1, (n, a) => n * a.Values.Length);

    /// <summary>The first grid point this run computes (0 unless it is a shard).</summary>
    public int FirstPoint => Shard is { } s ? s.First(Points) : 0;

    /// <summary>The number of grid points this run computes (all of them unless it is a shard).</summary>
    public int PartPoints => Shard is { } s ? s.Size(Points) : Points;

    /// <summary>The same sweep over the whole grid (what the parts of a sharded sweep add up to).</summary>
    public SweepSpec Whole => this with { Shard = null };

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

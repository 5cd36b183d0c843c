using BenchmarkDotNet.Attributes;
using NeuroFold.Core;
using NeuroFold.Core.Gradients;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Benchmarks;

/// <summary>The cost of a gradient against one run: the 2007 rs-2007 cell and a 2003 Jaxley cell on a QSNMC-sized fluctuating current (34 000 steps of 0.2 ms).</summary>
/// <remarks>Each method records the full trace (the run a loss needs); forward mode carries 16 tangents (13 used by the 2007 cell), reverse mode checkpoints every ⌈√T⌉ = 185 steps.</remarks>
[MemoryDiagnoser]
public class GradientBenchmarks
{
    Izhikevich2007Parameters cell2007;
    IzhikevichParameters cell2003;
    TimeGrid grid = null!;
    double[] current = [];
    double[] current2003 = [];
    double[] adjoint = [];

    /// <summary>Builds the current (pA, a deterministic sum of sines around 300 pA) and a loss adjoint.</summary>
    [GlobalSetup]
    public void Setup()
    {
        cell2007 = Presets2007.All[0].Parameters;
        cell2003 = Presets.RegularSpiking;
        grid = TimeGrid.FromSteps(0.2, 34_000).OrThrow();
        current = new double[grid.Steps];
        current2003 = new double[grid.Steps];
        adjoint = new double[grid.Steps];
        for (int k = 0; k < current.Length; k++)
        {
            current[k] = 300 + (150 * Math.Sin(k * 0.011)) + (80 * Math.Sin(k * 0.097));
            current2003[k] = current[k] * 0.02;
            adjoint[k] = Math.Sin(k * 0.37) * 1e-4;
        }
    }

    /// <summary>One plain run of the 2007 cell, trace recorded.</summary>
    [Benchmark(Baseline = true)]
    public double Run2007() =>
        Simulation.Run<Izhikevich2007Scheme, Izhikevich2007Parameters>(cell2007, new IzhikevichState(-60, 0), grid, current, 0.0, Recording.Full).Final.V;

    /// <summary>Forward mode, all 13 variables of the 2007 cell.</summary>
    [Benchmark]
    public double Forward2007() => ForwardMode.Run2007<NoSurrogate>(cell2007, new IzhikevichState(-60, 0), 1.0, 0.0, grid, current).VoltageTangents[^1];

    /// <summary>Reverse mode with checkpoints, the 2007 cell.</summary>
    [Benchmark]
    public double Reverse2007() => ReverseMode.Run2007<NoSurrogate>(cell2007, new IzhikevichState(-60, 0), 1.0, 0.0, grid, current, adjoint).Gradient[0];

    /// <summary>One plain run of a 2003 cell under the Jaxley scheme.</summary>
    [Benchmark]
    public double RunJaxley() => Simulation.Run<JaxleyScheme>(cell2003, new IzhikevichState(-65, -13), grid, current2003, 1.0, Recording.Full).Final.V;

    /// <summary>Forward mode, the 8 variables of a 2003 cell under the Jaxley scheme.</summary>
    [Benchmark]
    public double ForwardJaxley() => ForwardMode.Run2003<NoSurrogate>("jaxley", cell2003, new IzhikevichState(-65, -13), 0.02, 0.0, grid, current, 1.0).VoltageTangents[^1];

    /// <summary>Reverse mode, a 2003 cell under the Jaxley scheme.</summary>
    [Benchmark]
    public double ReverseJaxley() => ReverseMode.Run2003<NoSurrogate>("jaxley", cell2003, new IzhikevichState(-65, -13), 0.02, 0.0, grid, current, 1.0, adjoint).Gradient[0];
}

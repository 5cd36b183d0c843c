// A consumer of the NeuroFold packages: fold one neuron, run an F–I curve as a population, a small network of one's
// own, then check a property of one's own cell with NeuroFold.Testing. No LanguageExt in sight: .OrThrow() is the plain door.
using FsCheck;
using FsCheck.Fluent;
using NeuroFold.Core;
using NeuroFold.Core.Cells;
using NeuroFold.Core.Models;
using NeuroFold.Core.Networks;
using NeuroFold.Core.Populations;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using NeuroFold.Testing;

// 1. Fold a regular-spiking neuron through a 0.012 nA step (Jaxley's scheme, dt = 0.1 ms, 200 ms).
var cell = Presets.RegularSpiking;
var grid = TimeGrid.Create(dtMs: 0.1, tMaxMs: 200).OrThrow();
var stimulus = StepCurrent.Create(delayMs: 10, durationMs: 180, Compartment.Default.ToCurrentDensity(0.012)).OrThrow();
var result = Simulation.Run(cell, new IzhikevichState(-70, 0), grid, stimulus);
Console.WriteLine($"{result.Trace.Count} rows, {result.Spikes.Count} spikes at {string.Join(", ", result.Spikes.TimesMs.Take(5))} … ms, {result.MeanRateHz:F1} Hz");

// 2. An F–I curve: 21 inputs as one population.
var population = Population.Uniform(cell, IzhikevichState.AtNullcline(cell, -70), Enumerable.Range(0, 21).Select(i => (double)i)).OrThrow();
var fi = PopulationSimulation.Run(population, TimeGrid.Create(0.1, 1000).OrThrow());
Console.WriteLine($"F–I: {string.Join(" ", fi.RatesHz.Select(r => r.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} Hz");

// 3. Ten neurons in a ring, each exciting the next after 2 ms; only neuron 0 is driven.
var ring = Network.Create(
    NetworkNeurons.Create(Enumerable.Repeat(cell, 10), v0Mv: -65, excitatory: 10).OrThrow(),
    Connectivity.Sparse.Create(10, Enumerable.Range(0, 10).Select(i => new Synapse(i, (i + 1) % 10, 30.0, DelaySteps: 2))).OrThrow(),
    NetworkInput.CreateConstant([10.0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).OrThrow()).OrThrow();
var net = NetworkSimulation.Run(ring, steps: 500);
Console.WriteLine($"ring: {net.SpikeCount} spikes, {PopulationRate.MeanHz(net):F1} Hz");

// 4. Check that my own cell (a = 0.03, b = 0.25, c = -52, d = 0) and its neighbourhood fold-split exactly.
var mine = IzhikevichParameters.Create(0.03, 0.25, -52, 0).OrThrow();
Invariants.FoldSplitting<JaxleyScheme>(NeuroArb.Around(mine, 0.1)).QuickCheckThrowOnFailure();
Invariants.ResetToC<JaxleyScheme>(NeuroArb.Around(mine, 0.1)).QuickCheckThrowOnFailure();

if (result.Trace.Count != 2001 || result.Spikes.Count == 0 || fi.RateHz(20) <= fi.RateHz(5) || net.SpikeCount == 0)
{
    Console.Error.WriteLine("unexpected result");
    return 1;
}

Console.WriteLine("sample: ok");
return 0;

// A consumer of the NeuroFold packages: fold one neuron, read its spikes, then check a property with NeuroFold.Testing.
using FsCheck;
using NeuroFold.Core.Cells;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using NeuroFold.Testing;

// 1. Fold a regular-spiking neuron through a 0.012 nA step (Jaxley's scheme, dt = 0.1 ms, 200 ms).
var cell = Presets.RegularSpiking;
var grid = TimeGrid.Create(dtMs: 0.1, tMaxMs: 200).Match(Succ: g => g, Fail: e => throw new ArgumentException(e.Head.Message));
var stimulus = StepCurrent.Create(delayMs: 10, durationMs: 180, Compartment.Default.ToCurrentDensity(0.012))
    .Match(Succ: s => s, Fail: e => throw new ArgumentException(e.Head.Message));
var result = Simulation.Run(cell, new IzhikevichState(-70, 0), grid, stimulus, Compartment.Default);
Console.WriteLine($"{result.Trace.Count} rows, {result.Spikes.Count} spikes at {string.Join(", ", result.Spikes.TimesMs.Take(5))} … ms");

// 2. Check that my own cell (a = 0.03, b = 0.25, c = -52, d = 0) and its neighbourhood fold-split exactly.
var mine = IzhikevichParameters.Create(0.03, 0.25, -52, 0).Match(Succ: p => p, Fail: e => throw new ArgumentException(e.Head.Message));
Invariants.FoldSplitting<JaxleyScheme>(NeuroGen.Around(mine, 0.1)).QuickCheckThrowOnFailure();
Invariants.ResetToC<JaxleyScheme>(NeuroGen.Around(mine, 0.1)).QuickCheckThrowOnFailure();

if (result.Trace.Count != 2001 || result.Spikes.Count == 0)
{
    Console.Error.WriteLine("unexpected result");
    return 1;
}

Console.WriteLine("sample: ok");
return 0;

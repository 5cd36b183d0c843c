// A consumer of the NeuroFold packages from F#: one run, a population, a network and a property, with plain values.
open System
open FsCheck
open NeuroFold.Core
open NeuroFold.Core.Cells
open NeuroFold.Core.Models
open NeuroFold.Core.Networks
open NeuroFold.Core.Populations
open NeuroFold.Core.Schemes
open NeuroFold.Core.Simulation
open NeuroFold.Core.Stimuli
open NeuroFold.Testing

// 1. A regular-spiking cell through a 0.012 nA step (Jaxley's scheme, dt = 0.1 ms, 200 ms).
let cell = Presets.RegularSpiking
let grid = TimeGrid.Create(0.1, 200.0).OrThrow()
let input = StepCurrent.Create(10.0, 180.0, Compartment.Default.ToCurrentDensity 0.012).OrThrow()
let run = Simulation.Run(cell, IzhikevichState(-70.0, 0.0), grid, input)
printfn "%d rows, %d spikes, %.1f Hz" run.Trace.Count run.Spikes.Count run.MeanRateHz

// One step at a time, with a module-level prepared step (plain values, no inref).
let step = JaxleyScheme.Prepare(cell, 0.1, 1.0)
let afterOne = Simulation.Advance(step, IzhikevichState.AtNullcline(cell, -70.0), 10.0)
printfn "one step from rest: v = %.4f mV" afterOne.State.V

// 2. An F–I curve as one population.
let inputs = [ for i in 0 .. 20 -> float i ]
let population = Population.Uniform(cell, IzhikevichState.AtNullcline(cell, -70.0), inputs).OrThrow()
let fi = PopulationSimulation.Run(population, TimeGrid.Create(0.1, 1000.0).OrThrow())
printfn "F–I: %s Hz" (fi.RatesHz |> Seq.map (sprintf "%.0f") |> String.concat " ")

// 3. Ten neurons in a ring, each exciting the next after 2 ms; only neuron 0 is driven.
let ring =
    Network.Create(
        NetworkNeurons.Create(List.replicate 10 cell, -65.0, 10).OrThrow(),
        Connectivity.Sparse.Create(10, [ for i in 0 .. 9 -> Synapse(i, (i + 1) % 10, 30.0, 2) ]).OrThrow(),
        NetworkInput.CreateConstant(Collections.Immutable.ImmutableArray.Create(10.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)).OrThrow())
        .OrThrow()
let net = NetworkSimulation.Run(ring, 500)
printfn "ring: %d spikes, %.1f Hz" net.SpikeCount (PopulationRate.MeanHz net)

// 4. A property of my own cell and its neighbourhood.
let mine = IzhikevichParameters.Create(0.03, 0.25, -52.0, 0.0).OrThrow()
Check.QuickThrowOnFailure(Invariants.FoldSplitting<JaxleyScheme>(NeuroArb.Around(mine, 0.1)))
Check.QuickThrowOnFailure(Invariants.ResetAddsD<JaxleyScheme>(NeuroArb.Around(mine, 0.1)))

if run.Trace.Count <> 2001 || run.Spikes.Count = 0 || fi.RateHz 20 <= fi.RateHz 5 || net.SpikeCount = 0 then
    eprintfn "unexpected result"
    exit 1

printfn "F# sample: ok"

using System.Collections.Immutable;
using NeuroFold.Core.Models;
using NeuroFold.Core.Populations;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using NeuroFold.Core.Tests.Generators;
using NeuroFold.Core.Tests.Support;

namespace NeuroFold.Core.Tests.Populations;

/// <summary>What a population run must give: N independent scalar folds (<see cref="Simulation.Simulation.Run{TScheme}"/>), one per neuron.</summary>
/// <param name="Runs">The scalar run of each neuron, with its constant input on every step.</param>
/// <param name="Status">The earliest (step, then neuron) non-finite state of any neuron's fold, or completed.</param>
internal sealed record PopulationReference(ImmutableArray<SimulationResult> Runs, RunStatus Status)
{
    /// <summary>The grid of a case: exactly its number of steps.</summary>
    public static TimeGrid Grid(PopulationCase c) => Grids.Steps(c.DtMs, c.Steps);

    /// <summary>Folds every neuron of the case alone.</summary>
    public static PopulationReference Of<TScheme>(PopulationCase c)
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters>
    {
        var grid = Grid(c);
        var runs = ImmutableArray.CreateBuilder<SimulationResult>(c.Population.Count);
        RunStatus status = new RunStatus.Completed();
        var input = new double[c.Steps];
        for (int i = 0; i < c.Population.Count; i++)
        {
            Array.Fill(input, c.Population.InputUaPerCm2[i]);
            var run = Simulation.Simulation.Run<TScheme>(c.Population.Parameters(i), c.Population.Initial(i), grid, input, c.CapacitanceUfPerCm2, Recording.SpikesOnly);
            runs.Add(run);
            if (run.Status is RunStatus.NonFinite nf && (status is not RunStatus.NonFinite best || nf.Step < best.Step))
            {
                status = nf with { Neuron = i };
            }
        }

        return new PopulationReference(runs.MoveToImmutable(), status);
    }

    /// <summary>The first difference between <paramref name="result"/> and the folds, or null when they agree bit for bit.</summary>
    /// <remarks>
    /// Every neuron whose fold completed must have the fold's final state (bits), spike count, first spike step, exact
    /// ISI sums and, when spikes are recorded, exactly its spikes in (step, neuron) order. The status must be the
    /// earliest non-finite (step, neuron) of any fold; the arrays of a neuron whose fold did not complete are not compared.
    /// </remarks>
    public string? Mismatch(PopulationResult result, bool recorded)
    {
        if (result.Status != Status)
        {
            return $"status {result.Status}, folds {Status}";
        }

        int n = Runs.Length;
        if (result.FinalV.Length != n || result.FinalU.Length != n || result.SpikeCounts.Length != n || result.FirstSpikeSteps.Length != n)
        {
            return $"arrays of {result.FinalV.Length} neurons for {n}";
        }

        var expected = new List<(int Step, int Neuron)>();
        for (int i = 0; i < n; i++)
        {
            var run = Runs[i];
            if (!run.Status.IsCompleted)
            {
                continue;
            }

            var steps = run.Spikes.Steps;
            if (!Bits.Same(run.Final.V, result.FinalV[i]) || !Bits.Same(run.Final.U, result.FinalU[i]))
            {
                return $"neuron {i}: final ({result.FinalV[i]:R}, {result.FinalU[i]:R}), fold ({run.Final.V:R}, {run.Final.U:R})";
            }

            if (result.SpikeCounts[i] != steps.Length || result.FirstSpikeSteps[i] != (steps.IsEmpty ? -1 : steps[0]))
            {
                return $"neuron {i}: {result.SpikeCounts[i]} spikes from step {result.FirstSpikeSteps[i]}, fold {steps.Length} from {(steps.IsEmpty ? -1 : steps[0])}";
            }

            long sum = 0;
            long squares = 0;
            for (int s = 1; s < steps.Length; s++)
            {
                long isi = steps[s] - steps[s - 1];
                sum += isi;
                squares += isi * isi;
            }

            if (result.IsiSums[i] != sum || result.IsiSquareSums[i] != squares)
            {
                return $"neuron {i}: ISI sums ({result.IsiSums[i]}, {result.IsiSquareSums[i]}), fold ({sum}, {squares})";
            }

            expected.AddRange(steps.Select(s => (s, i)));
        }

        if (!recorded)
        {
            return result.Spikes.Count == 0 ? null : $"{result.Spikes.Count} spikes recorded without recording";
        }

        var actual = new List<(int Step, int Neuron)>();
        for (int k = 0; k < result.Spikes.Count; k++)
        {
            int neuron = result.Spikes.Neurons[k];
            if (neuron < 0 || neuron >= n)
            {
                return $"spike {k} of neuron {neuron}";
            }

            if (Runs[neuron].Status.IsCompleted)
            {
                actual.Add((result.Spikes.Steps[k], neuron));
            }
        }

        var ordered = expected.OrderBy(s => s.Step).ThenBy(s => s.Neuron).ToList();
        if (actual.Count != ordered.Count)
        {
            return $"{actual.Count} spikes recorded, folds {ordered.Count}";
        }

        for (int k = 0; k < actual.Count; k++)
        {
            if (actual[k] != ordered[k])
            {
                return $"spike {k}: {actual[k]}, folds {ordered[k]}";
            }
        }

        return null;
    }
}

using System.Collections.Immutable;
using LanguageExt;
using NeuroFold.Core.Cells;
using NeuroFold.Core.Models;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Cli.Specs;

/// <summary>A fully validated single-neuron request (<c>simulate</c>, <c>run</c>, a replayed manifest): every default made explicit.</summary>
/// <param name="Preset">The preset the parameters started from.</param>
/// <param name="Model">The scheme and the neuron's parameters.</param>
/// <param name="DtMs">Step size, ms.</param>
/// <param name="TMaxMs">Requested run length, ms (the grid's step count follows the scheme's rule).</param>
/// <param name="Grid">The steps of the run.</param>
/// <param name="Initial">State at t = 0.</param>
/// <param name="Steps">Current steps.</param>
/// <param name="Constant">Constant current, if any.</param>
/// <param name="Compartment">Geometry and capacitance.</param>
/// <param name="OutDir">Output folder.</param>
internal sealed record ResolvedSimulation(
    string Preset,
    SimulationModel Model,
    double DtMs,
    double TMaxMs,
    TimeGrid Grid,
    IzhikevichState Initial,
    ImmutableArray<StepSpec> Steps,
    Option<Amplitude> Constant,
    Compartment Compartment,
    string OutDir)
{
    /// <summary>Which trace rows the run keeps (<c>--record-every</c>, <c>--no-trace</c>).</summary>
    public Recording Recording { get; init; } = Recording.Full;

    /// <summary>Which columns <c>trace.csv</c> holds (<c>--record</c>).</summary>
    public TraceColumns Columns { get; init; } = TraceColumns.Both;

    /// <summary>Whether <c>trace.png</c> and <c>trace.svg</c> are drawn (<c>--no-plot</c> turns them off).</summary>
    public bool Plot { get; init; } = true;

    /// <summary>The scheme's name.</summary>
    public string Scheme => Model.Scheme.Name;

    /// <summary>The neuron's a, b, c, d.</summary>
    public IzhikevichParameters Parameters => Model.Cell;

    /// <summary>The input of every step, in the model's units.</summary>
    public ImmutableArray<double> Input() => Model.Sample(Grid, Compartment, Constant, Steps);

    /// <summary>Runs the fold over <paramref name="input"/> (one value per step), reporting progress to <paramref name="progress"/>.</summary>
    public SimulationResult Run(ReadOnlySpan<double> input, Action<int>? progress) =>
        Model.Run(Initial, Grid, input, Compartment.CapacitanceUfPerCm2, Recording, progress);

    /// <summary>The input as a stimulus, to sample a segment at a time.</summary>
    public Stimulus Stimulus() => Model.Stimulus(Compartment, Constant, Steps);

    /// <summary>Runs steps <paramref name="firstStep"/> … of the fold from <paramref name="state"/> over <paramref name="input"/> (one value per step of the segment).</summary>
    public SimulationResult RunSegment(IzhikevichState state, int firstStep, ReadOnlySpan<double> input, Action<int>? progress) =>
        Model.RunSegment(state, Grid, firstStep, input, Compartment.CapacitanceUfPerCm2, Recording, progress);
}

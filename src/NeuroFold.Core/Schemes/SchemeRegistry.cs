using System.Collections.Immutable;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Models;
using NeuroFold.Core.Populations;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Schemes;

/// <summary>Every scheme by name, with what a caller that picks one at run time needs: grid, single-neuron run, population run.</summary>
/// <remarks>
/// The one place where a scheme's name meets its type. Adding a scheme is its file under <c>Schemes/</c> and one line
/// here. Names are unique within a model: the 2003 model (<see cref="Izhikevich2003"/>) has jaxley, paper, net2003 and
/// euler; the 2007 model of the book (<see cref="Izhikevich2007"/>) has euler, the book's forward Euler.
/// </remarks>
public static class SchemeRegistry
{
    /// <summary>The model name of the 2003 equations (parameters a, b, c, d).</summary>
    public const string Izhikevich2003 = "izhikevich2003";

    /// <summary>The model name of the 2007 equations of "Dynamical Systems in Neuroscience" (C, k, vr, vt, vpeak, a, b, c, d).</summary>
    public const string Izhikevich2007 = "izhikevich2007";

    /// <summary>The schemes of the 2003 model, default first.</summary>
    public static ImmutableArray<CellScheme> Cell { get; } =
    [
        new CellEntry<JaxleyScheme>("Jaxley's Izhikevich channel: exponential-Euler u, forward-Euler v, input after the reset (default)"),
        new CellEntry<PaperScheme>("Izhikevich's figure1.m: forward Euler, v > 30, MATLAB colon time labels, 30 mV recorded at a spike"),
        new CellEntry<Net2003Scheme>("Izhikevich's net.m: reset first, two half steps of v, then u"),
        new CellEntry<ForwardEulerScheme>("NEST's izhikevich (consistent integration): v and u from the old values, then the reset"),
    ];

    /// <summary>The schemes of the 2007 model, default first.</summary>
    public static ImmutableArray<RegisteredScheme<Izhikevich2007Parameters>> Book2007 { get; } =
    [
        new Entry<Izhikevich2007Scheme, Izhikevich2007Parameters>(Izhikevich2007, "the book's forward Euler (izhi2007), with the cells' rules"),
    ];

    /// <summary>The 2003 scheme called <paramref name="name"/> (case-insensitive).</summary>
    public static Option<CellScheme> FindCell(string name) => Find(Cell, name);

    /// <summary>The 2007 scheme called <paramref name="name"/> (case-insensitive).</summary>
    public static Option<RegisteredScheme<Izhikevich2007Parameters>> Find2007(string name) => Find(Book2007, name);

    static Option<T> Find<T>(ImmutableArray<T> schemes, string name)
        where T : RegisteredScheme
    {
        foreach (var s in schemes)
        {
            if (string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return Some(s);
            }
        }

        return None;
    }

    sealed record Entry<TScheme, TParameters>(string ModelName, string Description) : RegisteredScheme<TParameters>
        where TScheme : struct, IScheme<TScheme, TParameters>
        where TParameters : struct
    {
        public override string Name => TScheme.Name;

        public override string Model => ModelName;

        public override string Summary => Description;

        public override TraceConvention Convention => TScheme.Convention;

        public override SimulationResult Run(
            TParameters parameters, IzhikevichState initial, TimeGrid grid, ReadOnlySpan<double> input, double capacitance, Recording recording, Action<int>? progress) =>
            Simulation.Simulation.Run<TScheme, TParameters>(parameters, initial, grid, input, capacitance, recording, progress);

        public override SimulationResult RunSegment(
            TParameters parameters, IzhikevichState state, TimeGrid grid, int firstStep, ReadOnlySpan<double> input, double capacitance, Recording recording, Action<int>? progress) =>
            Simulation.Simulation.RunSegment<TScheme, TParameters>(parameters, state, grid, firstStep, input, capacitance, recording, progress);
    }

    sealed record CellEntry<TScheme>(string Description) : CellScheme
        where TScheme : struct, IScheme<TScheme, IzhikevichParameters>
    {
        public override string Name => TScheme.Name;

        public override string Summary => Description;

        public override string Model => Izhikevich2003;

        public override TraceConvention Convention => TScheme.Convention;

        public override SimulationResult Run(
            IzhikevichParameters parameters, IzhikevichState initial, TimeGrid grid, ReadOnlySpan<double> input, double capacitance, Recording recording, Action<int>? progress) =>
            Simulation.Simulation.Run<TScheme, IzhikevichParameters>(parameters, initial, grid, input, capacitance, recording, progress);

        public override SimulationResult RunSegment(
            IzhikevichParameters parameters, IzhikevichState state, TimeGrid grid, int firstStep, ReadOnlySpan<double> input, double capacitance, Recording recording, Action<int>? progress) =>
            Simulation.Simulation.RunSegment<TScheme, IzhikevichParameters>(parameters, state, grid, firstStep, input, capacitance, recording, progress);

        public override PopulationResult RunPopulation(Population population, TimeGrid grid, double capacitance, PopulationOptions options) =>
            PopulationSimulation.Run<TScheme>(population, grid, capacitance, options);
    }
}

/// <summary>A scheme chosen by name at run time: its name, model, summary and trace convention.</summary>
public abstract record RegisteredScheme
{
    private protected RegisteredScheme()
    {
    }

    /// <summary>The scheme's name (lower case), as on the command line and in manifests.</summary>
    public abstract string Name { get; }

    /// <summary>The model whose equations it integrates (<see cref="SchemeRegistry.Izhikevich2003"/> or <see cref="SchemeRegistry.Izhikevich2007"/>).</summary>
    public abstract string Model { get; }

    /// <summary>One line on what it reproduces.</summary>
    public abstract string Summary { get; }

    /// <summary>How it labels and records a trace.</summary>
    public abstract TraceConvention Convention { get; }

    /// <summary>The grid of a run of <paramref name="tMaxMs"/> at step <paramref name="dtMs"/> with this scheme's time labels and step count.</summary>
    public Validation<Error, TimeGrid> Grid(double dtMs, double tMaxMs) => TimeGrid.Create(Convention.Labels, dtMs, tMaxMs);
}

/// <summary>A scheme chosen by name whose neurons have parameters <typeparamref name="TParameters"/>.</summary>
/// <typeparam name="TParameters">The parameters of one neuron.</typeparam>
public abstract record RegisteredScheme<TParameters> : RegisteredScheme
    where TParameters : struct
{
    private protected RegisteredScheme()
    {
    }

    /// <summary>Runs one neuron through the fold (<see cref="Simulation.Simulation.Run{TScheme, TParameters}"/>).</summary>
    public abstract SimulationResult Run(
        TParameters parameters, IzhikevichState initial, TimeGrid grid, ReadOnlySpan<double> input, double capacitance, Recording recording, Action<int>? progress);

    /// <summary>Runs one segment of a run (<see cref="Simulation.Simulation.RunSegment{TScheme, TParameters}"/>).</summary>
    public abstract SimulationResult RunSegment(
        TParameters parameters, IzhikevichState state, TimeGrid grid, int firstStep, ReadOnlySpan<double> input, double capacitance, Recording recording, Action<int>? progress);
}

/// <summary>A scheme of the 2003 model chosen by name: single neurons and populations.</summary>
public abstract record CellScheme : RegisteredScheme<IzhikevichParameters>
{
    private protected CellScheme()
    {
    }

    /// <summary>Runs a population (<see cref="PopulationSimulation.Run{TScheme}(Population, TimeGrid, double, PopulationOptions)"/>).</summary>
    public abstract PopulationResult RunPopulation(Population population, TimeGrid grid, double capacitance, PopulationOptions options);
}

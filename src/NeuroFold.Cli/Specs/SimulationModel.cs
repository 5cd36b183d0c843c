using System.Collections.Immutable;
using LanguageExt;
using NeuroFold.Core.Cells;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Cli.Specs;

/// <summary>The model a single-neuron request runs: the scheme chosen from the registry, the neuron's parameters and the units of its input.</summary>
internal abstract record SimulationModel
{
    private protected SimulationModel()
    {
    }

    /// <summary>The registry entry of the scheme.</summary>
    public abstract RegisteredScheme Scheme { get; }

    /// <summary>The neuron's a, b, c, d (for titles and the spec; the 2007 model has more).</summary>
    public abstract IzhikevichParameters Cell { get; }

    /// <summary>The spike peak, mV (30 for the 2003 model, the cell's vpeak for the 2007 model).</summary>
    public abstract double PeakMv { get; }

    /// <summary>The unit of the input the scheme's step takes, for labels.</summary>
    public abstract string InputUnit { get; }

    /// <summary>The input a current amplitude gives this model: µA/cm² through the compartment (2003), pA (2007).</summary>
    public abstract double InputOf(Amplitude amplitude, Compartment compartment);

    /// <summary>Runs the fold.</summary>
    public abstract SimulationResult Run(
        IzhikevichState initial, TimeGrid grid, ReadOnlySpan<double> input, double capacitance, Recording recording, Action<int>? progress);

    /// <summary>Runs one segment of the fold (steps <paramref name="firstStep"/> … from <paramref name="state"/>).</summary>
    public abstract SimulationResult RunSegment(
        IzhikevichState state, TimeGrid grid, int firstStep, ReadOnlySpan<double> input, double capacitance, Recording recording, Action<int>? progress);

    /// <summary>The input of every step: the constant current plus the steps, in the model's units.</summary>
    public ImmutableArray<double> Sample(TimeGrid grid, Compartment compartment, Option<Amplitude> constant, IReadOnlyList<StepSpec> steps)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return Stimulus(compartment, constant, steps).Sample(grid);
    }

    /// <summary>The input as a stimulus (the constant current plus the steps, in the model's units), to sample a segment at a time.</summary>
    public Stimulus Stimulus(Compartment compartment, Option<Amplitude> constant, IReadOnlyList<StepSpec> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        // Every value was validated by the resolver; the factories check again and cannot fail here.
        var parts = new List<Stimulus>();
        foreach (var k in constant)
        {
            parts.Add(Valid(ConstantCurrent.Create(InputOf(k, compartment))));
        }

        foreach (var s in steps)
        {
            parts.Add(Valid(StepCurrent.Create(s.DelayMs, s.DurationMs, InputOf(s.Amplitude, compartment))));
        }

        return CompositeStimulus.Of([.. parts]);
    }

    static T Valid<T>(Validation<LanguageExt.Common.Error, T> v) =>
        v.Match(Succ: x => x, Fail: e => throw new InvalidOperationException(Core.Validation.Checks.Describe(e)));

    /// <summary>A neuron of the 2003 model under one of its schemes; inputs are current densities.</summary>
    public sealed record Cell2003(CellScheme Registered, IzhikevichParameters Parameters) : SimulationModel
    {
        /// <inheritdoc />
        public override RegisteredScheme Scheme => Registered;

        /// <inheritdoc />
        public override IzhikevichParameters Cell => Parameters;

        /// <inheritdoc />
        public override double PeakMv => Izhikevich.PeakMv;

        /// <inheritdoc />
        public override string InputUnit => "uA/cm2";

        /// <inheritdoc />
        public override double InputOf(Amplitude amplitude, Compartment compartment) => amplitude.ToDensity(compartment);

        /// <inheritdoc />
        public override SimulationResult Run(
            IzhikevichState initial, TimeGrid grid, ReadOnlySpan<double> input, double capacitance, Recording recording, Action<int>? progress) =>
            Registered.Run(Parameters, initial, grid, input, capacitance, recording, progress);

        /// <inheritdoc />
        public override SimulationResult RunSegment(
            IzhikevichState state, TimeGrid grid, int firstStep, ReadOnlySpan<double> input, double capacitance, Recording recording, Action<int>? progress) =>
            Registered.RunSegment(Parameters, state, grid, firstStep, input, capacitance, recording, progress);
    }

    /// <summary>A cell of the 2007 model; inputs are in pA (a plain number is pA, nA is converted), the compartment plays no part.</summary>
    public sealed record Book2007(RegisteredScheme<Izhikevich2007Parameters> Registered, Izhikevich2007Parameters Parameters) : SimulationModel
    {
        /// <inheritdoc />
        public override RegisteredScheme Scheme => Registered;

        /// <inheritdoc />
        public override IzhikevichParameters Cell => new(Parameters.A, Parameters.B, Parameters.C, Parameters.D);

        /// <inheritdoc />
        public override double PeakMv => Parameters.VPeakMv;

        /// <inheritdoc />
        public override string InputUnit => "pA";

        /// <inheritdoc />
        public override double InputOf(Amplitude amplitude, Compartment compartment) =>
            amplitude.IsNanoamps ? amplitude.Value * 1000.0 : amplitude.Value;

        /// <inheritdoc />
        public override SimulationResult Run(
            IzhikevichState initial, TimeGrid grid, ReadOnlySpan<double> input, double capacitance, Recording recording, Action<int>? progress) =>
            Registered.Run(Parameters, initial, grid, input, capacitance, recording, progress);

        /// <inheritdoc />
        public override SimulationResult RunSegment(
            IzhikevichState state, TimeGrid grid, int firstStep, ReadOnlySpan<double> input, double capacitance, Recording recording, Action<int>? progress) =>
            Registered.RunSegment(Parameters, state, grid, firstStep, input, capacitance, recording, progress);
    }
}

using System.Collections.Immutable;
using LanguageExt;
using NeuroFold.Core.Cells;
using NeuroFold.Core.Models;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Cli.Specs;

/// <summary>A fully validated <c>simulate</c> request: every default made explicit.</summary>
internal sealed record ResolvedSimulation(
    string Preset,
    IzhikevichParameters Parameters,
    TimeGrid Grid,
    IzhikevichState Initial,
    ImmutableArray<StepSpec> Steps,
    Option<Amplitude> Constant,
    Compartment Compartment,
    string Scheme,
    string OutDir)
{
    /// <summary>Which trace rows the run keeps (<c>--record-every</c>, <c>--no-trace</c>).</summary>
    public Recording Recording { get; init; } = Recording.Full;

    /// <summary>Which columns <c>trace.csv</c> holds (<c>--record</c>).</summary>
    public TraceColumns Columns { get; init; } = TraceColumns.Both;

    /// <summary>Whether <c>trace.png</c> and <c>trace.svg</c> are drawn (<c>--no-plot</c> turns them off).</summary>
    public bool Plot { get; init; } = true;

    /// <summary>The input as a pure stimulus value, in µA/cm² on this compartment: the sum of the constant and the steps.</summary>
    public Stimulus Stimulus
    {
        get
        {
            var parts = ImmutableArray.CreateBuilder<Stimulus>();
            foreach (var constant in Constant)
            {
                parts.Add(new ConstantCurrent(constant.ToDensity(Compartment)));
            }

            foreach (var s in Steps)
            {
                parts.Add(new StepCurrent(s.DelayMs, s.DurationMs, s.Amplitude.ToDensity(Compartment)));
            }

            return new CompositeStimulus(parts.ToImmutable());
        }
    }
}

using System.Collections.Immutable;
using NeuroFold.Core;
using NeuroFold.Core.Gradients;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using NeuroFold.IO.Recordings;

namespace NeuroFold.Cli.Fitting;

/// <summary>A model with every quantity named and valued (parameters, initial state, input map): a point of a fit, runnable plain or with derivatives.</summary>
/// <remarks>
/// The names and their order are <see cref="ForwardMode.Variables2003"/> or <see cref="ForwardMode.Variables2007"/>.
/// A recording of n samples is run for n − 1 steps: step k takes the current of sample k, and the state after it
/// (labelled (k+1)·dt) is compared with sample k + 1; sample 0 is the initial state.
/// </remarks>
/// <param name="Model">izhikevich2003 or izhikevich2007.</param>
/// <param name="Scheme">The 2003 scheme (jaxley, euler, net2003); "euler" for the 2007 model.</param>
/// <param name="Rule">The 2007 cell rule.</param>
/// <param name="Names">The quantities' names.</param>
/// <param name="Values">Their values.</param>
internal sealed record ModelPoint(string Model, string Scheme, CellRule2007 Rule, ImmutableArray<string> Names, ImmutableArray<double> Values)
{
    /// <summary>The 2003 membrane capacitance the input enters through, µF/cm².</summary>
    public const double Capacitance2003 = 1.0;

    /// <summary>The default factor of a recorded current (pA) into the 2003 model's µA/cm².</summary>
    public const double DefaultScale2003 = 0.02;

    public bool Is2007 => Model == "izhikevich2007";

    public int IndexOf(string name) => Names.IndexOf(name);

    public double this[string name] => Values[IndexOf(name)];

    public ModelPoint With(int index, double value) => this with { Values = Values.SetItem(index, value) };

    public static TimeGrid Grid(RecordedStimulus stimulus) => TimeGrid.FromSteps(stimulus.DtMs, stimulus.Samples - 1).OrThrow();

    IzhikevichParameters Cell2003 => new IzhikevichParameters(Values[0], Values[1], Values[2], Values[3]);

    Izhikevich2007Parameters Cell2007 =>
        Izhikevich2007Parameters.Create(Values[0], Values[1], Values[2], Values[3], Values[4], Values[5], Values[6], Values[7], Values[8], Rule).OrThrow();

    IzhikevichState Initial => Is2007 ? new IzhikevichState(Values[9], Values[10]) : new IzhikevichState(Values[4], Values[5]);

    double Scale => Values[^2];

    double Offset => Values[^1];

    /// <summary>The plain run on a recording's current (the same values as <see cref="Forward{TSurrogate}"/>, bit for bit).</summary>
    public SimulationResult Plain(RecordedStimulus stimulus) => Plain(stimulus, Recording.Full);

    /// <summary>The plain run, recording as <paramref name="recording"/> says (spikes only when no trace is needed).</summary>
    public SimulationResult Plain(RecordedStimulus stimulus, Recording recording)
    {
        var grid = Grid(stimulus);
        var current = new double[grid.Steps];
        for (int k = 0; k < current.Length; k++)
        {
            current[k] = (stimulus.CurrentPa[k] * Scale) + Offset;
        }

        if (Is2007)
        {
            return Simulation.Run<Izhikevich2007Scheme, Izhikevich2007Parameters>(Cell2007, Initial, grid, current, 0.0, recording);
        }

        return Scheme switch
        {
            "jaxley" => Simulation.Run<JaxleyScheme>(Cell2003, Initial, grid, current, Capacitance2003, recording),
            "euler" => Simulation.Run<ForwardEulerScheme>(Cell2003, Initial, grid, current, Capacitance2003, recording),
            _ => Simulation.Run<Net2003Scheme>(Cell2003, Initial, grid, current, Capacitance2003, recording),
        };
    }

    /// <summary>The run with the derivative of v after every step with respect to every quantity.</summary>
    public Sensitivities Forward<TSurrogate>(RecordedStimulus stimulus)
        where TSurrogate : struct, ISurrogate
    {
        var grid = Grid(stimulus);
        var current = stimulus.CurrentPa.AsSpan()[..grid.Steps];
        return Is2007
            ? ForwardMode.Run2007<TSurrogate>(Cell2007, Initial, Scale, Offset, grid, current)
            : ForwardMode.Run2003<TSurrogate>(Scheme, Cell2003, Initial, Scale, Offset, grid, current, Capacitance2003);
    }

    /// <summary>The reverse-mode gradient of a loss given by its derivative with respect to v after each step.</summary>
    public ReverseGradient Reverse<TSurrogate>(RecordedStimulus stimulus, ReadOnlySpan<double> voltageAdjoint)
        where TSurrogate : struct, ISurrogate
    {
        var grid = Grid(stimulus);
        var current = stimulus.CurrentPa.AsSpan()[..grid.Steps];
        return Is2007
            ? ReverseMode.Run2007<TSurrogate>(Cell2007, Initial, Scale, Offset, grid, current, voltageAdjoint)
            : ReverseMode.Run2003<TSurrogate>(Scheme, Cell2003, Initial, Scale, Offset, grid, current, Capacitance2003, voltageAdjoint);
    }
}

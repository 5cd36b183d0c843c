using System.Collections.Immutable;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Core.Gradients;

/// <summary>Forward-mode derivatives of a single-neuron run: the scheme's one step run on <see cref="Dual{TSurrogate}"/> numbers through the one fold.</summary>
/// <remarks>
/// Every quantity of the model is a variable at once (its own tangent): the parameters, the initial state
/// <c>(v0, u0)</c> and the input map <c>I ↦ scale·I + offset</c>. The values are the plain run's bit for bit
/// (the dual numbers' values are IEEE doubles in the same order); the tangents are the exact derivatives of the discrete
/// map, with the spike's Heaviside step differentiated by the surrogate type argument. docs/GRADIENTS.md.
/// </remarks>
public static class ForwardMode
{
    /// <summary>The variables of a 2003 cell, in tangent order.</summary>
    public static ImmutableArray<string> Variables2003 { get; } = ["a", "b", "c", "d", "v0", "u0", "scale", "offset"];

    /// <summary>The variables of a 2007 cell, in tangent order.</summary>
    public static ImmutableArray<string> Variables2007 { get; } = ["C", "k", "vr", "vt", "vpeak", "a", "b", "c", "d", "v0", "u0", "scale", "offset"];

    /// <summary>A 2003 cell under scheme <paramref name="scheme"/> (<c>jaxley</c>, <c>paper</c>, <c>euler</c> or <c>net2003</c>) on the current <c>scale·I + offset</c>.</summary>
    /// <param name="scheme">The scheme's name.</param>
    /// <param name="parameters">a, b, c, d.</param>
    /// <param name="initial">State at t = 0.</param>
    /// <param name="scale">Factor of <paramref name="current"/> into the scheme's input unit.</param>
    /// <param name="offset">Added after scaling, in the scheme's input unit.</param>
    /// <param name="grid">Step size and number of steps.</param>
    /// <param name="current">The recorded current of each step (at least <c>grid.Steps</c> values).</param>
    /// <param name="capacitance">Membrane capacitance the input enters through, µF/cm².</param>
    public static Sensitivities Run2003<TSurrogate>(
        string scheme, IzhikevichParameters parameters, IzhikevichState initial, double scale, double offset, TimeGrid grid, ReadOnlySpan<double> current, double capacitance)
        where TSurrogate : struct, ISurrogate
    {
        ArgumentNullException.ThrowIfNull(grid);
        var values = Seeds.Values2003(parameters, initial, scale, offset);
        var (a, b, c, d, dt, cm) = Seeds.Cell2003<TSurrogate>(parameters, grid.DtMs, capacitance);
        return scheme switch
        {
            "jaxley" => Run<JaxleyScheme.Constants<Dual<TSurrogate>, bool>, TSurrogate>(JaxleyScheme.Constants<Dual<TSurrogate>, bool>.Prepare(a, b, c, d, dt, cm), JaxleyScheme.Convention, Variables2003, values, 4, grid, current),
            "paper" => Run<PaperScheme.Constants<Dual<TSurrogate>, bool>, TSurrogate>(PaperScheme.Constants<Dual<TSurrogate>, bool>.Prepare(a, b, c, d, dt, cm), PaperScheme.Convention, Variables2003, values, 4, grid, current),
            "euler" => Run<ForwardEulerScheme.Constants<Dual<TSurrogate>, bool>, TSurrogate>(ForwardEulerScheme.Constants<Dual<TSurrogate>, bool>.Prepare(a, b, c, d, dt, cm), ForwardEulerScheme.Convention, Variables2003, values, 4, grid, current),
            "net2003" => Run<Net2003Scheme.Constants<Dual<TSurrogate>, bool>, TSurrogate>(Net2003Scheme.Constants<Dual<TSurrogate>, bool>.Prepare(a, b, c, d, dt, cm), Net2003Scheme.Convention, Variables2003, values, 4, grid, current),
            _ => throw new ArgumentException($"scheme must be one of jaxley, paper, euler, net2003, got '{scheme}'", nameof(scheme)),
        };
    }

    /// <summary>A 2007 cell (forward Euler, <see cref="Izhikevich2007Scheme"/>) on the current <c>scale·I + offset</c> (pA).</summary>
    /// <param name="parameters">C, k, vr, vt, vpeak, a, b, c, d and the cell rule.</param>
    /// <param name="initial">State at t = 0.</param>
    /// <param name="scale">Factor of <paramref name="current"/>.</param>
    /// <param name="offset">Added after scaling, pA.</param>
    /// <param name="grid">Step size and number of steps.</param>
    /// <param name="current">The recorded current of each step (at least <c>grid.Steps</c> values).</param>
    public static Sensitivities Run2007<TSurrogate>(
        Izhikevich2007Parameters parameters, IzhikevichState initial, double scale, double offset, TimeGrid grid, ReadOnlySpan<double> current)
        where TSurrogate : struct, ISurrogate
    {
        ArgumentNullException.ThrowIfNull(grid);
        var p = parameters;
        var values = Seeds.Values2007(p, initial, scale, offset);
        var rule = p.Rule;
        var step = Seeds.Cell2007<TSurrogate>(p, grid.DtMs, new ReadOnlySpan<CellRule2007>(in rule));
        return Run<Izhikevich2007Scheme.Constants<Dual<TSurrogate>, bool>, TSurrogate>(step, Izhikevich2007Scheme.Convention, Variables2007, values, 9, grid, current);
    }

    static Sensitivities Run<TStep, TSurrogate>(
        TStep step, TraceConvention convention, ImmutableArray<string> names, ImmutableArray<double> values, int first, TimeGrid grid, ReadOnlySpan<double> current)
        where TStep : struct, IStep<Dual<TSurrogate>, bool>
        where TSurrogate : struct, ISurrogate
    {
        if (current.Length < grid.Steps)
        {
            throw new ArgumentException($"the current has {current.Length} values for {grid.Steps} steps", nameof(current));
        }

        // first, first + 1: v0, u0; first + 2, first + 3: scale, offset.
        var input = new AffineInput<TStep, Dual<TSurrogate>, bool>(
            step, Dual<TSurrogate>.Variable(values[first + 2], first + 2), Dual<TSurrogate>.Variable(values[first + 3], first + 3));
        var tangents = new double[grid.Steps * names.Length];
        var recorder = new TangentRecorder<TSurrogate>(tangents, names.Length, 0);
        var result = Simulation.Simulation.Fold<AffineInput<TStep, Dual<TSurrogate>, bool>, Dual<TSurrogate>, bool, TangentRecorder<TSurrogate>>(
            input,
            Dual<TSurrogate>.Variable(values[first], first),
            Dual<TSurrogate>.Variable(values[first + 1], first + 1),
            grid,
            current[..grid.Steps],
            Recording.Full,
            convention,
            0,
            null,
            ref recorder);
        return new Sensitivities(result, names, values, ImmutableArray.Create(tangents));
    }
}

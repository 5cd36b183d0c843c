using NeuroFold.Core.Arithmetic;

namespace NeuroFold.Core.Schemes;

/// <summary>One step of a scheme at one arithmetic, with the per-run constants it needs: what folds and kernels call.</summary>
/// <typeparam name="TLane">The arithmetic.</typeparam>
/// <typeparam name="TMask">Its masks.</typeparam>
public interface IStep<TLane, TMask>
    where TLane : struct, ILane<TLane, TMask>
    where TMask : struct
{
    /// <summary>The term a step adds for an input <paramref name="current"/> (µA/cm² for the 2003 schemes, pA for the 2007 model).</summary>
    /// <remarks>Computed from the current alone, so a constant input can be converted once per run and give the same bits.</remarks>
    TLane Input(TLane current);

    /// <summary>Advances <paramref name="v"/> (mV) and <paramref name="u"/> by one step with the input term <paramref name="input"/>.</summary>
    /// <returns>The lanes whose step applied the after-spike reset, lane i as bit i (0 when none did).</returns>
    ulong Step(ref TLane v, ref TLane u, TLane input);
}

/// <summary>A scheme's step that can be prepared from the parameters of <c>TLane.Count</c> neurons.</summary>
/// <typeparam name="TSelf">The step type (the scheme's constants at <typeparamref name="TLane"/>).</typeparam>
/// <typeparam name="TParameters">The scheme's parameters of one neuron.</typeparam>
/// <typeparam name="TLane">The arithmetic.</typeparam>
/// <typeparam name="TMask">Its masks.</typeparam>
public interface IStep<TSelf, TParameters, TLane, TMask> : IStep<TLane, TMask>
    where TSelf : struct, IStep<TSelf, TParameters, TLane, TMask>
    where TParameters : struct
    where TLane : struct, ILane<TLane, TMask>
    where TMask : struct
{
    /// <summary>The constants of one lane per neuron of <paramref name="neurons"/> (exactly <c>TLane.Count</c> of them).</summary>
    /// <param name="neurons">The parameters of each lane.</param>
    /// <param name="dtMs">Step size, ms.</param>
    /// <param name="capacitance">Membrane capacitance through which the input enters (µF/cm² for the 2003 schemes; unused by the 2007 model, whose C is a parameter).</param>
    static abstract TSelf Prepare(ReadOnlySpan<TParameters> neurons, double dtMs, double capacitance);
}

/// <summary>Code that runs with some scheme's step type: what <see cref="IScheme{TSelf, TParameters}.Apply"/> calls.</summary>
/// <typeparam name="TParameters">The parameters the scheme takes.</typeparam>
/// <typeparam name="TResult">What the code returns.</typeparam>
public interface IStepVisitor<TParameters, TResult>
    where TParameters : struct
{
    /// <summary>Runs with the step type <typeparamref name="TStep"/> at arithmetic <typeparamref name="TLane"/>.</summary>
    TResult Visit<TStep, TLane, TMask>()
        where TStep : struct, IStep<TStep, TParameters, TLane, TMask>
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct;
}

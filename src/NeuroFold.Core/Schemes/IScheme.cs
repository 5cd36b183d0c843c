using NeuroFold.Core.Arithmetic;

namespace NeuroFold.Core.Schemes;

/// <summary>A numerical scheme for a model with parameters <typeparamref name="TParameters"/>: a type class, implemented by a struct.</summary>
/// <remarks>
/// <para>
/// A scheme owns three things: its parameter type (what a neuron is), its per-run constants (what a step derives from
/// the parameters, the step size and the capacitance, once), and its step, written once and generic over the
/// arithmetic (<see cref="ILane{TSelf, TMask}"/>). Folds, population kernels and network kernels call the step; none
/// restates it. Schemes are used through generic constraints (<c>where TScheme : struct, IScheme&lt;TScheme, TParameters&gt;</c>),
/// so the JIT specialises every loop and nothing is boxed or called virtually.
/// </para>
/// <para>
/// Changing a scheme's arithmetic is a breaking change: each documents its evaluation order and time labels
/// (docs/NUMERICS.md), and golden hashes of their outputs guard them.
/// </para>
/// </remarks>
/// <typeparam name="TSelf">The scheme.</typeparam>
/// <typeparam name="TParameters">The parameters of one neuron.</typeparam>
public interface IScheme<TSelf, TParameters>
    where TSelf : struct, IScheme<TSelf, TParameters>
    where TParameters : struct
{
    /// <summary>The scheme's name on the command line and in manifests (lower case).</summary>
    static abstract string Name { get; }

    /// <summary>How the published program this scheme reproduces labels and records its trace.</summary>
    static abstract TraceConvention Convention { get; }

    /// <summary>
    /// True when a state that left the finite range can never return to it under this scheme, so a kernel may test
    /// finiteness once, after the run, instead of at every step.
    /// </summary>
    static abstract bool NonFiniteIsAbsorbing { get; }

    /// <summary>Calls <paramref name="visitor"/> with this scheme's step at arithmetic <typeparamref name="TLane"/>.</summary>
    /// <remarks>The one place a scheme names its lane-form constants type: how generic kernels reach a scheme's step at any width.</remarks>
    static abstract TResult Apply<TLane, TMask, TVisitor, TResult>(ref TVisitor visitor)
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
        where TVisitor : IStepVisitor<TParameters, TResult>, allows ref struct;
}

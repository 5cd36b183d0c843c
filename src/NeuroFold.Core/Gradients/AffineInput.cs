using System.Runtime.CompilerServices;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Schemes;

namespace NeuroFold.Core.Gradients;

/// <summary>A step whose input current is first mapped to <c>scale·I + offset</c>: how the input's scale and offset become variables.</summary>
/// <remarks>The scheme's own step and input term are called unchanged on the mapped current; with plain numbers this is the run on the current <c>(I·scale) + offset</c> computed in doubles.</remarks>
/// <typeparam name="TStep">The scheme's step.</typeparam>
/// <typeparam name="TLane">The arithmetic.</typeparam>
/// <typeparam name="TMask">Its masks.</typeparam>
/// <param name="inner">The scheme's prepared step.</param>
/// <param name="scale">Factor of the current (in the scheme's input unit per unit of the recorded current).</param>
/// <param name="offset">Added after scaling, in the scheme's input unit.</param>
public readonly struct AffineInput<TStep, TLane, TMask>(TStep inner, TLane scale, TLane offset) : IStep<TLane, TMask>
    where TStep : struct, IStep<TLane, TMask>
    where TLane : struct, ILane<TLane, TMask>
    where TMask : struct
{
    readonly TStep inner = inner;

    /// <summary>The factor of the current.</summary>
    public TLane Scale { get; } = scale;

    /// <summary>The offset added to the scaled current.</summary>
    public TLane Offset { get; } = offset;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TLane Input(TLane current) => inner.Input((current * Scale) + Offset);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Step(ref TLane v, ref TLane u, TLane input) => inner.Step(ref v, ref u, input);
}

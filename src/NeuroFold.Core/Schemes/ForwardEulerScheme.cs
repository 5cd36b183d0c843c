using System.Runtime.CompilerServices;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;

namespace NeuroFold.Core.Schemes;

/// <summary>Plain forward Euler from the old values, then the reset: NEST's <c>izhikevich</c> with <c>consistent_integration = true</c>.</summary>
/// <remarks>
/// One step of size dt from (v, u) with input I (<c>I = J/C_m</c>, Izhikevich's I):
/// <c>v' = v + dt·(f(v, u) + I)</c> and <c>u' = u + (dt·a)·((b·v) − u)</c>, both from the <b>old</b> (v, u);
/// then if <c>v' ≥ 30</c>: <c>v' = c</c>, <c>u' = u' + d</c> (the step spiked). The state after step k, and a spike
/// of step k, are labelled <c>(k+1)·dt</c>; a trace records v after the reset (c), as NEST's multimeter does.
/// f is evaluated in the shared order of docs/NUMERICS.md (NEST's own source groups the sum differently, so results
/// agree with NEST to rounding, not bit for bit). Source: NEST <c>models/izhikevich.cpp</c>.
/// </remarks>
public readonly struct ForwardEulerScheme : IScheme<ForwardEulerScheme, IzhikevichParameters>
{
    /// <inheritdoc />
    public static string Name => "euler";

    /// <inheritdoc />
    public static TraceConvention Convention => TraceConvention.AfterStep;

    /// <inheritdoc />
    public static bool NonFiniteIsAbsorbing => false;

    /// <summary>The constants of one neuron for the scalar fold.</summary>
    public static Constants<ScalarLane, bool> Prepare(IzhikevichParameters parameters, double dtMs, double capacitanceUfPerCm2) =>
        Constants<ScalarLane, bool>.Prepare(new ReadOnlySpan<IzhikevichParameters>(in parameters), dtMs, capacitanceUfPerCm2);

    /// <inheritdoc />
    public static TResult Apply<TLane, TMask, TVisitor, TResult>(ref TVisitor visitor)
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
        where TVisitor : IStepVisitor<IzhikevichParameters, TResult>, allows ref struct =>
        visitor.Visit<Constants<TLane, TMask>, TLane, TMask>();

    /// <summary>The per-run constants of <see cref="ForwardEulerScheme"/> at arithmetic <typeparamref name="TLane"/>, and its step.</summary>
    /// <typeparam name="TLane">The arithmetic.</typeparam>
    /// <typeparam name="TMask">Its masks.</typeparam>
    public readonly struct Constants<TLane, TMask> : IStep<Constants<TLane, TMask>, IzhikevichParameters, TLane, TMask>
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
    {
        /// <summary>Step size, ms.</summary>
        public TLane DtMs { get; init; }

        /// <summary><c>dt·a</c>, the factor of the u update.</summary>
        public TLane DtA { get; init; }

        /// <summary>Sensitivity b.</summary>
        public TLane B { get; init; }

        /// <summary>Reset c, mV.</summary>
        public TLane C { get; init; }

        /// <summary>Increment d.</summary>
        public TLane D { get; init; }

        /// <summary>Membrane capacitance, µF/cm².</summary>
        public TLane Capacitance { get; init; }

        /// <summary>The constants from parameters given as lanes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Constants<TLane, TMask> Prepare(TLane a, TLane b, TLane c, TLane d, TLane dtMs, TLane capacitance) =>
            new() { DtMs = dtMs, DtA = dtMs * a, B = b, C = c, D = d, Capacitance = capacitance };

        /// <inheritdoc />
        public static Constants<TLane, TMask> Prepare(ReadOnlySpan<IzhikevichParameters> neurons, double dtMs, double capacitance) =>
            Prepare(
                Gather.Lanes<TLane, IzhikevichParameters>(neurons, static p => p.A),
                Gather.Lanes<TLane, IzhikevichParameters>(neurons, static p => p.B),
                Gather.Lanes<TLane, IzhikevichParameters>(neurons, static p => p.C),
                Gather.Lanes<TLane, IzhikevichParameters>(neurons, static p => p.D),
                TLane.Constant(dtMs),
                TLane.Constant(capacitance));

        /// <inheritdoc />
        /// <remarks><c>J/C_m</c>: Izhikevich's I.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TLane Input(TLane current) => current / Capacitance;

        /// <inheritdoc />
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Step(ref TLane v, ref TLane u, TLane input)
        {
            var v1 = v + (DtMs * (Izhikevich.Drive(v, u) + input));
            u = u + (DtA * ((B * v) - u));
            v = v1;
            return Izhikevich.ResetAtOrAbovePeak<TLane, TMask>(ref v, ref u, C, D);
        }
    }
}

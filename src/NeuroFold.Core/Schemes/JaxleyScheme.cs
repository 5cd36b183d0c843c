using System.Runtime.CompilerServices;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;

namespace NeuroFold.Core.Schemes;

/// <summary>The default scheme: Jaxley's <c>Izhikevich</c> channel in a single-compartment <c>jx.Cell</c>, exactly.</summary>
/// <remarks>
/// One step of size dt from (v, u) with input current density J (µA/cm²):
/// <list type="number">
/// <item><c>u' = b·v + (u − b·v)·e</c>, <c>e = exp(min(−dt/τ, 50))</c>, <c>τ = 1/a</c> (exponential Euler with the <b>old</b> v,
/// in the algebraically equal form of Jaxley's <c>u·e + b·v·(1 − e)</c> that has <c>u = b·v</c> as an exact fixed point);</item>
/// <item><c>v' = v + dt·f(v, u')</c> (forward Euler with the <b>new</b> u, no input);</item>
/// <item>if <c>v' ≥ 30</c>: <c>v' = c</c>, <c>u' = u' + d</c> (the step spiked);</item>
/// <item><c>v'' = v' + (dt·J)/C_m</c>: the input enters after the reset, through the membrane capacitance.</item>
/// </list>
/// The state after step k (0-based) is labelled <c>t = (k+1)·dt</c>. Source: Jaxley,
/// <c>jaxley/channels/non_capacitive/izhikevich.py</c> and its voltage solver; docs/NUMERICS.md.
/// </remarks>
public readonly struct JaxleyScheme : IScheme<JaxleyScheme, IzhikevichParameters>
{
    /// <summary>Jaxley's <c>save_exp</c> clips the exponent of the decay factor at 50 (relevant only for a &lt; 0).</summary>
    public const double MaxExponent = 50.0;

    /// <inheritdoc />
    public static string Name => "jaxley";

    /// <inheritdoc />
    public static TraceConvention Convention => TraceConvention.AfterStep;

    /// <inheritdoc />
    /// <remarks>
    /// NaN stays NaN (every update reads the variable it writes); v cannot become +∞ without reaching the threshold and
    /// being reset; v = −∞ makes u NaN on the next step; an infinite u makes v −∞ and then NaN.
    /// </remarks>
    public static bool NonFiniteIsAbsorbing => true;

    /// <summary>The constants of one neuron for the scalar fold.</summary>
    public static Constants<ScalarLane, bool> Prepare(IzhikevichParameters parameters, double dtMs, double capacitanceUfPerCm2) =>
        Constants<ScalarLane, bool>.Prepare(new ReadOnlySpan<IzhikevichParameters>(in parameters), dtMs, capacitanceUfPerCm2);

    /// <inheritdoc />
    public static TResult Apply<TLane, TMask, TVisitor, TResult>(ref TVisitor visitor)
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
        where TVisitor : IStepVisitor<IzhikevichParameters, TResult>, allows ref struct =>
        visitor.Visit<Constants<TLane, TMask>, TLane, TMask>();

    /// <summary>The per-run constants of <see cref="JaxleyScheme"/> at arithmetic <typeparamref name="TLane"/>, and its step.</summary>
    /// <typeparam name="TLane">The arithmetic.</typeparam>
    /// <typeparam name="TMask">Its masks.</typeparam>
    public readonly struct Constants<TLane, TMask> : IStep<Constants<TLane, TMask>, IzhikevichParameters, TLane, TMask>
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
    {
        /// <summary>Sensitivity b.</summary>
        public TLane B { get; init; }

        /// <summary>The exponential-Euler factor <c>e = exp(min(−dt/τ, 50))</c>, <c>τ = 1/a</c>.</summary>
        public TLane Decay { get; init; }

        /// <summary>Reset c, mV.</summary>
        public TLane C { get; init; }

        /// <summary>Increment d.</summary>
        public TLane D { get; init; }

        /// <summary>Step size, ms.</summary>
        public TLane DtMs { get; init; }

        /// <summary>Membrane capacitance, µF/cm².</summary>
        public TLane Capacitance { get; init; }

        /// <summary>The constants from parameters given as lanes (also the way for number types that carry derivatives).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Constants<TLane, TMask> Prepare(TLane a, TLane b, TLane c, TLane d, TLane dtMs, TLane capacitance)
        {
            var tau = TLane.Constant(1.0) / a;
            return new Constants<TLane, TMask>
            {
                B = b,
                Decay = TLane.Exp(TLane.Min(-dtMs / tau, TLane.Constant(MaxExponent))),
                C = c,
                D = d,
                DtMs = dtMs,
                Capacitance = capacitance,
            };
        }

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
        /// <remarks><c>(dt·J)/C_m</c>.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TLane Input(TLane current) => (DtMs * current) / Capacitance;

        /// <inheritdoc />
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Step(ref TLane v, ref TLane u, TLane input)
        {
            ulong spiked = Channel(ref v, ref u);
            v = v + input;
            return spiked;
        }

        /// <summary>Steps 1–3 alone (the channel update, without the input), as Jaxley's channel computes them.</summary>
        /// <remarks>At this level a spike leaves <c>v = c</c> exactly and raises u by exactly d.</remarks>
        /// <returns>The lanes that spiked, lane i as bit i.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Channel(ref TLane v, ref TLane u)
        {
            var bv = B * v;
            u = bv + ((u - bv) * Decay);
            v = v + (DtMs * Izhikevich.Drive(v, u));
            return Izhikevich.ResetAtOrAbovePeak<TLane, TMask>(ref v, ref u, C, D);
        }
    }
}

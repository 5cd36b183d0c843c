using System.Runtime.CompilerServices;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Core.Schemes;

/// <summary>Izhikevich's own MATLAB scheme (<c>figure1.m</c>, 2004; the Fig. 2 classes, 2003), exactly.</summary>
/// <remarks>
/// One step of size τ from (v, u) with input I (<c>I = J/C_m</c>: C_m = 1 leaves Izhikevich's I untouched), for the
/// model variant of <see cref="IzhikevichVariant"/> (a 2003 cell is <see cref="IzhikevichVariant.Standard"/>):
/// <list type="number">
/// <item><c>v ← v + τ·(f(v, u) + I)</c> (forward Euler, <b>old</b> u; f with the variant's <c>k₁, k₀</c>);</item>
/// <item><c>u ← u + (τ·a)·((b·v) − u)</c> (<b>new</b> v, <c>τ·a</c> evaluated first), or for the accommodation variant
/// <c>u ← u + (τ·a)·(b·(v + 65))</c>;</item>
/// <item>if <c>v &gt; 30</c> (strict): the step spiked, <c>v ← c</c>, <c>u ← u + d</c>.</item>
/// </list>
/// Time labels (<see cref="Convention"/>): the step that uses <c>I(t_k)</c> produces the state labelled <c>t_k</c> of
/// MATLAB's <c>0:τ:T</c> (the spike time is t_k), the trace has no row for the initial state (<c>figure1.m</c>'s
/// <c>VV</c>), and at a spike it records 30 mV, not c. Source: Izhikevich (2004) IEEE TNN 15:1063, <c>figure1.m</c>;
/// docs/NUMERICS.md.
/// </remarks>
public readonly struct PaperScheme : IScheme<PaperScheme, IzhikevichParameters>, IScheme<PaperScheme, IzhikevichVariant>
{
    /// <summary>The value <c>figure1.m</c> records at a spike, mV.</summary>
    public const double RecordedPeakMv = 30.0;

    /// <inheritdoc />
    public static string Name => "paper";

    /// <inheritdoc />
    public static TraceConvention Convention => new(TimeLabels.MatlabColon, InitialRow: false, RecordedPeakMv);

    /// <inheritdoc />
    public static bool NonFiniteIsAbsorbing => false;

    /// <summary>The constants of one 2003 cell for the scalar fold.</summary>
    public static Constants<ScalarLane, bool> Prepare(IzhikevichParameters parameters, double tauMs, double capacitanceUfPerCm2) =>
        Prepare(IzhikevichVariant.Standard(parameters), tauMs, capacitanceUfPerCm2);

    /// <summary>The constants of one published model variant for the scalar fold.</summary>
    public static Constants<ScalarLane, bool> Prepare(IzhikevichVariant model, double tauMs, double capacitanceUfPerCm2) =>
        Constants<ScalarLane, bool>.Prepare(new ReadOnlySpan<IzhikevichVariant>(in model), tauMs, capacitanceUfPerCm2);

    /// <inheritdoc />
    static TResult IScheme<PaperScheme, IzhikevichParameters>.Apply<TLane, TMask, TVisitor, TResult>(ref TVisitor visitor) =>
        visitor.Visit<Constants<TLane, TMask>, TLane, TMask>();

    /// <inheritdoc />
    static TResult IScheme<PaperScheme, IzhikevichVariant>.Apply<TLane, TMask, TVisitor, TResult>(ref TVisitor visitor) =>
        visitor.Visit<Constants<TLane, TMask>, TLane, TMask>();

    /// <summary>The per-run constants of <see cref="PaperScheme"/> at arithmetic <typeparamref name="TLane"/>, and its step.</summary>
    /// <typeparam name="TLane">The arithmetic.</typeparam>
    /// <typeparam name="TMask">Its masks.</typeparam>
    public readonly struct Constants<TLane, TMask> :
        IStep<Constants<TLane, TMask>, IzhikevichVariant, TLane, TMask>,
        IStep<Constants<TLane, TMask>, IzhikevichParameters, TLane, TMask>
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
    {
        /// <summary>Step τ, ms.</summary>
        public TLane TauMs { get; init; }

        /// <summary><c>τ·a</c>, the factor of the u update.</summary>
        public TLane TauA { get; init; }

        /// <summary>Sensitivity b.</summary>
        public TLane B { get; init; }

        /// <summary>Reset c, mV.</summary>
        public TLane C { get; init; }

        /// <summary>Increment d.</summary>
        public TLane D { get; init; }

        /// <summary>The linear coefficient k₁ of the drive (5 in the 2003 model).</summary>
        public TLane K1 { get; init; }

        /// <summary>The constant term k₀ of the drive (140 in the 2003 model).</summary>
        public TLane K0 { get; init; }

        /// <summary>The lanes whose u follows the accommodation equation <c>u' = a·b·(v + 65)</c>.</summary>
        public TMask Accommodation { get; init; }

        /// <summary>Membrane capacitance, µF/cm².</summary>
        public TLane Capacitance { get; init; }

        /// <summary>The constants of standard 2003 cells (<c>k₁ = 5</c>, <c>k₀ = 140</c>) from parameters given as lanes (also the way for number types that carry derivatives).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Constants<TLane, TMask> Prepare(TLane a, TLane b, TLane c, TLane d, TLane tauMs, TLane capacitance) =>
            Prepare(a, b, c, d, TLane.Constant(5.0), TLane.Constant(140.0), TLane.None, tauMs, capacitance);

        /// <summary>The constants from parameters given as lanes, with the drive's coefficients and the accommodation lanes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Constants<TLane, TMask> Prepare(TLane a, TLane b, TLane c, TLane d, TLane k1, TLane k0, TMask accommodation, TLane tauMs, TLane capacitance) =>
            new()
            {
                TauMs = tauMs,
                TauA = tauMs * a,
                B = b,
                C = c,
                D = d,
                K1 = k1,
                K0 = k0,
                Accommodation = accommodation,
                Capacitance = capacitance,
            };

        /// <inheritdoc />
        public static Constants<TLane, TMask> Prepare(ReadOnlySpan<IzhikevichVariant> neurons, double dtMs, double capacitance) =>
            Prepare(
                Gather.Lanes<TLane, IzhikevichVariant>(neurons, static m => m.Cell.A),
                Gather.Lanes<TLane, IzhikevichVariant>(neurons, static m => m.Cell.B),
                Gather.Lanes<TLane, IzhikevichVariant>(neurons, static m => m.Cell.C),
                Gather.Lanes<TLane, IzhikevichVariant>(neurons, static m => m.Cell.D),
                Gather.Lanes<TLane, IzhikevichVariant>(neurons, static m => m.LinearCoefficient),
                Gather.Lanes<TLane, IzhikevichVariant>(neurons, static m => m.ConstantTerm),
                Gather.Mask<TLane, TMask, IzhikevichVariant>(neurons, static m => m.Recovery == RecoveryForm.Accommodation),
                TLane.Constant(dtMs),
                TLane.Constant(capacitance));

        /// <inheritdoc />
        public static Constants<TLane, TMask> Prepare(ReadOnlySpan<IzhikevichParameters> neurons, double dtMs, double capacitance)
        {
            Span<IzhikevichVariant> models = stackalloc IzhikevichVariant[neurons.Length];
            for (int i = 0; i < models.Length; i++)
            {
                models[i] = IzhikevichVariant.Standard(neurons[i]);
            }

            return Prepare(models, dtMs, capacitance);
        }

        /// <inheritdoc />
        /// <remarks><c>J/C_m</c>: Izhikevich's I.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TLane Input(TLane current) => current / Capacitance;

        /// <inheritdoc />
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Step(ref TLane v, ref TLane u, TLane input)
        {
            v = v + (TauMs * (Izhikevich.Drive(v, u, K1, K0) + input));
            var recovered = u + (TauA * ((B * v) - u));
            if (TLane.Any(Accommodation))
            {
                recovered = TLane.Select(Accommodation, u + (TauA * (B * (v - TLane.Constant(IzhikevichVariant.AccommodationRestMv)))), recovered);
            }

            u = recovered;
            return Izhikevich.ResetAbovePeak<TLane, TMask>(ref v, ref u, C, D);
        }
    }
}

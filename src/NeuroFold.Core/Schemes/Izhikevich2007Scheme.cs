using System.Runtime.CompilerServices;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;

namespace NeuroFold.Core.Schemes;

/// <summary>The 2007 model of "Dynamical Systems in Neuroscience" stepped by forward Euler, as the book's MATLAB code does.</summary>
/// <remarks>
/// One step of size dt from (v, u) with input I (pA), both updates from the <b>old</b> values, in the book's order:
/// <c>v' = v + (dt·((k·(v − vr))·(v − vt) − u + I))/C</c>, <c>u' = u + (dt·a)·(b·(v − vr) − u)</c>; then
/// <c>v' ≥ vpeak</c> → <c>v' = c</c>, <c>u' = u' + d</c>, with the preset's <see cref="CellRule2007"/>:
/// fast spiking <c>u' = u + (dt·a)·(U(v) − u)</c>, <c>U(v) = 0</c> below vb = −55 mV, else <c>0.025·(v − vb)³</c>,
/// and a spike resets only v; low-threshold spiking peaks at <c>vpeak − 0.1·u'</c> and resets to <c>v = c + 0.04·u'</c>,
/// <c>u = min(u' + d, 670)</c>; thalamo-cortical <c>b = 0</c> when <c>v &gt; −65</c>; reticular thalamic <c>b = 2</c> when
/// <c>v &gt; −65</c>. This is the order of <see cref="ForwardEulerScheme"/> (NEST's <c>consistent_integration</c>) applied
/// to the 2007 model. The state after step k and a spike of step k are labelled <c>(k+1)·dt</c>; the trace keeps v after
/// the reset (the book's code also overwrites the previous sample with vpeak for display; NeuroFold does not rewrite
/// history). Source: Izhikevich (2007), ch. 8, <c>izhi2007</c>; docs/NUMERICS.md.
/// </remarks>
public readonly struct Izhikevich2007Scheme : IScheme<Izhikevich2007Scheme, Izhikevich2007Parameters>
{
    /// <inheritdoc />
    public static string Name => "euler";

    /// <inheritdoc />
    public static TraceConvention Convention => TraceConvention.AfterStep;

    /// <inheritdoc />
    public static bool NonFiniteIsAbsorbing => false;

    /// <summary>The constants of one neuron for the scalar fold (the capacitance is the parameters' C).</summary>
    public static Constants<ScalarLane, bool> Prepare(Izhikevich2007Parameters parameters, double dtMs) =>
        Constants<ScalarLane, bool>.Prepare(new ReadOnlySpan<Izhikevich2007Parameters>(in parameters), dtMs, parameters.CapacitancePf);

    /// <inheritdoc />
    public static TResult Apply<TLane, TMask, TVisitor, TResult>(ref TVisitor visitor)
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
        where TVisitor : IStepVisitor<Izhikevich2007Parameters, TResult>, allows ref struct =>
        visitor.Visit<Constants<TLane, TMask>, TLane, TMask>();

    /// <summary>The per-run constants of <see cref="Izhikevich2007Scheme"/> at arithmetic <typeparamref name="TLane"/>, and its step.</summary>
    /// <typeparam name="TLane">The arithmetic.</typeparam>
    /// <typeparam name="TMask">Its masks.</typeparam>
    public readonly struct Constants<TLane, TMask> : IStep<Constants<TLane, TMask>, Izhikevich2007Parameters, TLane, TMask>
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
    {
        /// <summary>Membrane capacitance C, pF.</summary>
        public TLane CapacitancePf { get; init; }

        /// <summary>Gain k, nS/mV.</summary>
        public TLane K { get; init; }

        /// <summary>Resting potential vr, mV.</summary>
        public TLane VrMv { get; init; }

        /// <summary>Instantaneous threshold vt, mV.</summary>
        public TLane VtMv { get; init; }

        /// <summary>Spike cut-off vpeak, mV.</summary>
        public TLane VPeakMv { get; init; }

        /// <summary><c>dt·a</c>, the factor of the u update.</summary>
        public TLane DtA { get; init; }

        /// <summary>Sensitivity b, nS.</summary>
        public TLane B { get; init; }

        /// <summary>Reset c, mV.</summary>
        public TLane C { get; init; }

        /// <summary>Increment d, pA.</summary>
        public TLane D { get; init; }

        /// <summary>Step size, ms.</summary>
        public TLane DtMs { get; init; }

        /// <summary>Lanes of fast-spiking cells.</summary>
        public TMask FastSpiking { get; init; }

        /// <summary>Lanes of low-threshold spiking cells.</summary>
        public TMask LowThreshold { get; init; }

        /// <summary>Lanes of thalamo-cortical relay cells.</summary>
        public TMask ThalamoCortical { get; init; }

        /// <summary>Lanes of reticular thalamic cells.</summary>
        public TMask Reticular { get; init; }

        /// <summary>The constants from parameters given as lanes (also the way for number types that carry derivatives), with each lane's cell rule.</summary>
        /// <param name="capacitancePf">C, pF.</param>
        /// <param name="k">k, nS/mV.</param>
        /// <param name="vrMv">vr, mV.</param>
        /// <param name="vtMv">vt, mV.</param>
        /// <param name="vPeakMv">vpeak, mV.</param>
        /// <param name="a">a, 1/ms.</param>
        /// <param name="b">b, nS.</param>
        /// <param name="c">c, mV.</param>
        /// <param name="d">d, pA.</param>
        /// <param name="dtMs">Step size, ms.</param>
        /// <param name="rules">The cell rule of each lane (<c>TLane.Count</c> of them).</param>
        public static Constants<TLane, TMask> Prepare(
            TLane capacitancePf, TLane k, TLane vrMv, TLane vtMv, TLane vPeakMv, TLane a, TLane b, TLane c, TLane d, TLane dtMs, ReadOnlySpan<CellRule2007> rules) =>
            new()
            {
                CapacitancePf = capacitancePf,
                K = k,
                VrMv = vrMv,
                VtMv = vtMv,
                VPeakMv = vPeakMv,
                DtA = dtMs * a,
                B = b,
                C = c,
                D = d,
                DtMs = dtMs,
                FastSpiking = Gather.Mask<TLane, TMask, CellRule2007>(rules, static r => r == CellRule2007.FastSpiking),
                LowThreshold = Gather.Mask<TLane, TMask, CellRule2007>(rules, static r => r == CellRule2007.LowThresholdSpiking),
                ThalamoCortical = Gather.Mask<TLane, TMask, CellRule2007>(rules, static r => r == CellRule2007.ThalamoCortical),
                Reticular = Gather.Mask<TLane, TMask, CellRule2007>(rules, static r => r == CellRule2007.ReticularThalamic),
            };

        /// <inheritdoc />
        /// <remarks><paramref name="capacitance"/> is ignored: the 2007 model's C is the parameters' <see cref="Izhikevich2007Parameters.CapacitancePf"/>.</remarks>
        public static Constants<TLane, TMask> Prepare(ReadOnlySpan<Izhikevich2007Parameters> neurons, double dtMs, double capacitance)
        {
            Span<CellRule2007> rules = stackalloc CellRule2007[neurons.Length];
            for (int i = 0; i < rules.Length; i++)
            {
                rules[i] = neurons[i].Rule;
            }

            return Prepare(
                Gather.Lanes<TLane, Izhikevich2007Parameters>(neurons, static p => p.CapacitancePf),
                Gather.Lanes<TLane, Izhikevich2007Parameters>(neurons, static p => p.K),
                Gather.Lanes<TLane, Izhikevich2007Parameters>(neurons, static p => p.VrMv),
                Gather.Lanes<TLane, Izhikevich2007Parameters>(neurons, static p => p.VtMv),
                Gather.Lanes<TLane, Izhikevich2007Parameters>(neurons, static p => p.VPeakMv),
                Gather.Lanes<TLane, Izhikevich2007Parameters>(neurons, static p => p.A),
                Gather.Lanes<TLane, Izhikevich2007Parameters>(neurons, static p => p.B),
                Gather.Lanes<TLane, Izhikevich2007Parameters>(neurons, static p => p.C),
                Gather.Lanes<TLane, Izhikevich2007Parameters>(neurons, static p => p.D),
                TLane.Constant(dtMs),
                rules);
        }

        /// <inheritdoc />
        /// <remarks>The current in pA, as it is: the 2007 model adds I before dividing by C.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TLane Input(TLane current) => current;

        /// <inheritdoc />
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Step(ref TLane v, ref TLane u, TLane input)
        {
            var v0 = v;
            var u0 = u;
            var v1 = v0 + ((DtMs * ((((K * (v0 - VrMv)) * (v0 - VtMv)) - u0) + input)) / CapacitancePf);

            // The recovery target b(v − vr), with the thalamic cells' switch of b and the fast-spiking cell's U(v).
            var depolarised = TLane.GreaterThan(v0, TLane.Constant(Izhikevich2007.ThalamicSwitchMv));
            var b = TLane.Select(TLane.And(ThalamoCortical, depolarised), TLane.Constant(0.0), B);
            b = TLane.Select(TLane.And(Reticular, depolarised), TLane.Constant(Izhikevich2007.ReticularSwitchedB), b);
            var target = b * (v0 - VrMv);
            if (TLane.Any(FastSpiking))
            {
                var x = v0 - TLane.Constant(Izhikevich2007.FastSpikingVbMv);
                var cubic = TLane.Constant(0.025) * ((x * x) * x);
                var below = TLane.LessThan(v0, TLane.Constant(Izhikevich2007.FastSpikingVbMv));
                target = TLane.Select(FastSpiking, TLane.Select(below, TLane.Constant(0.0), cubic), target);
            }

            var u1 = u0 + (DtA * (target - u0));

            // The peak and the reset, with the low-threshold cell's moving peak and capped u, and the fast-spiking cell's v-only reset.
            var peak = TLane.Any(LowThreshold) ? TLane.Select(LowThreshold, VPeakMv - (TLane.Constant(0.1) * u1), VPeakMv) : VPeakMv;
            ulong bits = 0;
            if (TLane.SeesThreshold || TLane.AnyGreaterThanOrEqual(v1, peak))
            {
                var spiked = TLane.GreaterThanOrEqual(v1, peak);
                var overshoot = v1 - peak;
                var vReset = TLane.Select(LowThreshold, C + (TLane.Constant(0.04) * u1), C);
                var uReset = TLane.Select(
                    LowThreshold,
                    TLane.Min(u1 + D, TLane.Constant(Izhikevich2007.LowThresholdUMax)),
                    TLane.Select(FastSpiking, u1, u1 + D));
                v1 = TLane.SelectSpike(spiked, overshoot, vReset, v1);
                u1 = TLane.SelectSpike(spiked, overshoot, uReset, u1);
                bits = TLane.Bits(spiked);
            }

            v = v1;
            u = u1;
            return bits;
        }
    }
}

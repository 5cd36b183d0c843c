using System.Runtime.CompilerServices;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;

namespace NeuroFold.Core.Tests.Populations;

/// <summary>A scheme defined outside the core, in this one file: forward Euler from the old values, then the reset at v ≥ 30.</summary>
/// <remarks>
/// Adding a scheme touches one file: its parameters' constants, its step written once over <see cref="ILane{TSelf, TMask}"/>,
/// and <see cref="Apply"/>. With that, the scalar fold, the population kernel at every vector width and the testing kit
/// run it with no further code. Its step evaluates the input inside the step (<c>dt·(f + J/C)</c>), where
/// <see cref="ForwardEulerScheme"/> converts it once in <c>Input</c>; both orders give the same numbers.
/// </remarks>
public readonly struct TestEulerScheme : IScheme<TestEulerScheme, IzhikevichParameters>
{
    /// <inheritdoc />
    public static string Name => "test-euler";

    /// <inheritdoc />
    public static TraceConvention Convention => TraceConvention.AfterStep;

    /// <inheritdoc />
    public static bool NonFiniteIsAbsorbing => false;

    /// <inheritdoc />
    public static TResult Apply<TLane, TMask, TVisitor, TResult>(ref TVisitor visitor)
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
        where TVisitor : IStepVisitor<IzhikevichParameters, TResult>, allows ref struct =>
        visitor.Visit<Constants<TLane, TMask>, TLane, TMask>();

    /// <summary>The per-run constants and the step, at arithmetic <typeparamref name="TLane"/>.</summary>
    public readonly struct Constants<TLane, TMask> : IStep<Constants<TLane, TMask>, IzhikevichParameters, TLane, TMask>
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct
    {
        TLane DtMs { get; init; }

        TLane DtA { get; init; }

        TLane B { get; init; }

        TLane C { get; init; }

        TLane D { get; init; }

        TLane Capacitance { get; init; }

        /// <inheritdoc />
        public static Constants<TLane, TMask> Prepare(ReadOnlySpan<IzhikevichParameters> neurons, double dtMs, double capacitance)
        {
            Span<double> a = stackalloc double[TLane.Count];
            Span<double> b = stackalloc double[TLane.Count];
            Span<double> c = stackalloc double[TLane.Count];
            Span<double> d = stackalloc double[TLane.Count];
            for (int i = 0; i < TLane.Count; i++)
            {
                (a[i], b[i], c[i], d[i]) = (neurons[i].A, neurons[i].B, neurons[i].C, neurons[i].D);
            }

            var dt = TLane.Constant(dtMs);
            return new Constants<TLane, TMask>
            {
                DtMs = dt,
                DtA = dt * TLane.Load(a, 0),
                B = TLane.Load(b, 0),
                C = TLane.Load(c, 0),
                D = TLane.Load(d, 0),
                Capacitance = TLane.Constant(capacitance),
            };
        }

        /// <inheritdoc />
        /// <remarks>The current as it is: this scheme divides by C inside the step.</remarks>
        public TLane Input(TLane current) => current;

        /// <inheritdoc />
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ulong Step(ref TLane v, ref TLane u, TLane input)
        {
            var v1 = v + (DtMs * (Izhikevich.Drive(v, u) + (input / Capacitance)));
            u = u + (DtA * ((B * v) - u));
            v = v1;
            var peak = TLane.Constant(Izhikevich.PeakMv);
            if (!TLane.AnyGreaterThanOrEqual(v, peak))
            {
                return 0;
            }

            var spiked = TLane.GreaterThanOrEqual(v, peak);
            v = TLane.Select(spiked, C, v);
            u = TLane.Select(spiked, u + D, u);
            return TLane.Bits(spiked);
        }
    }
}

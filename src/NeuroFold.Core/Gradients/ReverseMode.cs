using System.Collections.Immutable;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Core.Gradients;

/// <summary>Reverse-mode gradients of a loss of the trace (the adjoint of the fold), with checkpoints: memory O(√T) states.</summary>
/// <remarks>
/// <para>
/// The loss is given by its derivative <c>a_k = ∂L/∂v_k</c> with respect to v after each step k. A first pass runs the
/// plain fold and keeps the state every S = ⌈√T⌉ steps. The backward pass takes the segments last to first: it re-runs a
/// segment's plain fold from its checkpoint (keeping its S states), then for each step k, last to first, evaluates the
/// scheme's one step once on dual numbers seeded at (v_{k−1}, u_{k−1}), the parameters and the input map: its tangents
/// are the step's local Jacobian. With the adjoint <c>λ_k = ∂L/∂(v_k, u_k)</c>: <c>∂L/∂θ += λ_k·∂F/∂θ</c>,
/// <c>∂L/∂I_k = λ_k·∂F/∂offset·scale</c>, <c>λ_{k−1} = λ_k·∂F/∂(v, u) + (a_{k−1}, 0)</c>; <c>λ_{−1}</c> is the
/// gradient with respect to (v0, u0).
/// </para>
/// <para>
/// The result equals forward mode's <see cref="Sensitivities.Gradient"/> up to the order of the sums (the same local
/// derivatives, accumulated in the other direction), plus every ∂L/∂I_k, which forward mode would need T tangents for.
/// </para>
/// </remarks>
public static class ReverseMode
{
    /// <summary>A 2003 cell (schemes as <see cref="ForwardMode.Run2003"/>).</summary>
    /// <param name="scheme">jaxley, paper, euler or net2003.</param>
    /// <param name="parameters">a, b, c, d.</param>
    /// <param name="initial">State at t = 0.</param>
    /// <param name="scale">Factor of <paramref name="current"/> into the scheme's input unit.</param>
    /// <param name="offset">Added after scaling.</param>
    /// <param name="grid">Step size and number of steps.</param>
    /// <param name="current">The recorded current of each step.</param>
    /// <param name="capacitance">Membrane capacitance, µF/cm².</param>
    /// <param name="voltageAdjoint">∂L/∂v_k for each step k (<c>grid.Steps</c> values).</param>
    /// <param name="segment">Steps per checkpoint segment (0: ⌈√T⌉).</param>
    public static ReverseGradient Run2003<TSurrogate>(
        string scheme, IzhikevichParameters parameters, IzhikevichState initial, double scale, double offset, TimeGrid grid, ReadOnlySpan<double> current, double capacitance,
        ReadOnlySpan<double> voltageAdjoint, int segment = 0)
        where TSurrogate : struct, ISurrogate
    {
        ArgumentNullException.ThrowIfNull(grid);
        var values = Seeds.Values2003(parameters, initial, scale, offset);
        var (a, b, c, d, dt, cm) = Seeds.Cell2003<TSurrogate>(parameters, grid.DtMs, capacitance);
        ScalarLane sa = parameters.A, sb = parameters.B, sc = parameters.C, sd = parameters.D, sdt = grid.DtMs, scm = capacitance;
        return scheme switch
        {
            "jaxley" => Run<JaxleyScheme.Constants<ScalarLane, bool>, JaxleyScheme.Constants<Dual<TSurrogate>, bool>, TSurrogate>(
                JaxleyScheme.Constants<ScalarLane, bool>.Prepare(sa, sb, sc, sd, sdt, scm), JaxleyScheme.Constants<Dual<TSurrogate>, bool>.Prepare(a, b, c, d, dt, cm),
                JaxleyScheme.Convention, ForwardMode.Variables2003, values, 4, grid, current, voltageAdjoint, segment),
            "paper" => Run<PaperScheme.Constants<ScalarLane, bool>, PaperScheme.Constants<Dual<TSurrogate>, bool>, TSurrogate>(
                PaperScheme.Constants<ScalarLane, bool>.Prepare(sa, sb, sc, sd, sdt, scm), PaperScheme.Constants<Dual<TSurrogate>, bool>.Prepare(a, b, c, d, dt, cm),
                PaperScheme.Convention, ForwardMode.Variables2003, values, 4, grid, current, voltageAdjoint, segment),
            "euler" => Run<ForwardEulerScheme.Constants<ScalarLane, bool>, ForwardEulerScheme.Constants<Dual<TSurrogate>, bool>, TSurrogate>(
                ForwardEulerScheme.Constants<ScalarLane, bool>.Prepare(sa, sb, sc, sd, sdt, scm), ForwardEulerScheme.Constants<Dual<TSurrogate>, bool>.Prepare(a, b, c, d, dt, cm),
                ForwardEulerScheme.Convention, ForwardMode.Variables2003, values, 4, grid, current, voltageAdjoint, segment),
            "net2003" => Run<Net2003Scheme.Constants<ScalarLane, bool>, Net2003Scheme.Constants<Dual<TSurrogate>, bool>, TSurrogate>(
                Net2003Scheme.Constants<ScalarLane, bool>.Prepare(sa, sb, sc, sd, sdt, scm), Net2003Scheme.Constants<Dual<TSurrogate>, bool>.Prepare(a, b, c, d, dt, cm),
                Net2003Scheme.Convention, ForwardMode.Variables2003, values, 4, grid, current, voltageAdjoint, segment),
            _ => throw new ArgumentException($"scheme must be one of jaxley, paper, euler, net2003, got '{scheme}'", nameof(scheme)),
        };
    }

    /// <summary>A 2007 cell (as <see cref="ForwardMode.Run2007"/>).</summary>
    /// <param name="parameters">C, k, vr, vt, vpeak, a, b, c, d and the cell rule.</param>
    /// <param name="initial">State at t = 0.</param>
    /// <param name="scale">Factor of <paramref name="current"/> into the scheme's input unit.</param>
    /// <param name="offset">Added after scaling.</param>
    /// <param name="grid">Step size and number of steps.</param>
    /// <param name="current">The recorded current of each step.</param>
    /// <param name="voltageAdjoint">∂L/∂v_k for each step k (<c>grid.Steps</c> values).</param>
    /// <param name="segment">Steps per checkpoint segment (0: ⌈√T⌉).</param>
    public static ReverseGradient Run2007<TSurrogate>(
        Izhikevich2007Parameters parameters, IzhikevichState initial, double scale, double offset, TimeGrid grid, ReadOnlySpan<double> current, ReadOnlySpan<double> voltageAdjoint, int segment = 0)
        where TSurrogate : struct, ISurrogate
    {
        ArgumentNullException.ThrowIfNull(grid);
        var p = parameters;
        var values = Seeds.Values2007(p, initial, scale, offset);
        var rule = p.Rule;
        var rules = new ReadOnlySpan<CellRule2007>(in rule);
        var dual = Seeds.Cell2007<TSurrogate>(p, grid.DtMs, rules);
        var plain = Izhikevich2007Scheme.Constants<ScalarLane, bool>.Prepare(
            p.CapacitancePf, p.K, p.VrMv, p.VtMv, p.VPeakMv, p.A, p.B, p.C, p.D, grid.DtMs, rules);
        return Run<Izhikevich2007Scheme.Constants<ScalarLane, bool>, Izhikevich2007Scheme.Constants<Dual<TSurrogate>, bool>, TSurrogate>(
            plain, dual, Izhikevich2007Scheme.Convention, ForwardMode.Variables2007, values, 9, grid, current, voltageAdjoint, segment);
    }

    static ReverseGradient Run<TPlain, TDual, TSurrogate>(
        TPlain plainStep, TDual dualStep, TraceConvention convention, ImmutableArray<string> names, ImmutableArray<double> values, int first, TimeGrid grid,
        ReadOnlySpan<double> current, ReadOnlySpan<double> voltageAdjoint, int segment)
        where TPlain : struct, IStep<ScalarLane, bool>
        where TDual : struct, IStep<Dual<TSurrogate>, bool>
        where TSurrogate : struct, ISurrogate
    {
        int steps = grid.Steps;
        if (current.Length < steps || voltageAdjoint.Length != steps)
        {
            throw new ArgumentException($"{current.Length} currents and {voltageAdjoint.Length} adjoint values for {steps} steps", nameof(voltageAdjoint));
        }

        int s = segment > 0 ? segment : Math.Max(1, (int)Math.Ceiling(Math.Sqrt(steps)));
        int segments = (steps + s - 1) / s;
        int iv = first, iu = first + 1, iScale = first + 2, iOffset = first + 3;
        double scale = values[iScale], offset = values[iOffset];
        var plain = new AffineInput<TPlain, ScalarLane, bool>(plainStep, scale, offset);
        var dual = new AffineInput<TDual, Dual<TSurrogate>, bool>(dualStep, Dual<TSurrogate>.Variable(scale, iScale), Dual<TSurrogate>.Variable(offset, iOffset));

        // Checkpoints: the state before each segment (checkpoint i = state after step i·s − 1; 0 = the initial state).
        var cv = new double[segments + 1];
        var cu = new double[segments + 1];
        cv[0] = values[iv];
        cu[0] = values[iu];
        var checkpoints = new StateRecorder(cv, cu, 0, s);
        Simulation.Simulation.Fold<AffineInput<TPlain, ScalarLane, bool>, ScalarLane, bool, StateRecorder>(
            plain, cv[0], cu[0], grid, current[..steps], Recording.SpikesOnly, convention, 0, null, ref checkpoints);

        var gradient = new double[names.Length];
        var inputGradient = new double[steps];
        var sv = new double[s + 1];
        var su = new double[s + 1];
        double lv = 0, lu = 0;
        int n = names.Length;
        Span<double> tv = stackalloc double[Dual<TSurrogate>.MaxTangents];
        Span<double> tu = stackalloc double[Dual<TSurrogate>.MaxTangents];
        for (int g = segments - 1; g >= 0; g--)
        {
            int start = g * s, count = Math.Min(s, steps - start);
            sv[0] = cv[g];
            su[0] = cu[g];
            var states = new StateRecorder(sv, su, start, 1);
            Simulation.Simulation.Fold<AffineInput<TPlain, ScalarLane, bool>, ScalarLane, bool, StateRecorder>(
                plain, sv[0], su[0], grid, current.Slice(start, count), Recording.SpikesOnly, convention, start, null, ref states);
            for (int i = count - 1; i >= 0; i--)
            {
                int k = start + i;
                lv += voltageAdjoint[k];
                var v = Dual<TSurrogate>.Variable(sv[i], iv);
                var u = Dual<TSurrogate>.Variable(su[i], iu);
                dual.Step(ref v, ref u, dual.Input(Dual<TSurrogate>.Constant(current[k])));
                v.CopyTangents(tv);
                u.CopyTangents(tu);
                for (int j = 0; j < n; j++)
                {
                    gradient[j] += (lv * tv[j]) + (lu * tu[j]);
                }

                inputGradient[k] = ((lv * tv[iOffset]) + (lu * tu[iOffset])) * scale;
                double nv = (lv * tv[iv]) + (lu * tu[iv]);
                double nu = (lv * tv[iu]) + (lu * tu[iu]);
                lv = nv;
                lu = nu;
            }
        }

        gradient[iv] = lv;
        gradient[iu] = lu;
        return new ReverseGradient(names, ImmutableArray.Create(gradient), ImmutableArray.Create(inputGradient), (segments + 1) + (s + 1));
    }
}

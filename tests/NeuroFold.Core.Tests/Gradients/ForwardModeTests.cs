using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Gradients;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using NeuroFold.Core.Tests.Generators;

namespace NeuroFold.Core.Tests.Gradients;

/// <summary>Forward mode: the dual-number run gives the plain fold's values bit for bit, and derivatives that agree with finite differences.</summary>
public class ForwardModeTests
{
    static readonly string[] Schemes2003 = ["jaxley", "paper", "euler", "net2003"];

    /// <summary>A 2003 case: scheme, parameters, initial state, step, a fluctuating current and the input map.</summary>
    public sealed record Case2003(string Scheme, IzhikevichParameters P, IzhikevichState S, double Dt, double[] Current, double Scale, double Offset)
    {
        public override string ToString() => $"{Scheme} {P} {S} dt={Dt} n={Current.Length} scale={Scale} offset={Offset}";
    }

    static Gen<Case2003> Cases2003 =>
        from scheme in Gen.Elements(Schemes2003)
        from p in SchemeGens.Parameters
        from s in SchemeGens.State
        from dt in Gen.Elements(0.025, 0.1, 0.2, 0.5)
        from current in Gen.Choose(1, 400).SelectMany(n => Gen.ArrayOf(SchemeGens.Range(-5, 30), n))
        from scale in SchemeGens.Range(0.5, 1.5)
        from offset in SchemeGens.Range(-3, 3)
        select new Case2003(scheme, p, s, scheme == "net2003" ? 1.0 : dt, current, scale, offset);

    static TimeGrid Grid(string scheme, double dt, int steps) =>
        scheme == "paper" ? TimeGrid.MatlabColon(dt, dt * (steps - 1)).OrThrow() : TimeGrid.FromSteps(dt, steps).OrThrow();

    static double[] Mapped(ReadOnlySpan<double> current, double scale, double offset)
    {
        var mapped = new double[current.Length];
        for (int k = 0; k < mapped.Length; k++)
        {
            mapped[k] = (current[k] * scale) + offset;
        }

        return mapped;
    }

    static SimulationResult Plain(Case2003 c, TimeGrid grid, double[] current, double scale, double offset) =>
        c.Scheme switch
        {
            "jaxley" => Simulation.Simulation.Run<JaxleyScheme>(c.P, c.S, grid, Mapped(current, scale, offset).AsSpan(0, grid.Steps), 1.0, Recording.Full),
            "paper" => Simulation.Simulation.Run<PaperScheme>(c.P, c.S, grid, Mapped(current, scale, offset).AsSpan(0, grid.Steps), 1.0, Recording.Full),
            "euler" => Simulation.Simulation.Run<ForwardEulerScheme>(c.P, c.S, grid, Mapped(current, scale, offset).AsSpan(0, grid.Steps), 1.0, Recording.Full),
            _ => Simulation.Simulation.Run<Net2003Scheme>(c.P, c.S, grid, Mapped(current, scale, offset).AsSpan(0, grid.Steps), 1.0, Recording.Full),
        };

    static Sensitivities Forward<TSurrogate>(Case2003 c, TimeGrid grid)
        where TSurrogate : struct, ISurrogate =>
        ForwardMode.Run2003<TSurrogate>(c.Scheme, c.P, c.S, c.Scale, c.Offset, grid, c.Current, 1.0);

    static bool SameBits(SimulationResult a, SimulationResult b)
    {
        if (a.Trace.VMv.Length != b.Trace.VMv.Length || !a.Spikes.Steps.SequenceEqual(b.Spikes.Steps) || a.Status != b.Status)
        {
            return false;
        }

        for (int i = 0; i < a.Trace.VMv.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(a.Trace.VMv[i]) != BitConverter.DoubleToInt64Bits(b.Trace.VMv[i])
                || BitConverter.DoubleToInt64Bits(a.Trace.U[i]) != BitConverter.DoubleToInt64Bits(b.Trace.U[i])
                || BitConverter.DoubleToInt64Bits(a.Trace.TimeMs[i]) != BitConverter.DoubleToInt64Bits(b.Trace.TimeMs[i]))
            {
                return false;
            }
        }

        return BitConverter.DoubleToInt64Bits(a.Final.V) == BitConverter.DoubleToInt64Bits(b.Final.V)
            && BitConverter.DoubleToInt64Bits(a.Final.U) == BitConverter.DoubleToInt64Bits(b.Final.U);
    }

    /// <summary>Every scheme, every surrogate: the values of the dual-number run are the plain fold's, bit for bit (trace, spikes, status, final state).</summary>
    /// <summary>CopyTangents (what the recorders and reverse mode read) gives every tangent as Tangent(i) does, after arithmetic that mixes them.</summary>
    [Property(MaxTest = 300)]
    public Property CopyTangents_gives_each_tangent() =>
        Prop.ForAll(Gen.Choose(0, 255).ToArbitrary(), SchemeGens.Range(-50, 50).ToArbitrary(), SchemeGens.Range(0.1, 5).ToArbitrary(), (ij, x, y) =>
        {
            int i = ij & 15, j = ij >> 4;
            var a = NeuroFold.Core.Arithmetic.Dual<JaxleySurrogate>.Variable(x, i);
            var b = NeuroFold.Core.Arithmetic.Dual<JaxleySurrogate>.Variable(y, j);
            var z = (a * b) + (a / b) - NeuroFold.Core.Arithmetic.Dual<JaxleySurrogate>.Exp(b);
            Span<double> all = stackalloc double[NeuroFold.Core.Arithmetic.Dual<JaxleySurrogate>.MaxTangents];
            z.CopyTangents(all);
            bool same = true;
            for (int k = 0; k < all.Length; k++)
            {
                same &= BitConverter.DoubleToInt64Bits(all[k]) == BitConverter.DoubleToInt64Bits(z.Tangent(k));
            }

            return same;
        });

    [Property(MaxTest = 200)]
    public Property Values_are_the_plain_folds_bit_for_bit_for_every_surrogate() =>
        Prop.ForAll(Cases2003.ToArbitrary(), c =>
        {
            var grid = Grid(c.Scheme, c.Dt, c.Current.Length);
            var plain = Plain(c, grid, c.Current, c.Scale, c.Offset);
            return SameBits(plain, Forward<NoSurrogate>(c, grid).Run)
                && SameBits(plain, Forward<JaxleySurrogate>(c, grid).Run)
                && SameBits(plain, Forward<SuperSpikeSurrogate>(c, grid).Run)
                && SameBits(plain, Forward<SigmoidSurrogate>(c, grid).Run);
        });

    /// <summary>The 2007 model, every preset (every cell rule), every surrogate: values bit for bit.</summary>
    [Property(MaxTest = 100)]
    public Property Values_of_the_2007_model_are_the_plain_folds_bit_for_bit() =>
        Prop.ForAll(
            Gen.Choose(0, Presets2007.All.Length - 1).ToArbitrary(),
            Gen.Choose(1, 2000).SelectMany(n => Gen.ArrayOf(SchemeGens.Range(-100, 600), n)).ToArbitrary(),
            (preset, current) =>
            {
                var p = Presets2007.All[preset].Parameters;
                var s = new IzhikevichState(p.VrMv, 0.0);
                var grid = TimeGrid.FromSteps(0.1, current.Length).OrThrow();
                var plain = Simulation.Simulation.Run<Izhikevich2007Scheme, Izhikevich2007Parameters>(p, s, grid, Mapped(current, 1.0, 0.0), 0.0, Recording.Full);
                return SameBits(plain, ForwardMode.Run2007<NoSurrogate>(p, s, 1.0, 0.0, grid, current).Run)
                    && SameBits(plain, ForwardMode.Run2007<JaxleySurrogate>(p, s, 1.0, 0.0, grid, current).Run)
                    && SameBits(plain, ForwardMode.Run2007<SuperSpikeSurrogate>(p, s, 1.0, 0.0, grid, current).Run)
                    && SameBits(plain, ForwardMode.Run2007<SigmoidSurrogate>(p, s, 1.0, 0.0, grid, current).Run);
            });

    /// <summary>
    /// Exact derivatives of the discrete map (no surrogate) of the final v against central differences of the plain run,
    /// where neither perturbed run changes a spike step. Tolerance: |fd − exact| ≤ 1e-4·(1 + |exact|) for the best of
    /// the steps h = 1e-4 … 1e-9·(1 + |θ|) or their Richardson extrapolations (checked where two neighbouring steps keep the spikes): a central difference has truncation error O(h²·v''') and rounding error
    /// O(ε·κ/h), κ the run's amplification of a perturbation (so no single h suits every case); derivatives above 1e4 (a state next to a threshold crossing) cannot be checked this way and are skipped,
    /// and so is a variable whose central differences have not converged (no two neighbouring steps agree to the tolerance).
    /// </summary>
    [Property(MaxTest = 100)]
    public Property Derivatives_agree_with_central_differences_where_no_spike_step_changes() =>
        Prop.ForAll(Cases2003.ToArbitrary(), c =>
        {
            var grid = Grid(c.Scheme, c.Dt, c.Current.Length);
            var forward = Forward<NoSurrogate>(c, grid);
            if (!forward.Run.Status.IsCompleted || Math.Abs(forward.Run.Final.V) > 1e6)
            {
                return true.ToProperty();
            }

            int last = grid.Steps - 1;
            for (int j = 0; j < forward.Variables.Length; j++)
            {
                double theta = forward.Values[j];
                double exact = forward.Tangent(last, j);
                if (Math.Abs(exact) > 1e4)
                {
                    continue; // too ill-conditioned for any central difference to check (near a threshold crossing)
                }

                var differences = new List<double>();
                string seen = "";
                foreach (double relative in StepSizes)
                {
                    double h = relative * (1.0 + Math.Abs(theta));
                    var plus = Perturbed(c, grid, j, theta + h);
                    var minus = Perturbed(c, grid, j, theta - h);
                    bool valid = plus.Spikes.Steps.SequenceEqual(forward.Run.Spikes.Steps) && minus.Spikes.Steps.SequenceEqual(forward.Run.Spikes.Steps)
                        && plus.Status.IsCompleted && minus.Status.IsCompleted;
                    double fd = valid ? (plus.Final.V - minus.Final.V) / (2 * h) : double.NaN;
                    differences.Add(fd);
                    seen += $" h={h}: {fd}";
                }

                // A central difference is trusted only where it has converged: two neighbouring steps that keep the
                // spikes and agree with each other to the tolerance (a run next to a threshold crossing, whose
                // differences still move by more than that from h to h/10, checks nothing).
                bool agreed = false, checkable = false;
                for (int i = 0; i < differences.Count; i++)
                {
                    agreed |= Close(differences[i], exact);
                    if (i + 1 < differences.Count && !double.IsNaN(differences[i]) && !double.IsNaN(differences[i + 1]))
                    {
                        checkable |= Close(differences[i], differences[i + 1]);
                        agreed |= Close(((100 * differences[i + 1]) - differences[i]) / 99, exact); // Richardson: h and h/10
                    }
                }

                if (checkable && !agreed)
                {
                    return false.Label($"{forward.Variables[j]}: exact {exact}, central{seen}");
                }

            }

            return true.ToProperty();
        });

    /// <summary>
    /// The 2007 model: the derivatives of the final v with respect to all 13 variables (C, k, vr, vt, vpeak, a, b, c, d,
    /// v0, u0, scale, offset) against central differences, for every preset under a fluctuating current, where no spike
    /// step changes; the same tolerance and steps as the 2003 property.
    /// </summary>
    [Fact]
    public void Derivatives_of_the_2007_model_agree_with_central_differences()
    {
        var current = new double[3000];
        for (int k = 0; k < current.Length; k++)
        {
            current[k] = 90 + (60 * Math.Sin(k * 0.013)) + (25 * Math.Sin(k * 0.071));
        }

        var grid = TimeGrid.FromSteps(0.1, current.Length).OrThrow();
        int checkedCount = 0;
        foreach (var (name, p) in Presets2007.All)
        {
            var s = new IzhikevichState(p.VrMv, 0.0);
            var forward = ForwardMode.Run2007<NoSurrogate>(p, s, 1.0, 0.0, grid, current);
            for (int j = 0; j < forward.Variables.Length; j++)
            {
                double theta = forward.Values[j];
                double exact = forward.Tangent(grid.Steps - 1, j);
                var differences = new List<double>();
                foreach (double relative in StepSizes)
                {
                    double h = relative * (1.0 + Math.Abs(theta));
                    var plus = Plain2007(p, s, grid, current, j, theta + h);
                    var minus = Plain2007(p, s, grid, current, j, theta - h);
                    bool valid = plus.Spikes.Steps.SequenceEqual(forward.Run.Spikes.Steps) && minus.Spikes.Steps.SequenceEqual(forward.Run.Spikes.Steps);
                    differences.Add(valid ? (plus.Final.V - minus.Final.V) / (2 * h) : double.NaN);
                }

                bool agreed = false, checkable = false;
                for (int i = 0; i + 1 < differences.Count; i++)
                {
                    agreed |= Close(differences[i], exact);
                    if (!double.IsNaN(differences[i]) && !double.IsNaN(differences[i + 1]))
                    {
                        checkable = true;
                        agreed |= Close(((100 * differences[i + 1]) - differences[i]) / 99, exact);
                    }
                }

                Assert.True(!checkable || agreed, $"{name} {forward.Variables[j]}: exact {exact}, central {string.Join(", ", differences)}");
                checkedCount += checkable ? 1 : 0;
            }
        }

        Assert.True(checkedCount >= 40, $"only {checkedCount} derivatives could be checked");
    }

    static SimulationResult Plain2007(Izhikevich2007Parameters p, IzhikevichState s, TimeGrid grid, double[] current, int variable, double value)
    {
        double[] x = [p.CapacitancePf, p.K, p.VrMv, p.VtMv, p.VPeakMv, p.A, p.B, p.C, p.D, s.V, s.U, 1.0, 0.0];
        x[variable] = value;
        var q = Izhikevich2007Parameters.Create(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], p.Rule).OrThrow();
        return Simulation.Simulation.Run<Izhikevich2007Scheme, Izhikevich2007Parameters>(
            q, new IzhikevichState(x[9], x[10]), grid, Mapped(current, x[11], x[12]), 0.0, Recording.Full);
    }

    /// <summary>Central-difference steps, relative to <c>1 + |θ|</c>: the best of them decides (large sensitivities amplify rounding at small h, curvature at large h).</summary>
    static readonly double[] StepSizes = [1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9];

    static bool Close(double fd, double exact) => Math.Abs(fd - exact) <= 1e-4 * (1.0 + Math.Abs(exact));

    static SimulationResult Perturbed(Case2003 c, TimeGrid grid, int variable, double value)
    {
        var p = c.P;
        var s = c.S;
        double scale = c.Scale, offset = c.Offset;
        switch (variable)
        {
            case 0: p = new IzhikevichParameters(value, p.B, p.C, p.D); break;
            case 1: p = new IzhikevichParameters(p.A, value, p.C, p.D); break;
            case 2: p = new IzhikevichParameters(p.A, p.B, value, p.D); break;
            case 3: p = new IzhikevichParameters(p.A, p.B, p.C, value); break;
            case 4: s = s with { V = value }; break;
            case 5: s = s with { U = value }; break;
            case 6: scale = value; break;
            default: offset = value; break;
        }

        return Plain(c with { P = p, S = s }, grid, c.Current, scale, offset);
    }

    /// <summary>
    /// One Jaxley step by hand (dated 2026-12-01): from (v, u) = (−65, −13), a = 0.02, b = 0.2, dt = 0.1, J = 10,
    /// C_m = 1: <c>u' = bv + (u − bv)·e</c> with <c>e = exp(−dt·a)</c>, <c>v' = v + dt·f(v, u') + dt·J</c>. So
    /// <c>∂v'/∂v = 1 + dt·(0.08v + 5) − dt·b·(1 − e)</c>, <c>∂v'/∂u = −dt·e</c>, <c>∂v'/∂a = −dt·(u − bv)·(−dt·e)</c>,
    /// <c>∂v'/∂b = −dt·v·(1 − e)</c>, <c>∂v'/∂scale = dt·J/C_m</c>, <c>∂v'/∂offset = dt/C_m</c>, and c, d do not enter.
    /// </summary>
    [Fact]
    public void One_jaxley_step_has_the_hand_derived_derivatives()
    {
        double v = -65, u = -13, a = 0.02, b = 0.2, dt = 0.1, j = 10;
        var grid = TimeGrid.FromSteps(dt, 1).OrThrow();
        var f = ForwardMode.Run2003<NoSurrogate>("jaxley", new IzhikevichParameters(a, b, -65, 8), new IzhikevichState(v, u), 1.0, 0.0, grid, [j], 1.0);
        double e = Math.Exp(-dt * a);
        double[] expected =
        [
            dt * dt * (u - (b * v)) * e, // a: u' depends on a through e, v' through −dt·u'
            -dt * v * (1 - e),           // b
            0.0,                         // c
            0.0,                         // d
            1 + (dt * ((0.08 * v) + 5)) - (dt * b * (1 - e)), // v0
            -dt * e,                     // u0
            dt * j,                      // scale
            dt,                          // offset
        ];
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.True(Math.Abs(f.Tangent(0, k) - expected[k]) <= 1e-14 * (1 + Math.Abs(expected[k])), $"{f.Variables[k]}: {f.Tangent(0, k)} vs {expected[k]}");
        }
    }

    /// <summary>
    /// A spiking step of forward Euler by hand: after the reset v = c, so ∂v/∂c = 1 and every other derivative of v is 0
    /// without a surrogate; with Jaxley's surrogate the tangent gains <c>H'(x)·(c − v₁)·∂x/∂θ</c>, <c>x = v₁ − 30</c>.
    /// </summary>
    [Fact]
    public void A_spiking_step_resets_the_derivatives_and_a_surrogate_adds_the_thresholds_slope()
    {
        double v = 29, u = -10, a = 0.02, b = 0.2, c = -65, d = 8, dt = 0.1, j = 100;
        var grid = TimeGrid.FromSteps(dt, 1).OrThrow();
        var p = new IzhikevichParameters(a, b, c, d);
        var exact = ForwardMode.Run2003<NoSurrogate>("euler", p, new IzhikevichState(v, u), 1.0, 0.0, grid, [j], 1.0);
        Assert.Equal(new[] { 0 }, exact.Run.Spikes.Steps.ToArray());
        Assert.Equal(c, exact.Run.Final.V);
        for (int k = 0; k < exact.Variables.Length; k++)
        {
            Assert.Equal(exact.Variables[k] == "c" ? 1.0 : 0.0, exact.Tangent(0, k));
        }

        var smooth = ForwardMode.Run2003<JaxleySurrogate>("euler", p, new IzhikevichState(v, u), 1.0, 0.0, grid, [j], 1.0);
        double v1 = v + (dt * (((0.04 * v * v) + (5 * v) + 140 - u) + j));
        double slope = 1.0 / Math.Pow((10 * Math.Abs(v1 - 30)) + 1, 2);
        double dv1dv0 = 1 + (dt * ((0.08 * v) + 5));
        Assert.Equal(BitConverter.DoubleToInt64Bits(exact.Run.Final.V), BitConverter.DoubleToInt64Bits(smooth.Run.Final.V));
        Assert.Equal(slope * (c - v1) * dv1dv0, smooth.Tangent(0, 4), 1e-12);
        Assert.Equal(1.0 + (slope * (c - v1) * 0.0), smooth.Tangent(0, 2), 1e-12);
    }
}

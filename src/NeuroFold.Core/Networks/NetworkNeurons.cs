using System.Collections.Immutable;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Models;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Networks;

/// <summary>The neurons of a network as structure of arrays: parameters and initial state, one entry per neuron.</summary>
public sealed record NetworkNeurons
{
    internal NetworkNeurons(ImmutableArray<double> a, ImmutableArray<double> b, ImmutableArray<double> c, ImmutableArray<double> d, ImmutableArray<double> v0, ImmutableArray<double> u0, int excitatory)
    {
        A = a;
        B = b;
        C = c;
        D = d;
        V0 = v0;
        U0 = u0;
        Excitatory = excitatory;
    }

    /// <summary>Recovery time scale a of each neuron, 1/ms.</summary>
    public ImmutableArray<double> A { get; }

    /// <summary>Sensitivity b of u to v.</summary>
    public ImmutableArray<double> B { get; }

    /// <summary>After-spike reset of v, mV.</summary>
    public ImmutableArray<double> C { get; }

    /// <summary>After-spike increment of u, mV/ms.</summary>
    public ImmutableArray<double> D { get; }

    /// <summary>Initial membrane potential, mV.</summary>
    public ImmutableArray<double> V0 { get; }

    /// <summary>Initial recovery variable, mV/ms.</summary>
    public ImmutableArray<double> U0 { get; }

    /// <summary>Neurons 0 … Excitatory − 1 are excitatory, the rest inhibitory (used for per-population rates).</summary>
    public int Excitatory { get; }

    /// <summary>Number of neurons.</summary>
    public int Count => A.Length;

    /// <summary>Number of inhibitory neurons (the last ones).</summary>
    public int Inhibitory => Count - Excitatory;

    /// <summary>The parameters of neuron <paramref name="i"/>.</summary>
    public IzhikevichParameters Parameters(int i) => new(A[i], B[i], C[i], D[i]);

    /// <summary>The neurons <paramref name="cells"/>, in order, each starting at <paramref name="v0Mv"/> on its u-nullcline (<c>u0 = b·v0</c>).</summary>
    /// <param name="cells">The parameters of each neuron; the first <paramref name="excitatory"/> are excitatory.</param>
    /// <param name="v0Mv">Initial membrane potential of every neuron, mV.</param>
    /// <param name="excitatory">How many of the first neurons are excitatory (used for per-population rates).</param>
    /// <remarks>The same rules as <see cref="Create(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, double, int)"/>; all problems are listed.</remarks>
    public static Validation<Error, NetworkNeurons> Create(IEnumerable<IzhikevichParameters> cells, double v0Mv, int excitatory)
    {
        if (cells is null)
        {
            return Fail<Error, NetworkNeurons>(Error.New("cells is missing"));
        }

        var p = cells as IReadOnlyCollection<IzhikevichParameters> ?? [.. cells];
        var (a, b, c, d) = (new double[p.Count], new double[p.Count], new double[p.Count], new double[p.Count]);
        int i = 0;
        foreach (var cell in p)
        {
            (a[i], b[i], c[i], d[i]) = (cell.A, cell.B, cell.C, cell.D);
            i++;
        }

        return Create(a, b, c, d, v0Mv, excitatory);
    }

    /// <summary>Validates per-neuron parameters and starts every neuron at <c>v0</c> on its u-nullcline (<c>u0 = b·v0</c>).</summary>
    /// <remarks>Rules: equal lengths, at least one neuron, every value finite, <c>c &lt; 30</c> mV; all problems are listed.</remarks>
    public static Validation<Error, NetworkNeurons> Create(
        ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, ReadOnlySpan<double> d, double v0Mv, int excitatory)
    {
        var errors = new List<Error>();
        int n = a.Length;
        if (n < 1)
        {
            errors.Add(Error.New("the network needs at least 1 neuron"));
        }

        if (b.Length != n || c.Length != n || d.Length != n)
        {
            errors.Add(Error.New($"parameter arrays must have equal lengths, got a {a.Length}, b {b.Length}, c {c.Length}, d {d.Length}"));
            return Fail<Error, NetworkNeurons>(Error.Many(errors.ToArray()));
        }

        if (excitatory < 0 || excitatory > n)
        {
            errors.Add(Error.New($"the excitatory count must lie in 0..{n}, got {excitatory}"));
        }

        if (!double.IsFinite(v0Mv))
        {
            errors.Add(Error.New($"v0 must be finite, got {Validation.Checks.Show(v0Mv)}"));
        }

        for (int i = 0; i < n && errors.Count < 20; i++)
        {
            IzhikevichParameters.Create(a[i], b[i], c[i], d[i]).Match(
                Succ: _ => { },
                Fail: es =>
                {
                    foreach (var e in es)
                    {
                        errors.Add(Error.New($"neuron {i}: {e.Message}"));
                    }
                });
        }

        if (errors.Count > 0)
        {
            return Fail<Error, NetworkNeurons>(Error.Many(errors.ToArray()));
        }

        var v = new double[n];
        var u = new double[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = v0Mv;
            u[i] = b[i] * v0Mv;
        }

        return Success<Error, NetworkNeurons>(new NetworkNeurons(
            [.. a], [.. b], [.. c], [.. d], ImmutableArray.Create(v), ImmutableArray.Create(u), excitatory));
    }
}

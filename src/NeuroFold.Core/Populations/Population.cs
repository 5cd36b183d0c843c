using System.Collections.Immutable;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Models;
using NeuroFold.Core.Validation;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Populations;

/// <summary>N independent Izhikevich neurons as a structure of arrays: one immutable array per parameter, state and input.</summary>
/// <remarks>
/// Neuron i has parameters <c>(A[i], B[i], C[i], D[i])</c> (a in 1/ms, b dimensionless, c in mV, d in mV/ms), initial
/// state <c>(V0[i] mV, U0[i] mV/ms)</c> and a constant input current density <c>InputUaPerCm2[i]</c> (µA/cm²) on every
/// step. The neurons are uncoupled, so a population run equals N single-neuron folds (DESIGN.md, "Populations").
/// Equality is by array identity (records compare <see cref="ImmutableArray{T}"/> by reference); compare element-wise.
/// </remarks>
public sealed record Population
{
    Population(
        ImmutableArray<double> a,
        ImmutableArray<double> b,
        ImmutableArray<double> c,
        ImmutableArray<double> d,
        ImmutableArray<double> v0,
        ImmutableArray<double> u0,
        ImmutableArray<double> inputUaPerCm2)
    {
        A = a;
        B = b;
        C = c;
        D = d;
        V0 = v0;
        U0 = u0;
        InputUaPerCm2 = inputUaPerCm2;
    }

    /// <summary>Recovery time scale a of each neuron, 1/ms.</summary>
    public ImmutableArray<double> A { get; }

    /// <summary>Sensitivity b of u to v of each neuron.</summary>
    public ImmutableArray<double> B { get; }

    /// <summary>After-spike reset c of v of each neuron, mV.</summary>
    public ImmutableArray<double> C { get; }

    /// <summary>After-spike increment d of u of each neuron, mV/ms.</summary>
    public ImmutableArray<double> D { get; }

    /// <summary>Initial membrane potential of each neuron, mV.</summary>
    public ImmutableArray<double> V0 { get; }

    /// <summary>Initial recovery variable of each neuron, mV/ms.</summary>
    public ImmutableArray<double> U0 { get; }

    /// <summary>Constant input current density of each neuron, µA/cm².</summary>
    public ImmutableArray<double> InputUaPerCm2 { get; }

    /// <summary>Number of neurons.</summary>
    public int Count => A.Length;

    /// <summary>The parameters of neuron <paramref name="i"/>.</summary>
    public IzhikevichParameters Parameters(int i) => new(A[i], B[i], C[i], D[i]);

    /// <summary>The initial state of neuron <paramref name="i"/>.</summary>
    public IzhikevichState Initial(int i) => new(V0[i], U0[i]);

    /// <summary>Every neuron the same cell from the same initial state; neuron i gets the constant input <paramref name="inputsUaPerCm2"/>[i] (an F–I curve).</summary>
    /// <param name="cell">The parameters every neuron shares.</param>
    /// <param name="initial">The state every neuron starts from (for example <see cref="IzhikevichState.AtNullcline"/>).</param>
    /// <param name="inputsUaPerCm2">One constant input current density per neuron, µA/cm²; their number is the population's size.</param>
    /// <remarks>Checked by <see cref="Create"/>: a finite state, finite inputs; every problem is reported.</remarks>
    public static Validation<Error, Population> Uniform(IzhikevichParameters cell, IzhikevichState initial, IEnumerable<double> inputsUaPerCm2)
    {
        if (inputsUaPerCm2 is null)
        {
            return Fail<Error, Population>(Error.New("inputs is missing"));
        }

        var input = ImmutableArray.CreateRange(inputsUaPerCm2);
        int n = input.Length;
        return Create(
            ImmutableArray.Create(Filled(n, cell.A)),
            ImmutableArray.Create(Filled(n, cell.B)),
            ImmutableArray.Create(Filled(n, cell.C)),
            ImmutableArray.Create(Filled(n, cell.D)),
            ImmutableArray.Create(Filled(n, initial.V)),
            ImmutableArray.Create(Filled(n, initial.U)),
            input);
    }

    /// <summary>One cell, initial state and constant input per neuron, given neuron by neuron.</summary>
    /// <param name="cells">The parameters of each neuron.</param>
    /// <param name="initial">The initial state of each neuron.</param>
    /// <param name="inputsUaPerCm2">The constant input current density of each neuron, µA/cm².</param>
    /// <remarks>Rules: the three lists have one entry per neuron; states and inputs are finite (<see cref="Create"/>); every problem is reported.</remarks>
    public static Validation<Error, Population> PerNeuron(IEnumerable<IzhikevichParameters> cells, IEnumerable<IzhikevichState> initial, IEnumerable<double> inputsUaPerCm2)
    {
        var errors = new List<Error>();
        if (cells is null)
        {
            errors.Add(Error.New("cells is missing"));
        }

        if (initial is null)
        {
            errors.Add(Error.New("initial is missing"));
        }

        if (inputsUaPerCm2 is null)
        {
            errors.Add(Error.New("inputs is missing"));
        }

        if (errors.Count > 0)
        {
            return Fail<Error, Population>(Seq(errors));
        }

        var p = ImmutableArray.CreateRange(cells!);
        var s = ImmutableArray.CreateRange(initial!);
        var input = ImmutableArray.CreateRange(inputsUaPerCm2!);
        if (s.Length != p.Length || input.Length != p.Length)
        {
            return Fail<Error, Population>(Error.New(
                $"cells, initial and inputs need one entry per neuron, got {p.Length} cells, {s.Length} states and {input.Length} inputs"));
        }

        int n = p.Length;
        var (a, b, c, d, v0, u0) = (new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++)
        {
            (a[i], b[i], c[i], d[i]) = (p[i].A, p[i].B, p[i].C, p[i].D);
            (v0[i], u0[i]) = (s[i].V, s[i].U);
        }

        return Create(
            ImmutableArray.Create(a), ImmutableArray.Create(b), ImmutableArray.Create(c), ImmutableArray.Create(d),
            ImmutableArray.Create(v0), ImmutableArray.Create(u0), input);
    }

    static double[] Filled(int n, double x)
    {
        var values = new double[n];
        System.Array.Fill(values, x);
        return values;
    }

    /// <summary>Validates the seven arrays; every problem is reported (per array, the first offending index).</summary>
    /// <remarks>Rules: all arrays have the same length; every value is finite; every <c>c &lt; 30</c> mV.</remarks>
    public static Validation<Error, Population> Create(
        ImmutableArray<double> a,
        ImmutableArray<double> b,
        ImmutableArray<double> c,
        ImmutableArray<double> d,
        ImmutableArray<double> v0,
        ImmutableArray<double> u0,
        ImmutableArray<double> inputUaPerCm2)
    {
        var arrays = new[] { ("a", a), ("b", b), ("c", c), ("d", d), ("v0", v0), ("u0", u0), ("input", inputUaPerCm2) };
        var errors = new List<Error>();
        foreach (var (name, values) in arrays)
        {
            if (values.IsDefault)
            {
                errors.Add(Error.New($"{name} is missing"));
                continue;
            }

            if (values.Length != a.Length && !a.IsDefault)
            {
                errors.Add(Error.New($"{name} has {values.Length} values, a has {a.Length}: every array needs one value per neuron"));
                continue;
            }

            for (int i = 0; i < values.Length; i++)
            {
                bool ok = name == "c"
                    ? double.IsFinite(values[i]) && values[i] < Izhikevich.PeakMv
                    : double.IsFinite(values[i]);
                if (!ok)
                {
                    string rule = name == "c" ? $"finite and < {Checks.Show(Izhikevich.PeakMv)}" : "a finite number";
                    errors.Add(Error.New($"{name}[{i}] must be {rule}, got {Checks.Show(values[i])}"));
                    break;
                }
            }
        }

        return errors.Count == 0
            ? Success<Error, Population>(new Population(a, b, c, d, v0, u0, inputUaPerCm2))
            : Fail<Error, Population>(Seq(errors));
    }
}

using System.Collections.Immutable;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Validation;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Networks;

/// <summary>The external input of every neuron at every step (Izhikevich's thalamic input).</summary>
/// <remarks>
/// Units: Izhikevich's current units, the units of <c>v'</c> (mV/ms), added to I on each 1 ms step as a synaptic
/// weight is (so an input of x raises v by about x mV per step). Checked against the network's size by <see cref="Network.Create"/>.
/// </remarks>
public abstract record NetworkInput
{
    private protected NetworkInput()
    {
    }

    /// <summary>Fresh Gaussian input every step with standard deviation <paramref name="sigma"/>[i] for neuron i; every problem is reported.</summary>
    /// <remarks>Rules: one finite σ ≥ 0 per neuron.</remarks>
    public static Validation<Error, NetworkInput> CreateThalamic(long seed, ImmutableArray<double> sigma) =>
        CheckValues("sigma", sigma, x => x >= 0, "finite and >= 0").Map(s => (NetworkInput)new Thalamic(seed, s));

    /// <summary>Given input: <paramref name="values"/>[(t − 1)·N + i] for neuron i at step t, over <paramref name="steps"/> steps.</summary>
    /// <remarks>Rules: steps ≥ 0; every value finite; the values form whole rows of one value per neuron (checked against the network by <see cref="Network.Create"/>).</remarks>
    public static Validation<Error, NetworkInput> CreateSampled(int steps, ImmutableArray<double> values) =>
        (steps >= 0 ? Success<Error, int>(steps) : Fail<Error, int>(Error.New($"steps must be >= 0, got {steps}")),
         CheckValues("values", values, _ => true, "a finite number"))
        .Apply((s, v) => (s, v))
        .Bind(x => x.s > 0 && x.v.Length % x.s != 0
            ? Fail<Error, NetworkInput>(Error.New($"values must be {x.s} whole rows (one per step), got {x.v.Length} values"))
            : Success<Error, NetworkInput>(new Sampled(x.s, x.v)));

    /// <summary>The same input on every step: <paramref name="values"/>[i] for neuron i.</summary>
    /// <remarks>Rule: every value finite.</remarks>
    public static Validation<Error, NetworkInput> CreateConstant(ImmutableArray<double> values) =>
        CheckValues("values", values, _ => true, "a finite number").Map(v => (NetworkInput)new Constant(v));

    /// <summary>The number of neurons the input is given for, or null when it fits any (sampled input with no steps).</summary>
    internal abstract int? NeuronsCovered { get; }

    static Validation<Error, ImmutableArray<double>> CheckValues(string name, ImmutableArray<double> values, Func<double, bool> rule, string what)
    {
        if (values.IsDefault)
        {
            return Fail<Error, ImmutableArray<double>>(Error.New($"{name} is missing"));
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]) || !rule(values[i]))
            {
                return Fail<Error, ImmutableArray<double>>(Error.New($"{name}[{i}] must be {what}, got {Checks.Show(values[i])}"));
            }
        }

        return Success<Error, ImmutableArray<double>>(values);
    }

    /// <summary>Fresh Gaussian input every step: neuron i at step t (1-based) gets <c>Sigma[i]</c> times a standard normal draw.</summary>
    /// <remarks>
    /// The 2003 network's <c>I = [5·randn(Ne,1); 2·randn(Ni,1)]</c>. Draw number <c>m = (t − 1)·N + i</c> is a ziggurat
    /// normal made from the words <c>CounterRandom.Bits(Seed, 3, 64·m + k)</c> (stream <see cref="RandomStreams.ThalamicNoise"/>),
    /// so every value is a function of (seed, step, neuron) alone.
    /// </remarks>
    public sealed record Thalamic : NetworkInput
    {
        internal Thalamic(long seed, ImmutableArray<double> sigma)
        {
            Seed = seed;
            Sigma = sigma;
        }

        /// <summary>Seed of the run.</summary>
        public long Seed { get; }

        /// <summary>Standard deviation per neuron.</summary>
        public ImmutableArray<double> Sigma { get; }

        internal override int? NeuronsCovered => Sigma.Length;
    }

    /// <summary>Given values: <c>Values[(t − 1)·N + i]</c> is the input of neuron i at step t (steps × N, row-major).</summary>
    public sealed record Sampled : NetworkInput
    {
        internal Sampled(int steps, ImmutableArray<double> values)
        {
            Steps = steps;
            Values = values;
        }

        /// <summary>Number of steps the values cover.</summary>
        public int Steps { get; }

        /// <summary>Input per step and neuron.</summary>
        public ImmutableArray<double> Values { get; }

        internal override int? NeuronsCovered => Steps == 0 ? null : Values.Length / Steps;
    }

    /// <summary>The same input on every step, one value per neuron.</summary>
    public sealed record Constant : NetworkInput
    {
        internal Constant(ImmutableArray<double> values)
        {
            Values = values;
        }

        /// <summary>Input per neuron.</summary>
        public ImmutableArray<double> Values { get; }

        internal override int? NeuronsCovered => Values.Length;
    }
}

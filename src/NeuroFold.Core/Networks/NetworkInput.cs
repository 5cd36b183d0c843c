using System.Collections.Immutable;

namespace NeuroFold.Core.Networks;

/// <summary>The external input of every neuron at every step (Izhikevich's thalamic input), in mV per ms step.</summary>
public abstract record NetworkInput
{
    private protected NetworkInput()
    {
    }

    /// <summary>Fresh Gaussian input every step: neuron i at step t (1-based) gets <c>Sigma[i]</c> times a standard normal draw.</summary>
    /// <remarks>
    /// The 2003 network's <c>I = [5·randn(Ne,1); 2·randn(Ni,1)]</c>. Draw number <c>m = (t − 1)·N + i</c> is a ziggurat
    /// normal made from the words <c>CounterRandom.Bits(Seed, 3, 64·m + k)</c> (stream <see cref="RandomStreams.ThalamicNoise"/>),
    /// so every value is a function of (seed, step, neuron) alone.
    /// </remarks>
    /// <param name="Seed">Seed of the run.</param>
    /// <param name="Sigma">Standard deviation per neuron.</param>
    public sealed record Thalamic(long Seed, ImmutableArray<double> Sigma) : NetworkInput;

    /// <summary>Given values: <c>Values[(t − 1)·N + i]</c> is the input of neuron i at step t (steps × N, row-major).</summary>
    /// <param name="Steps">Number of steps the values cover.</param>
    /// <param name="Values">Input per step and neuron.</param>
    public sealed record Sampled(int Steps, ImmutableArray<double> Values) : NetworkInput;

    /// <summary>The same input on every step, one value per neuron.</summary>
    /// <param name="Values">Input per neuron.</param>
    public sealed record Constant(ImmutableArray<double> Values) : NetworkInput;
}

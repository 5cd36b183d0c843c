using System.Collections.Immutable;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Networks;

/// <summary>A network with plastic synapses and per-synapse delays, in the layout of Izhikevich's <c>spnet.m</c>: M slots per neuron, a thalamic neuron per step.</summary>
/// <remarks>
/// Slot j of presynaptic neuron i (index <c>i·M + j</c>, row-major) reaches <see cref="Targets"/>[i·M + j] after
/// <see cref="DelaysMs"/>[i·M + j] ms (1 … <see cref="MaxDelayMs"/>) with initial weight <see cref="Weights"/>[i·M + j]
/// (mV/ms, Izhikevich's current units). Synapses from excitatory neurons (0 … Excitatory − 1) are plastic; the others
/// keep their weights. At 0-based step k the neuron <see cref="Drive"/>[k] gets the input <see cref="DriveCurrent"/>
/// (an assignment, before the synaptic input is added), every other neuron none. Made only by <see cref="Create"/> (or
/// <see cref="PolychronizationNetwork.Create"/>), so a network that exists is consistent.
/// </remarks>
public sealed record PlasticNetwork
{
    /// <summary>The longest delay, ms (spnet.m's D).</summary>
    public const int MaxDelayMs = 20;

    internal PlasticNetwork(NetworkNeurons neurons, int synapsesPerNeuron, ImmutableArray<int> targets, ImmutableArray<int> delaysMs, ImmutableArray<double> weights, ImmutableArray<int> drive, double driveCurrent)
    {
        Neurons = neurons;
        SynapsesPerNeuron = synapsesPerNeuron;
        Targets = targets;
        DelaysMs = delaysMs;
        Weights = weights;
        Drive = drive;
        DriveCurrent = driveCurrent;
    }

    /// <summary>Parameters and initial state of every neuron (the first <see cref="NetworkNeurons.Excitatory"/> are excitatory).</summary>
    public NetworkNeurons Neurons { get; }

    /// <summary>Slots per neuron, M.</summary>
    public int SynapsesPerNeuron { get; }

    /// <summary>0-based target of each slot, row-major N×M.</summary>
    public ImmutableArray<int> Targets { get; }

    /// <summary>Conduction delay of each slot, ms (1 … <see cref="MaxDelayMs"/>), row-major N×M.</summary>
    public ImmutableArray<int> DelaysMs { get; }

    /// <summary>Initial weight of each slot, mV/ms, row-major N×M.</summary>
    public ImmutableArray<double> Weights { get; }

    /// <summary>The 0-based neuron that gets the thalamic input at each 0-based step; the run may last at most this many steps.</summary>
    public ImmutableArray<int> Drive { get; }

    /// <summary>The thalamic input current, mV/ms (spnet.m: 20).</summary>
    public double DriveCurrent { get; }

    /// <summary>Whole seconds the drive covers.</summary>
    public int DriveSeconds => Drive.Length / 1000;

    /// <summary>Builds the network, checking that the parts fit; every problem is listed (at most a few per array).</summary>
    /// <remarks>
    /// Rules: M ≥ 1; targets, delays and weights N·M long; targets in 0 … N − 1; delays in 1 … <see cref="MaxDelayMs"/>;
    /// weights finite; drive entries in 0 … N − 1; the drive current finite.
    /// </remarks>
    public static Validation<Error, PlasticNetwork> Create(
        NetworkNeurons neurons, int synapsesPerNeuron, ReadOnlySpan<int> targets, ReadOnlySpan<int> delaysMs, ReadOnlySpan<double> weights, ReadOnlySpan<int> drive, double driveCurrent)
    {
        if (neurons is null)
        {
            return Fail<Error, PlasticNetwork>(Error.New("neurons is missing"));
        }

        var errors = new List<Error>();
        int n = neurons.Count;
        long size = (long)n * synapsesPerNeuron;
        if (synapsesPerNeuron < 1)
        {
            errors.Add(Error.New($"synapses per neuron must be >= 1, got {synapsesPerNeuron}"));
        }

        foreach (var (name, length) in new[] { ("targets", targets.Length), ("delays", delaysMs.Length), ("weights", weights.Length) })
        {
            if (length != size)
            {
                errors.Add(Error.New($"{name} must have {n} x {synapsesPerNeuron} = {size} entries, got {length}"));
            }
        }

        if (!double.IsFinite(driveCurrent))
        {
            errors.Add(Error.New($"the drive current must be finite, got {Validation.Checks.Show(driveCurrent)}"));
        }

        if (errors.Count > 0)
        {
            return Fail<Error, PlasticNetwork>(errors.ToSeq());
        }

        int m = synapsesPerNeuron;
        Scan(errors, "targets", targets, m, x => x >= 0 && x < n, $"a neuron in 0..{n - 1}");
        Scan(errors, "delays", delaysMs, m, x => x >= 1 && x <= MaxDelayMs, $"a delay in 1..{MaxDelayMs} ms");
        int bad = 0;
        for (int s = 0; s < weights.Length && bad < 3; s++)
        {
            if (!double.IsFinite(weights[s]))
            {
                errors.Add(Error.New($"weights[{s / m}, {s % m}] must be finite, got {Validation.Checks.Show(weights[s])}"));
                bad++;
            }
        }

        bad = 0;
        for (int k = 0; k < drive.Length && bad < 3; k++)
        {
            if (drive[k] < 0 || drive[k] >= n)
            {
                errors.Add(Error.New($"drive[{k}] must be a neuron in 0..{n - 1}, got {drive[k]}"));
                bad++;
            }
        }

        return errors.Count == 0
            ? Success<Error, PlasticNetwork>(new PlasticNetwork(neurons, m, [.. targets], [.. delaysMs], [.. weights], [.. drive], driveCurrent))
            : Fail<Error, PlasticNetwork>(errors.ToSeq());
    }

    static void Scan(List<Error> errors, string name, ReadOnlySpan<int> values, int m, Func<int, bool> ok, string what)
    {
        int bad = 0;
        for (int s = 0; s < values.Length && bad < 3; s++)
        {
            if (!ok(values[s]))
            {
                errors.Add(Error.New($"{name}[{s / m}, {s % m}] must be {what}, got {values[s]}"));
                bad++;
            }
        }
    }
}

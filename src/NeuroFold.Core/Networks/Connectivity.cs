using System.Collections.Immutable;
using System.Runtime.InteropServices;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Networks;

/// <summary>Who is connected to whom, with which weight and delay: a dense matrix or compressed sparse rows.</summary>
/// <remarks>
/// Synapses are delta current synapses: a spike of presynaptic neuron <c>j</c> at step <c>t</c> adds the weight
/// <c>S[i, j]</c> to the input I of postsynaptic neuron <c>i</c> at step <c>t + delay</c>; a delay of 0 delivers within the
/// same step, before the integration, as in <c>net.m</c>. Units: weights are in Izhikevich's current units, the units of
/// <c>v'</c> (mV/ms; at the 1 ms step a weight w raises v by about w mV; positive excites, negative inhibits); delays are
/// whole steps of <see cref="NetworkSimulation.StepMs"/> = 1 ms.
/// </remarks>
public abstract record Connectivity
{
    /// <summary>The longest supported delay, in steps.</summary>
    public const int DelayLimitSteps = 255;

    private protected Connectivity(int neurons) => Neurons = neurons;

    /// <summary>Number of neurons (presynaptic and postsynaptic: the network is recurrent).</summary>
    public int Neurons { get; }

    /// <summary>Number of stored synapses (N² for a dense matrix, zero weights included).</summary>
    public abstract long SynapseCount { get; }

    /// <summary>The longest delay of any synapse, in steps.</summary>
    public abstract int MaxDelaySteps { get; }

    /// <summary>A dense N×N weight matrix with one delay for every synapse (the 2003 network: delay 0, autapses included).</summary>
    /// <remarks>
    /// Stored by presynaptic neuron: <c>WeightsByPresynaptic[j·N + i] = S[i, j]</c>, so that the column of a neuron
    /// that fired is one contiguous run of memory.
    /// </remarks>
    public sealed record Dense : Connectivity
    {
        internal Dense(int neurons, double[] weightsByPresynaptic, int delaySteps)
            : base(neurons)
        {
            WeightsByPresynaptic = ImmutableCollectionsMarshal.AsImmutableArray(weightsByPresynaptic);
            DelaySteps = delaySteps;
        }

        /// <summary>Weights, presynaptic-major: element <c>j·N + i</c> is <c>S[i, j]</c> (postsynaptic i, presynaptic j).</summary>
        public ImmutableArray<double> WeightsByPresynaptic { get; }

        /// <summary>The delay of every synapse, in steps.</summary>
        public int DelaySteps { get; }

        /// <inheritdoc />
        public override long SynapseCount => (long)Neurons * Neurons;

        /// <inheritdoc />
        public override int MaxDelaySteps => DelaySteps;

        /// <summary>The weight from presynaptic <paramref name="pre"/> onto postsynaptic <paramref name="post"/>.</summary>
        public double Weight(int post, int pre) => WeightsByPresynaptic[(pre * Neurons) + post];

        /// <summary>Builds the matrix from row-major <c>S</c> with row = postsynaptic, column = presynaptic (<c>S[i·N + j]</c>).</summary>
        /// <remarks>Every weight must be finite; the delay must lie in 0 … <see cref="DelayLimitSteps"/>.</remarks>
        public static Validation<Error, Dense> FromPostsynapticRows(int neurons, ReadOnlySpan<double> s, int delaySteps)
        {
            var errors = new List<Error>();
            if (neurons < 1)
            {
                errors.Add(Error.New($"the network needs at least 1 neuron, got {neurons}"));
            }
            else if (s.Length != (long)neurons * neurons)
            {
                errors.Add(Error.New($"the weight matrix must have {neurons}x{neurons} = {(long)neurons * neurons} entries, got {s.Length}"));
            }

            if (delaySteps < 0 || delaySteps > DelayLimitSteps)
            {
                errors.Add(Error.New($"the delay must lie in 0..{DelayLimitSteps} steps, got {delaySteps}"));
            }

            if (errors.Count > 0)
            {
                return Fail<Error, Dense>(Error.Many(errors.ToArray()));
            }

            var t = new double[s.Length];
            for (int i = 0; i < neurons; i++)
            {
                for (int j = 0; j < neurons; j++)
                {
                    double w = s[(i * neurons) + j];
                    if (!double.IsFinite(w))
                    {
                        return Fail<Error, Dense>(Error.New($"weight S[{i}, {j}] (row = postsynaptic, column = presynaptic) must be finite, got {Validation.Checks.Show(w)}"));
                    }

                    t[(j * neurons) + i] = w;
                }
            }

            return Success<Error, Dense>(new Dense(neurons, t, delaySteps));
        }
    }

    /// <summary>Compressed sparse rows, one row per <b>presynaptic</b> neuron listing its targets in ascending order.</summary>
    /// <remarks>
    /// Rows by presynaptic neuron make delivery event-driven: a step touches only the rows of the neurons that fired,
    /// so its cost is proportional to spikes × out-degree, not to the synapse count. Targets within a row are sorted,
    /// so a thread that owns the postsynaptic range [lo, hi) finds its part of a row by binary search; every
    /// postsynaptic neuron still receives its inputs in ascending presynaptic order, whatever the thread count.
    /// Memory: 4 + 8 + 1 bytes per synapse (target, weight, delay) plus 4 bytes per neuron.
    /// </remarks>
    public sealed record Sparse : Connectivity
    {
        internal Sparse(int neurons, int[] rowStart, int[] targets, double[] weights, byte[] delays, int maxDelay)
            : base(neurons)
        {
            RowStart = ImmutableCollectionsMarshal.AsImmutableArray(rowStart);
            Targets = ImmutableCollectionsMarshal.AsImmutableArray(targets);
            Weights = ImmutableCollectionsMarshal.AsImmutableArray(weights);
            DelaysSteps = ImmutableCollectionsMarshal.AsImmutableArray(delays);
            maxDelaySteps = maxDelay;
        }

        readonly int maxDelaySteps;

        /// <summary>Row boundaries: presynaptic neuron j's synapses are <c>RowStart[j] … RowStart[j+1] − 1</c> (N + 1 entries).</summary>
        public ImmutableArray<int> RowStart { get; }

        /// <summary>Postsynaptic neuron of each synapse, ascending within a row.</summary>
        public ImmutableArray<int> Targets { get; }

        /// <summary>Weight of each synapse.</summary>
        public ImmutableArray<double> Weights { get; }

        /// <summary>Delay of each synapse, in steps (0 … <see cref="DelayLimitSteps"/>).</summary>
        public ImmutableArray<byte> DelaysSteps { get; }

        /// <inheritdoc />
        public override long SynapseCount => Targets.Length;

        /// <inheritdoc />
        public override int MaxDelaySteps => maxDelaySteps;

        /// <summary>Builds the rows from a list of synapses (any order); synapses with equal (pre, post) keep their list order.</summary>
        /// <remarks>The same rules as <see cref="Create(int, ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{double}, ReadOnlySpan{int})"/>: neurons in 0 … N − 1, finite weights (mV/ms), delays in 0 … <see cref="DelayLimitSteps"/> steps of 1 ms.</remarks>
        public static Validation<Error, Sparse> Create(int neurons, IEnumerable<Synapse> synapses)
        {
            if (synapses is null)
            {
                return Fail<Error, Sparse>(Error.New("synapses is missing"));
            }

            var list = synapses as IReadOnlyCollection<Synapse> ?? [.. synapses];
            var pre = new int[list.Count];
            var post = new int[list.Count];
            var weights = new double[list.Count];
            var delays = new int[list.Count];
            int s = 0;
            foreach (var synapse in list)
            {
                (pre[s], post[s], weights[s], delays[s]) = (synapse.Pre, synapse.Post, synapse.Weight, synapse.DelaySteps);
                s++;
            }

            return Create(neurons, pre, post, weights, delays);
        }

        /// <summary>Builds the rows from synapse lists (any order); synapses with equal (pre, post) keep their list order.</summary>
        /// <remarks>Weights in mV/ms (Izhikevich's current units, added to the postsynaptic I), delays in steps of 1 ms (0 … <see cref="DelayLimitSteps"/>).</remarks>
        public static Validation<Error, Sparse> Create(int neurons, ReadOnlySpan<int> pre, ReadOnlySpan<int> post, ReadOnlySpan<double> weights, ReadOnlySpan<int> delaysSteps)
        {
            if (neurons < 1)
            {
                return Fail<Error, Sparse>(Error.New($"the network needs at least 1 neuron, got {neurons}"));
            }

            int count = pre.Length;
            if (post.Length != count || weights.Length != count || delaysSteps.Length != count)
            {
                return Fail<Error, Sparse>(Error.New($"synapse lists must have equal lengths, got pre {pre.Length}, post {post.Length}, weights {weights.Length}, delays {delaysSteps.Length}"));
            }

            for (int s = 0; s < count; s++)
            {
                if ((uint)pre[s] >= (uint)neurons || (uint)post[s] >= (uint)neurons)
                {
                    return Fail<Error, Sparse>(Error.New($"synapse {s} connects {pre[s]} -> {post[s]}, outside 0..{neurons - 1}"));
                }

                if (!double.IsFinite(weights[s]))
                {
                    return Fail<Error, Sparse>(Error.New($"synapse {s} has a non-finite weight {Validation.Checks.Show(weights[s])}"));
                }

                if (delaysSteps[s] < 0 || delaysSteps[s] > DelayLimitSteps)
                {
                    return Fail<Error, Sparse>(Error.New($"synapse {s} has delay {delaysSteps[s]}, outside 0..{DelayLimitSteps} steps"));
                }
            }

            // Two stable counting passes: by postsynaptic neuron, then by presynaptic neuron.
            var byPost = CountingOrder(post, neurons, null);
            var order = CountingOrder(pre, neurons, byPost);
            var rowStart = new int[neurons + 1];
            for (int s = 0; s < count; s++)
            {
                rowStart[pre[s] + 1]++;
            }

            for (int j = 0; j < neurons; j++)
            {
                rowStart[j + 1] += rowStart[j];
            }

            var targets = new int[count];
            var w = new double[count];
            var d = new byte[count];
            int maxDelay = 0;
            for (int k = 0; k < count; k++)
            {
                int s = order[k];
                targets[k] = post[s];
                w[k] = weights[s];
                d[k] = (byte)delaysSteps[s];
                maxDelay = Math.Max(maxDelay, delaysSteps[s]);
            }

            return Success<Error, Sparse>(new Sparse(neurons, rowStart, targets, w, d, maxDelay));
        }

        static int[] CountingOrder(ReadOnlySpan<int> key, int neurons, int[]? within)
        {
            int count = key.Length;
            var start = new int[neurons + 1];
            for (int s = 0; s < count; s++)
            {
                start[key[s] + 1]++;
            }

            for (int j = 0; j < neurons; j++)
            {
                start[j + 1] += start[j];
            }

            var order = new int[count];
            for (int k = 0; k < count; k++)
            {
                int s = within is null ? k : within[k];
                order[start[key[s]]++] = s;
            }

            return order;
        }
    }
}

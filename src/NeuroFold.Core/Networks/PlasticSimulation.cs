using System.Runtime.Intrinsics;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Populations;

namespace NeuroFold.Core.Networks;

/// <summary>Runs a plastic network with the algorithm of Izhikevich's <c>spnet.m</c> (2006), bit for bit: 1 ms steps, STDP, weights updated once per second.</summary>
/// <remarks>
/// <para>Each step k (1-based, global), in this order (docs/NUMERICS.md, section 12; ALGORITHM.md of the reference data):</para>
/// <list type="number">
/// <item><c>I = 0</c>, then <c>I[Drive[k − 1]] = DriveCurrent</c> (assigned);</item>
/// <item>fired = neurons with <c>v ≥ 30</c> (the previous step's state), ascending; their trace is set to
/// <see cref="PlasticityRule.TraceAtSpike"/>;</item>
/// <item>LTP: for each fired n and each excitatory slot (i, j) reaching n, <c>sd(i, j) += x_i(k − delay(i, j))</c>;</item>
/// <item>delivery and LTD: for the spikes of steps k, k − 1, …, k − 19 (newest first, neurons descending), the slots j
/// of the spiking neuron i whose delay is <c>q = k − τ + 1</c>, ascending: <c>I[post] += s(i, j)</c>, then
/// <c>sd(i, j) −= LtdFactor · x_post(k)</c>; a group with a repeated target is one vectorised assignment (the last
/// slot of a target wins);</item>
/// <item>the membrane update: <see cref="Schemes.Net2003Scheme"/>'s step at dt = 1 ms (its reset of the fired neurons,
/// two 0.5 ms half steps, then u) with the drive in <c>spnet.m</c>'s factored order;</item>
/// <item><c>x(k + 1) = TraceDecay · x(k)</c> for every neuron.</item>
/// </list>
/// <para>
/// After every 1000th step: <c>s = max(0, min(MaxWeight, (Drift + s) + sd))</c> on excitatory rows, <c>sd = SdDecay · sd</c>
/// on every row. Threads split only the membrane update into contiguous blocks (each neuron's arithmetic is
/// independent), and only when each block has at least 4096 neurons: below that a hand-off costs more than the work.
/// The result never depends on the thread count.
/// </para>
/// </remarks>
public static class PlasticSimulation
{
    /// <summary>The fewest neurons per thread for which the membrane update is split.</summary>
    internal const int MinBlockNeurons = 4096;

    /// <summary>Runs <paramref name="seconds"/> s from the network's initial state, keeping snapshots after the seconds in <paramref name="snapshotAt"/>.</summary>
    /// <param name="network">The network.</param>
    /// <param name="rule">The plasticity rule (<see cref="PlasticityRule.Spnet2006"/>; <see cref="PlasticityRule.None"/> keeps the weights).</param>
    /// <param name="seconds">Whole seconds to run (the network's drive must cover them).</param>
    /// <param name="snapshotAt">Seconds (1-based) after whose weight update a snapshot is kept; any order, repeats ignored.</param>
    /// <param name="threads">Worker threads (the result does not depend on them).</param>
    /// <param name="progress">Called with the seconds done after each second; it observes the run and changes nothing.</param>
    /// <exception cref="ArgumentException">The drive does not cover the run, or a snapshot second is outside 1 … seconds.</exception>
    public static PlasticResult Run(PlasticNetwork network, PlasticityRule rule, int seconds, ReadOnlySpan<int> snapshotAt, int threads, Action<int>? progress) =>
        Run(network, rule, seconds, snapshotAt, threads, progress, MinBlockNeurons);

    /// <summary>Runs <paramref name="seconds"/> s on one thread with no snapshots.</summary>
    public static PlasticResult Run(PlasticNetwork network, PlasticityRule rule, int seconds) => Run(network, rule, seconds, [], 1, null);

    /// <summary>Runs <paramref name="seconds"/> s of dopamine-modulated STDP (<c>daspnet.m</c>, Izhikevich 2007) from the network's initial state.</summary>
    /// <remarks>
    /// Each step is the step above with the input assigned from <paramref name="protocol"/>'s noise in place of the drive;
    /// after the trace decay come the dopamine decay, the eligibility update every 10 ms, the pairing bookkeeping and the
    /// reward (<see cref="DopamineProtocol"/>; docs/NUMERICS.md, section 12). There is no end-of-second update.
    /// </remarks>
    /// <param name="network">The network (its drive is not used; <see cref="DopamineStdpNetwork.Create"/>).</param>
    /// <param name="rule">The traces, LTD, bounds and eligibility decay (<see cref="PlasticityRule.Daspnet2007"/>).</param>
    /// <param name="protocol">The noise, dopamine and reward protocol.</param>
    /// <param name="seconds">Whole seconds to run.</param>
    /// <param name="threads">Worker threads (the result does not depend on them).</param>
    /// <param name="progress">Called with the seconds done after each second.</param>
    /// <exception cref="ArgumentException">The rewarded synapse is not an excitatory slot of the network.</exception>
    public static DopamineResult Run(PlasticNetwork network, PlasticityRule rule, DopamineProtocol protocol, int seconds, int threads, Action<int>? progress) =>
        RunDopamine(network, rule, protocol, seconds, threads, progress, MinBlockNeurons);

    /// <summary>Runs <paramref name="seconds"/> s of a sparse network (<see cref="SparseNetwork"/>) with <c>spnet.m</c>'s STDP on its excitatory synapses.</summary>
    /// <remarks>
    /// Each step is the sparse network's (<see cref="NetworkSimulation"/>: the thalamic noise, the pending sum of the
    /// synaptic input started at 0 and summed in its order, <c>I = I_ext + acc</c>, <c>net.m</c>'s drive order) with the
    /// plasticity of the steps above: the trace at a spike, LTP <c>sd += x_pre(k − d − 1)</c> when the target fires at
    /// k (the presynaptic spike that arrived at step k − 1), LTD <c>sd −= LtdFactor·x_post(k)</c> at every arrival at k,
    /// the trace decay; after every 1000th step <c>s = max(0, min(MaxWeight, (Drift + s) + sd))</c> on excitatory rows
    /// and <c>sd = SdDecay·sd</c>. With no trace and no drift it is the static sparse network bit for bit
    /// (docs/NUMERICS.md, section 12.2).
    /// </remarks>
    /// <param name="network">A network with sparse connectivity (delays 1 … 30 steps) and thalamic input.</param>
    /// <param name="rule">The rule; its MaxWeight bounds the excitatory weights.</param>
    /// <param name="seconds">Whole seconds to run.</param>
    /// <param name="threads">Worker threads (the result does not depend on them).</param>
    /// <param name="progress">Called with the seconds done after each second.</param>
    /// <exception cref="ArgumentException">The network is not sparse with thalamic input, or a delay exceeds 30 steps.</exception>
    public static PlasticResult Run(Network network, PlasticityRule rule, int seconds, int threads, Action<int>? progress) =>
        RunSparse(network, rule, seconds, threads, progress, MinBlockNeurons);

    internal static PlasticResult RunSparse(Network network, PlasticityRule rule, int seconds, int threads, Action<int>? progress, int minBlockNeurons)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (network.Connectivity is not Connectivity.Sparse sparse || network.Input is not NetworkInput.Thalamic thalamic)
        {
            throw new ArgumentException("plasticity needs a sparse network with thalamic input", nameof(network));
        }

        if (sparse.MaxDelaySteps > MaxSparseDelaySteps)
        {
            throw new ArgumentException($"plasticity supports delays up to {MaxSparseDelaySteps} steps, got {sparse.MaxDelaySteps}", nameof(network));
        }

        return PopulationSimulation.Resolve(VectorWidth.Auto) switch
        {
            VectorWidth.Bits512 => new PlasticKernel<Lane512, Vector512<double>>(network, sparse, thalamic, rule, threads, minBlockNeurons).Run(seconds, [], progress),
            VectorWidth.Bits256 => new PlasticKernel<Lane256, Vector256<double>>(network, sparse, thalamic, rule, threads, minBlockNeurons).Run(seconds, [], progress),
            VectorWidth.Bits128 => new PlasticKernel<Lane128, Vector128<double>>(network, sparse, thalamic, rule, threads, minBlockNeurons).Run(seconds, [], progress),
            _ => new PlasticKernel<ScalarLane, bool>(network, sparse, thalamic, rule, threads, minBlockNeurons).Run(seconds, [], progress),
        };
    }

    /// <summary>The longest delay of a sparse network with plasticity, steps (the trace ring holds 32 steps).</summary>
    public const int MaxSparseDelaySteps = 29;

    internal static DopamineResult RunDopamine(PlasticNetwork network, PlasticityRule rule, DopamineProtocol protocol, int seconds, int threads, Action<int>? progress, int minBlockNeurons)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (protocol.RewardedNeuron >= network.Neurons.Excitatory || protocol.RewardedSlot >= network.SynapsesPerNeuron)
        {
            throw new ArgumentException($"the rewarded synapse (neuron {protocol.RewardedNeuron}, slot {protocol.RewardedSlot}) must be an excitatory slot of the network", nameof(protocol));
        }

        return PopulationSimulation.Resolve(VectorWidth.Auto) switch
        {
            VectorWidth.Bits512 => new PlasticKernel<Lane512, Vector512<double>>(network, rule, protocol, threads, minBlockNeurons).RunDopamine(seconds, progress),
            VectorWidth.Bits256 => new PlasticKernel<Lane256, Vector256<double>>(network, rule, protocol, threads, minBlockNeurons).RunDopamine(seconds, progress),
            VectorWidth.Bits128 => new PlasticKernel<Lane128, Vector128<double>>(network, rule, protocol, threads, minBlockNeurons).RunDopamine(seconds, progress),
            _ => new PlasticKernel<ScalarLane, bool>(network, rule, protocol, threads, minBlockNeurons).RunDopamine(seconds, progress),
        };
    }

    internal static PlasticResult Run(PlasticNetwork network, PlasticityRule rule, int seconds, ReadOnlySpan<int> snapshotAt, int threads, Action<int>? progress, int minBlockNeurons, Action<int, double[]>? observeInput = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (seconds > network.DriveSeconds)
        {
            throw new ArgumentException($"the drive covers {network.DriveSeconds} s; the run needs {seconds} s", nameof(seconds));
        }

        var at = new SortedSet<int>();
        foreach (int second in snapshotAt)
        {
            if (second < 1 || second > seconds)
            {
                throw new ArgumentException($"snapshot second {second} is outside 1..{seconds}", nameof(snapshotAt));
            }

            at.Add(second);
        }

        int[] sorted = [.. at];
        return PopulationSimulation.Resolve(VectorWidth.Auto) switch
        {
            VectorWidth.Bits512 => new PlasticKernel<Lane512, Vector512<double>>(network, rule, threads, minBlockNeurons).Run(seconds, sorted, progress, observeInput),
            VectorWidth.Bits256 => new PlasticKernel<Lane256, Vector256<double>>(network, rule, threads, minBlockNeurons).Run(seconds, sorted, progress, observeInput),
            VectorWidth.Bits128 => new PlasticKernel<Lane128, Vector128<double>>(network, rule, threads, minBlockNeurons).Run(seconds, sorted, progress, observeInput),
            _ => new PlasticKernel<ScalarLane, bool>(network, rule, threads, minBlockNeurons).Run(seconds, sorted, progress, observeInput),
        };
    }
}

using System.Runtime.Intrinsics;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Populations;

namespace NeuroFold.Core.Networks;

/// <summary>Runs a network with the update of Izhikevich's <c>net.m</c> (2003): 1 ms steps, two 0.5 ms half steps of v.</summary>
/// <remarks>
/// <para>For each step <c>t = 1 … T</c> and every neuron (DESIGN.md, "Net2003Scheme"):</para>
/// <list type="number">
/// <item><c>fired</c> = neurons with <c>v ≥ 30</c> on the state at the end of step <c>t − 1</c>; they spike at time t
/// (ms); <c>v = c</c>, <c>u = u + d</c> on them.</item>
/// <item>Each spike of presynaptic j is scheduled for step <c>t + delay</c> of each synapse. The synaptic input of
/// postsynaptic i at step t is <c>acc = 0.0</c> plus every weight scheduled for t, added in the order
/// (spike step, presynaptic neuron ascending, row order); with delay 0 this is <c>net.m</c>'s
/// <c>I = I + sum(S(:, fired), 2)</c> summed left to right.</item>
/// <item><c>I = I_ext + acc</c>; <c>v = v + 0.5·(f(v, u) + I)</c> twice with the same u and I; <c>u = u + a·((b·v) − u)</c>
/// with the new v: the step of <see cref="Schemes.Net2003Scheme"/> at dt = 1 ms, which the kernel calls, vector by
/// vector, at the widest accelerated width.</item>
/// </list>
/// <para>
/// Threads split the neurons into contiguous blocks; a block owns its neurons' state and synaptic sums, so no
/// number is ever computed differently or summed in another order: results are identical for every thread count.
/// Spikes are merged in (step, neuron) order; a spike detected at the start of 0-based step k has time <c>(k+1)</c> ms.
/// </para>
/// </remarks>
public static class NetworkSimulation
{
    /// <summary>The step of the 2003 scheme, ms.</summary>
    public const double StepMs = 1.0;

    /// <summary>Steps between two calls of a run's progress hook.</summary>
    public const int ProgressInterval = 100;

    /// <summary>Runs <paramref name="steps"/> steps (of 1 ms) from the network's initial state on one thread.</summary>
    public static NetworkResult Run(Network network, int steps) => Run(network, NetworkState.Initial(network), steps, 1, null);

    /// <summary>Runs <paramref name="steps"/> steps from the network's initial state.</summary>
    public static NetworkResult Run(Network network, int steps, int threads) => Run(network, NetworkState.Initial(network), steps, threads, null);

    /// <summary>Runs <paramref name="steps"/> steps from <paramref name="start"/> on <paramref name="threads"/> threads (no progress hook).</summary>
    public static NetworkResult Run(Network network, NetworkState start, int steps, int threads) => Run(network, start, steps, threads, null);

    /// <summary>Runs <paramref name="steps"/> steps from <paramref name="start"/> on <paramref name="threads"/> threads.</summary>
    /// <param name="network">The network.</param>
    /// <param name="start">The state to continue from (<see cref="NetworkState.Initial"/> for a new run); n then m steps equal n + m steps.</param>
    /// <param name="steps">Steps to run.</param>
    /// <param name="threads">Worker threads (the result does not depend on them).</param>
    /// <param name="progress">Called with the steps done every <see cref="ProgressInterval"/> steps and at the end; it observes the run and changes nothing.</param>
    /// <exception cref="ArgumentException">The state does not fit the network, or a sampled input does not cover the steps.</exception>
    public static NetworkResult Run(Network network, NetworkState start, int steps, int threads, Action<int>? progress)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        int n = network.Neurons.Count;
        var p = network.Neurons;
        if (p.B.Length != n || p.C.Length != n || p.D.Length != n || p.V0.Length != n || p.U0.Length != n)
        {
            throw new ArgumentException("the neurons' parameter and initial-state arrays must all have one entry per neuron", nameof(network));
        }

        if (network.Connectivity.Neurons != n)
        {
            throw new ArgumentException($"the connectivity has {network.Connectivity.Neurons} neurons, the population {n}", nameof(network));
        }

        if (start.V.Length != n || start.U.Length != n || start.Pending.Length != network.Connectivity.MaxDelaySteps * n)
        {
            throw new ArgumentException("the state does not match the network's size or longest delay", nameof(start));
        }

        switch (network.Input)
        {
            case NetworkInput.Sampled s when s.Values.Length != (long)s.Steps * n || start.StepsDone + steps > s.Steps:
                throw new ArgumentException($"the sampled input covers {s.Steps} steps of {n} neurons; the run needs steps up to {start.StepsDone + steps}", nameof(network));
            case NetworkInput.Thalamic th when th.Sigma.Length != n:
                throw new ArgumentException($"the thalamic input has {th.Sigma.Length} standard deviations for {n} neurons", nameof(network));
            case NetworkInput.Constant c when c.Values.Length != n:
                throw new ArgumentException($"the constant input has {c.Values.Length} values for {n} neurons", nameof(network));
            default:
                break;
        }

        return PopulationSimulation.Resolve(VectorWidth.Auto) switch
        {
            VectorWidth.Bits512 => new NetworkKernel<Lane512, Vector512<double>>(network, start, threads).Run(steps, progress),
            VectorWidth.Bits256 => new NetworkKernel<Lane256, Vector256<double>>(network, start, threads).Run(steps, progress),
            VectorWidth.Bits128 => new NetworkKernel<Lane128, Vector128<double>>(network, start, threads).Run(steps, progress),
            _ => new NetworkKernel<ScalarLane, bool>(network, start, threads).Run(steps, progress),
        };
    }
}

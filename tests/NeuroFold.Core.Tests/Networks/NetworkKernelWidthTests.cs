using System.Collections.Immutable;
using System.Runtime.Intrinsics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Networks;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Tests.Generators;
using Xunit;
using static NeuroFold.Core.Tests.Networks.NetworkTestKit;

namespace NeuroFold.Core.Tests.Networks;

/// <summary>
/// The network kernel gives the same bits at every width: scalar, 128, 256 and 512 bits (software where the machine
/// lacks them) on random small networks, dense and sparse, with delays, thalamic, sampled and constant input,
/// sizes that do not fill whole vectors, 1–3 threads, from the initial state or from a state with input in flight.
/// </summary>
public sealed class NetworkKernelWidthTests
{
    /// <summary>A network, the state it starts from, the steps to run and the threads.</summary>
    public sealed record KernelCase(Network Network, NetworkState Start, int Steps, int Threads, string Description)
    {
        public override string ToString() => Description;
    }

    static Gen<double[]> Values(int count, double lo, double hi) => PopulationGens.Between(lo, hi).ArrayOf(count);

    static Gen<NetworkNeurons> Neurons(int n) =>
        from excitatory in Gen.Choose(0, n)
        from a in Values(n, 0.02, 0.1)
        from b in Values(n, 0.2, 0.25)
        from c in Values(n, -65, -50)
        from d in Values(n, 2, 8)
        from v0 in PopulationGens.Between(-70, -60)
        select NetworkNeurons.Create(a, b, c, d, v0, excitatory).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));

    static Gen<Connectivity> Dense(int n) =>
        from weights in Values(n * n, -6, 8)
        from delay in Gen.Choose(0, 6)
        select (Connectivity)Connectivity.Dense.FromPostsynapticRows(n, weights, delay).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));

    static Gen<Connectivity> SparseRows(int n) =>
        from count in Gen.Choose(0, 6 * n)
        from pre in Gen.Choose(0, n - 1).ArrayOf(count)
        from post in Gen.Choose(0, n - 1).ArrayOf(count)
        from weights in Values(count, -10, 15)
        from delays in Gen.Frequency((1, Gen.Constant(1)), (3, Gen.Choose(0, 9))).ArrayOf(count)
        select (Connectivity)Sparse(n, pre, post, weights, delays);

    /// <summary>Input for <paramref name="steps"/> steps: thalamic noise, given values (one of them huge now and then), or constants.</summary>
    static Gen<(NetworkInput Input, string Kind)> Input(int n, int steps) =>
        Gen.OneOf(
            from seed in Gen.Choose(0, int.MaxValue)
            from sigma in Values(n, 2, 10)
            select ((NetworkInput)new NetworkInput.Thalamic(seed, ImmutableArray.Create(sigma)), "thalamic"),
            from values in Values(steps * n, -5, 25)
            from huge in Gen.Frequency((4, Gen.Constant(-1)), (1, Gen.Choose(0, (steps * n) - 1)))
            select ((NetworkInput)Sampled(steps, Huge(values, huge)), huge < 0 || huge >= values.Length ? "sampled" : $"sampled, 1e200 at {huge}"),
            from values in Values(n, 0, 20)
            select ((NetworkInput)new NetworkInput.Constant(ImmutableArray.Create(values)), "constant"));

    static double[] Huge(double[] values, int at)
    {
        if (at >= 0 && at < values.Length)
        {
            values[at] = 1e200;
        }

        return values;
    }

    static Arbitrary<KernelCase> Cases =>
        (from n in Gen.Frequency((4, Gen.Choose(1, 45).Where(k => k % 8 != 0)), (1, Gen.Elements(8, 16, 24)))
         from dense in Gen.Elements(true, false)
         from neurons in Neurons(n)
         from connectivity in dense ? Dense(n) : SparseRows(n)
         from warmup in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(1, 40)))
         from steps in Gen.Choose(0, 120)
         from input in Input(n, warmup + steps)
         from threads in Gen.Choose(1, 3)
         select Start(new Network(neurons, connectivity, input.Input), warmup, steps, threads,
             $"N={n} {(dense ? "dense" : "sparse")} maxDelay={connectivity.MaxDelaySteps} {input.Kind} warmup={warmup} steps={steps} threads={threads}")).ToArbitrary();

    /// <summary>The case starting after <paramref name="warmup"/> steps (run by the scalar kernel), so input may already be in flight.</summary>
    static KernelCase Start(Network network, int warmup, int steps, int threads, string description)
    {
        var start = NetworkState.Initial(network);
        if (warmup > 0)
        {
            var warm = new NetworkKernel<ScalarLane, bool>(network, start, 1).Run(warmup, null);
            start = warm.Status.IsCompleted ? warm.Final : start;
        }

        return new KernelCase(network, start, steps, threads, description);
    }

    [Property(MaxTest = 250)]
    public Property Every_width_gives_the_scalar_kernels_spikes_state_and_pending_input() =>
        Prop.ForAll(Cases, c =>
        {
            var scalar = new NetworkKernel<ScalarLane, bool>(c.Network, c.Start, c.Threads).Run(c.Steps, null);
            Same(scalar, new NetworkKernel<Lane128, Vector128<double>>(c.Network, c.Start, c.Threads).Run(c.Steps, null));
            Same(scalar, new NetworkKernel<Lane256, Vector256<double>>(c.Network, c.Start, c.Threads).Run(c.Steps, null));
            Same(scalar, new NetworkKernel<Lane512, Vector512<double>>(c.Network, c.Start, c.Threads).Run(c.Steps, null));
            Same(scalar, NetworkSimulation.Run(c.Network, c.Start, c.Steps, c.Threads));
        });

    /// <summary>
    /// Bitwise equality of two results: all of it for a completed run. A run stopped by a non-finite state agrees in its
    /// spikes, status, step count, pending input and final state too (every neuron finishes the failing step, whatever
    /// the width and thread count), with NaN matching NaN of any payload (IEEE leaves the payload of NaN op NaN open).
    /// </summary>
    static void Same(NetworkResult expected, NetworkResult actual)
    {
        if (expected.Status.IsCompleted)
        {
            AssertIdentical(expected, actual);
            return;
        }

        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.SpikeSteps.ToArray(), actual.SpikeSteps.ToArray());
        Assert.Equal(expected.SpikeNeurons.ToArray(), actual.SpikeNeurons.ToArray());
        Assert.Equal(expected.Final.StepsDone, actual.Final.StepsDone);
        SameUpToNaNPayload(expected.Final.V.AsSpan(), actual.Final.V.AsSpan());
        SameUpToNaNPayload(expected.Final.U.AsSpan(), actual.Final.U.AsSpan());
        SameUpToNaNPayload(expected.Final.Pending.AsSpan(), actual.Final.Pending.AsSpan());
    }

    static void SameUpToNaNPayload(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            bool same = (double.IsNaN(expected[i]) && double.IsNaN(actual[i]))
                || BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]);
            Assert.True(same, $"element {i}: {expected[i]:R} vs {actual[i]:R}");
        }
    }

    /// <summary>The comparison is not vacuous: the generated networks spike, deliver delayed input, and some leave the finite range.</summary>
    [Fact]
    public void The_cases_spike_carry_input_in_flight_and_sometimes_overflow()
    {
        var cases = Cases.Generator.Sample(300, new Rnd(8UL), 50);
        var results = cases.Select(c => (c, r: new NetworkKernel<Lane256, Vector256<double>>(c.Network, c.Start, c.Threads).Run(c.Steps, null))).ToList();
        Assert.True(results.Count(x => x.r.SpikeCount > 10) > 150);
        Assert.True(results.Count(x => x.c.Start.StepsDone > 0 && x.c.Start.Pending.Any(p => p != 0)) > 50);
        Assert.Contains(results, x => x.r.Status is RunStatus.NonFinite);
    }
}

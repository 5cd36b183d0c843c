using System.Runtime.CompilerServices;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;

namespace NeuroFold.Core.Populations;

/// <summary>The kernel for any scheme: each neuron of the block folded through every step with its state in registers.</summary>
/// <remarks>
/// Exactly <see cref="Simulation.Simulation.Advance{TScheme}"/> per neuron, with a constant input, plus a finiteness test
/// of every state. Neuron-major order books each neuron's spikes in step order, so the spikes of any one step are in
/// ascending neuron order. The step loop makes no calls (spike steps go to a buffer booked between runs of the loop),
/// so the JIT keeps the state in registers.
/// </remarks>
internal readonly struct ScalarKernel<TScheme> : IPopulationKernel
    where TScheme : struct, IScheme
{
    const int Capacity = 1024;

    /// <inheritdoc />
    public static void Advance(PopulationWorkspace work, int start, int count, VectorWidth width, SpikeLog log, KernelScratch scratch)
    {
        scratch.EnsureStepRoom(Capacity);
        int[] buffer = scratch.Steps;
        int steps = work.Steps;
        for (int n = start; n < start + count; n++)
        {
            var constants = work.Constants[n];
            double input = work.Input[n];
            var state = new IzhikevichState(work.V[n], work.U[n]);
            int firstNonFinite = -1;
            int k = 0;
            while (k < steps)
            {
                k = Fold(constants, input, ref state, k, steps, buffer, out int pending, ref firstNonFinite);
                for (int s = 0; s < pending; s++)
                {
                    work.OnSpike(n, buffer[s], log);
                }
            }

            work.V[n] = state.V;
            work.U[n] = state.U;
            work.FirstNonFinite[n] = firstNonFinite;
        }
    }

    /// <summary>Folds from step <paramref name="k"/> until the end or a full spike buffer; returns the next step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int Fold(
        in StepConstants constants, double input, ref IzhikevichState state, int k, int steps, int[] buffer, out int pending, ref int firstNonFinite)
    {
        var s = state;
        int bad = firstNonFinite;
        ref int spikeSteps = ref buffer[0];
        int p = 0;
        while (k < steps)
        {
            var outcome = TScheme.Step(constants, s, input);
            s = outcome.State;
            if (outcome.Spiked)
            {
                Unsafe.Add(ref spikeSteps, p++) = k;
            }

            if (bad < 0 && !(double.IsFinite(s.V) && double.IsFinite(s.U)))
            {
                bad = k;
            }

            k++;
            if (p == Capacity)
            {
                break;
            }
        }

        state = s;
        firstNonFinite = bad;
        pending = p;
        return k;
    }
}

using System.Runtime.CompilerServices;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;

namespace NeuroFold.Core.Populations;

/// <summary>The kernel for any scheme: each neuron of the block folded through every step with its state in registers.</summary>
/// <remarks>
/// Exactly <see cref="Simulation.Simulation.Advance{TScheme}"/> per neuron, with a constant input. Neuron-major order
/// books each neuron's spikes in step order, so the spikes of any one step are in ascending neuron order.
/// </remarks>
internal readonly struct ScalarKernel<TScheme> : IPopulationKernel
    where TScheme : struct, IScheme
{
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Advance(PopulationWorkspace work, int start, int count, VectorWidth width, SpikeLog log, KernelScratch scratch)
    {
        int steps = work.Steps;
        for (int n = start; n < start + count; n++)
        {
            var constants = work.Constants[n];
            double input = work.Input[n];
            var state = new IzhikevichState(work.V[n], work.U[n]);
            bool finite = true;
            for (int k = 0; k < steps; k++)
            {
                var outcome = TScheme.Step(constants, state, input);
                state = outcome.State;
                if (outcome.Spiked)
                {
                    work.OnSpike(n, k, log);
                }

                if (finite && !(double.IsFinite(state.V) && double.IsFinite(state.U)))
                {
                    finite = false;
                    work.FirstNonFinite[n] = k;
                }
            }

            work.V[n] = state.V;
            work.U[n] = state.U;
        }
    }
}

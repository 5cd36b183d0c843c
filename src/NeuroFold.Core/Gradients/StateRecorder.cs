using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Core.Gradients;

/// <summary>The fold observer that keeps the state after every step of a segment, or every <c>every</c>-th step (checkpoints).</summary>
internal readonly struct StateRecorder(double[] v, double[] u, int firstStep, int every) : IFoldObserver<ScalarLane>
{
    public void Observe(int step, ScalarLane v1, ScalarLane u1, bool spiked)
    {
        int i = step - firstStep + 1;
        if (i % every == 0)
        {
            v[i / every] = v1;
            u[i / every] = u1;
        }
    }
}

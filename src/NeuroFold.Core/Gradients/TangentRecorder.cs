using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Core.Gradients;

/// <summary>The fold observer that keeps the membrane potential's tangents after every step (row k: step k, one column per variable).</summary>
/// <typeparam name="TSurrogate">The dual numbers' surrogate.</typeparam>
internal readonly struct TangentRecorder<TSurrogate>(double[] tangents, int variables, int firstStep) : IFoldObserver<Dual<TSurrogate>>
    where TSurrogate : struct, ISurrogate
{
    public void Observe(int step, Dual<TSurrogate> v, Dual<TSurrogate> u, bool spiked)
    {
        int row = (step - firstStep) * variables;
        for (int j = 0; j < variables; j++)
        {
            tangents[row + j] = v.Tangent(j);
        }
    }
}

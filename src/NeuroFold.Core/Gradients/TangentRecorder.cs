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
        Span<double> all = stackalloc double[Dual<TSurrogate>.MaxTangents];
        v.CopyTangents(all);
        all[..variables].CopyTo(tangents.AsSpan((step - firstStep) * variables, variables));
    }
}

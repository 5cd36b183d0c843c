namespace NeuroFold.Core.Optimization;

/// <summary>Adam's settings (Kingma &amp; Ba 2015).</summary>
/// <param name="LearningRate">Step size α in the optimizer's coordinates.</param>
/// <param name="Iterations">Gradient evaluations.</param>
/// <param name="Beta1">Decay of the first moment.</param>
/// <param name="Beta2">Decay of the second moment.</param>
/// <param name="Epsilon">Added to the root of the second moment.</param>
public readonly record struct AdamOptions(double LearningRate, int Iterations, double Beta1 = 0.9, double Beta2 = 0.999, double Epsilon = 1e-8);

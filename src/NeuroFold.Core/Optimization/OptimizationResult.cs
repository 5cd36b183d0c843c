using System.Collections.Immutable;

namespace NeuroFold.Core.Optimization;

/// <summary>What a minimisation returns.</summary>
/// <param name="Best">The point of the lowest loss seen (in the model's coordinates, bounds applied).</param>
/// <param name="BestLoss">Its loss.</param>
/// <param name="LossCurve">The loss at each evaluation, in order.</param>
/// <param name="Evaluations">Loss-and-gradient evaluations used.</param>
public sealed record OptimizationResult(ImmutableArray<double> Best, double BestLoss, ImmutableArray<double> LossCurve, int Evaluations);

using System.Collections.Immutable;

namespace NeuroFold.Cli.Fitting;

/// <summary>One start of a fit.</summary>
/// <param name="Index">The start's index.</param>
/// <param name="Origin">Where it started.</param>
/// <param name="Best">The point of its lowest training loss.</param>
/// <param name="BestLoss">That loss (∞ when no evaluation was finite).</param>
/// <param name="Curve">The training loss at each iteration.</param>
/// <param name="Simulations">Forward-mode runs used (one per training stimulus and iteration).</param>
internal sealed record StartResult(int Index, ModelPoint Origin, ModelPoint Best, double BestLoss, ImmutableArray<double> Curve, int Simulations);

using System.Collections.Immutable;

namespace NeuroFold.Cli.Fitting;

/// <summary>One start of a fit.</summary>
/// <param name="Index">The start's index.</param>
/// <param name="Origin">Where it started.</param>
/// <param name="Best">The point of its lowest training loss.</param>
/// <param name="BestLoss">That loss (∞ when no evaluation was finite).</param>
/// <param name="Curve">The training loss at each iteration.</param>
/// <param name="Simulations">Training runs used (one per training stimulus and evaluation; CMA-ES: per candidate).</param>
/// <param name="Validation">After each iteration, the mean validation Γ_A of the start's best point so far (NaN without validation stimuli); monitoring only, never used to choose.</param>
internal sealed record StartResult(int Index, ModelPoint Origin, ModelPoint Best, double BestLoss, ImmutableArray<double> Curve, int Simulations, ImmutableArray<double> Validation);

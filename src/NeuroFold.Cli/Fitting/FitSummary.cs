using System.Collections.Immutable;

namespace NeuroFold.Cli.Fitting;

/// <summary>What a fit found: the best start, every start, the best point's score on each stimulus, and the simulations used.</summary>
/// <param name="Best">The best start.</param>
/// <param name="Results">Every start, in start order.</param>
/// <param name="Scores">The best point on the training, then the validation stimuli.</param>
/// <param name="Simulations">Forward-mode runs of every start plus the plain runs that scored the best point.</param>
internal sealed record FitSummary(StartResult Best, ImmutableArray<StartResult> Results, ImmutableArray<StimulusScore> Scores, int Simulations);

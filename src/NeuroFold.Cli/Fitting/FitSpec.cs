using System.Collections.Immutable;
using NeuroFold.IO.Recordings;

namespace NeuroFold.Cli.Fitting;

/// <summary>A resolved fit: the data split, the model's starting point, what is free, the loss and the optimizer's settings.</summary>
/// <param name="DataPath">The recordings (full path).</param>
/// <param name="Train">The training stimuli.</param>
/// <param name="Validation">The validation stimuli (every other stimulus of the data; may be empty).</param>
/// <param name="Start">The starting point (start 0).</param>
/// <param name="Free">The fitted quantities.</param>
/// <param name="Objective">The training loss.</param>
/// <param name="Surrogate">The spike step's surrogate derivative.</param>
/// <param name="Starts">Number of starts.</param>
/// <param name="Seed">Seed of the random starts.</param>
/// <param name="Iterations">Adam iterations per start.</param>
/// <param name="LearningRate">Adam's step size (on the sigmoid-transformed quantities).</param>
/// <param name="Optimizer">cmaes, adam or lbfgs.</param>
/// <param name="Sigma">CMA-ES's initial step size (on the sigmoid-transformed quantities).</param>
/// <param name="Population">CMA-ES's candidates per generation (0: its default).</param>
internal sealed record FitSpec(
    string DataPath, ImmutableArray<RecordedStimulus> Train, ImmutableArray<RecordedStimulus> Validation, ModelPoint Start, ImmutableArray<string> Free,
    Objective Objective, string Surrogate, int Starts, long Seed, int Iterations, double LearningRate, string Optimizer, double Sigma, int Population);

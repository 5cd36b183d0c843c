namespace NeuroFold.Cli.Fitting;

/// <summary>The option texts of a fit, as given.</summary>
internal sealed record FitOptions(
    string? Data, string? Stimuli, string? Model, string? Scheme, string? Preset, string? Params, string? Free, string? Loss, string? Surrogate,
    string? Optimizer, string? Starts, string? Seed, string? Iterations, string? LearningRate, string? Window, string? Sigma = null, string? Population = null,
    string? Spikes = null, string? Clip = null, string? Mask = null, string? Tau = null);

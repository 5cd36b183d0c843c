using NeuroFold.Core.Simulation;
using NeuroFold.IO.Recordings;

namespace NeuroFold.Cli.Fitting;

/// <summary>A fitted model on one stimulus.</summary>
/// <param name="Stimulus">The recording.</param>
/// <param name="Validation">True for a validation stimulus (not trained on).</param>
/// <param name="Run">The model's run on its current.</param>
/// <param name="GammaA">Γ_A against the repetitions (Γ against the one recording when there is one).</param>
/// <param name="ModelSpikes">The model's spikes.</param>
/// <param name="DataSpikes">The recording's spikes, the mean over the repetitions.</param>
internal sealed record StimulusScore(RecordedStimulus Stimulus, bool Validation, SimulationResult Run, double GammaA, int ModelSpikes, double DataSpikes);

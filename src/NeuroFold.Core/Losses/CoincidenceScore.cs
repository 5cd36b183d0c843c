namespace NeuroFold.Core.Losses;

/// <summary>A model train's coincidence scores against repeated recordings.</summary>
/// <param name="Gamma">The mean Γ of the model against each repetition.</param>
/// <param name="Intrinsic">Γ_int: the recordings' reliability (mean Γ between different repetitions).</param>
/// <param name="Normalised">Γ_A = Γ / Γ_int, the competition's score (about 1 for a model as reliable as the neuron).</param>
public readonly record struct CoincidenceScore(double Gamma, double Intrinsic, double Normalised);

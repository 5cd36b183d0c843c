namespace NeuroFold.Core.Networks;

/// <summary>What one simulated second of a dopamine-STDP run did to the rewarded synapse and the dopamine.</summary>
/// <param name="Second">The second, 1-based.</param>
/// <param name="RewardedWeight">The rewarded synapse's weight at the end of the second, mV/ms.</param>
/// <param name="MeanOtherWeight">The mean weight of every other excitatory slot at the end of the second, mV/ms (row-major sum, then divided by their count).</param>
/// <param name="Dopamine">DA at the end of the second's last step.</param>
/// <param name="RewardsScheduled">Pairings rewarded (rewards scheduled) during the second.</param>
/// <param name="RewardsGiven">Steps of the second at which a reward was due (DA raised).</param>
public readonly record struct DopamineSecond(int Second, double RewardedWeight, double MeanOtherWeight, double Dopamine, int RewardsScheduled, int RewardsGiven);

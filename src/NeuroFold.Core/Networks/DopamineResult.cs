using System.Collections.Immutable;

namespace NeuroFold.Core.Networks;

/// <summary>The outcome of a dopamine-STDP run: the plastic run (spikes, per-second counts and histograms of the other excitatory weights, final state) and the reward protocol's per-second record.</summary>
/// <param name="Plastic">The run; its histograms count every excitatory slot except the rewarded one, over [0, MaxWeight], at the end of each second.</param>
/// <param name="Seconds">One entry per completed second.</param>
public sealed record DopamineResult(PlasticResult Plastic, ImmutableArray<DopamineSecond> Seconds)
{
    /// <summary>Rewards scheduled over the run.</summary>
    public int RewardsScheduled
    {
        get
        {
            int total = 0;
            foreach (var s in Seconds)
            {
                total += s.RewardsScheduled;
            }

            return total;
        }
    }

    /// <summary>Rewards given (DA raised) over the run.</summary>
    public int RewardsGiven
    {
        get
        {
            int total = 0;
            foreach (var s in Seconds)
            {
                total += s.RewardsGiven;
            }

            return total;
        }
    }
}

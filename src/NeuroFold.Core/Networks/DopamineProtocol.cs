using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Validation;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Networks;

/// <summary>Dopamine-modulated STDP with the reward protocol of Izhikevich (2007), <c>daspnet.m</c>: noise input, dopamine, the eligibility update every 10 ms and a rewarded synapse.</summary>
/// <remarks>
/// Per 1 ms step k: the input of neuron n is assigned <c>NoiseAmplitude·(r − 0.5)</c>, <c>r = Uniform(Seed, 11, (k − 1)·N + n)</c>,
/// before the synaptic input is added. After the trace decay: <c>DA = DopamineDecay·DA</c>; if k is a multiple of
/// <see cref="EligibilityPeriodMs"/>: <c>s = max(0, min(MaxWeight, s + (BaselineGain + DA)·sd))</c> on excitatory rows, then
/// <c>sd = SdDecay·sd</c> (the <see cref="PlasticityRule"/>'s numbers); if the target n2 of the rewarded slot fired at k,
/// its source n1 did not, and n1's last spike was less than <see cref="PairingWindowMs"/> ago, a reward is scheduled at
/// <c>k + RewardDelayMs + ⌈RewardSpreadMs·r⌉</c>, <c>r = Uniform(Seed, 12, k − 1)</c>; if any reward is due at k,
/// <c>DA = DA + RewardDopamine</c> (once). Source: E. M. Izhikevich, "Solving the distal reward problem through
/// linkage of STDP and dopamine signaling", Cerebral Cortex 17:2443 (2007); docs/NUMERICS.md, section 12.
/// </remarks>
public readonly record struct DopamineProtocol
{
    internal DopamineProtocol(long seed, int rewardedNeuron, int rewardedSlot, double baselineGain, double rewardDopamine)
    {
        Seed = seed;
        RewardedNeuron = rewardedNeuron;
        RewardedSlot = rewardedSlot;
        BaselineGain = baselineGain;
        RewardDopamine = rewardDopamine;
    }

    /// <summary>Seed of the noise input and the reward delays (CounterRandom streams 11 and 12).</summary>
    public long Seed { get; }

    /// <summary>The presynaptic neuron n1 of the rewarded synapse, 0-based (daspnet.m: neuron 1, so 0).</summary>
    public int RewardedNeuron { get; }

    /// <summary>The slot of the rewarded synapse, 0-based (daspnet.m: syn = 1, so 0).</summary>
    public int RewardedSlot { get; }

    /// <summary>The weight change per unit eligibility without dopamine, per update (daspnet.m: 0.002).</summary>
    public double BaselineGain { get; }

    /// <summary>Dopamine added when a reward is due (daspnet.m: 0.5).</summary>
    public double RewardDopamine { get; }

    /// <summary>The noise input's full range, mV/ms: inputs lie in ±NoiseAmplitude/2 (daspnet.m: 13).</summary>
    public const double NoiseAmplitude = 13.0;

    /// <summary>Dopamine's factor per 1 ms step (daspnet.m: 0.995).</summary>
    public const double DopamineDecay = 0.995;

    /// <summary>Steps between eligibility updates of the weights, ms (daspnet.m: 10).</summary>
    public const int EligibilityPeriodMs = 10;

    /// <summary>A pairing is n2 firing less than this many ms after n1 (daspnet.m: 20).</summary>
    public const int PairingWindowMs = 20;

    /// <summary>The shortest reward delay, ms (daspnet.m: 1000).</summary>
    public const int RewardDelayMs = 1000;

    /// <summary>The spread of the reward delay, ms: the delay is RewardDelayMs + ⌈RewardSpreadMs·r⌉ (daspnet.m: 2000).</summary>
    public const int RewardSpreadMs = 2000;

    /// <summary>The protocol of <c>daspnet.m</c> for the synapse of neuron 0, slot 0, noise and reward delays from <paramref name="seed"/>.</summary>
    public static DopamineProtocol Izhikevich2007(long seed) => new(seed, 0, 0, 0.002, 0.5);

    /// <summary>A protocol with the given gains; every problem is listed.</summary>
    /// <remarks>Rules: seed ≥ 0; neuron and slot ≥ 0 (checked against the network when it runs); both gains finite and ≥ 0.</remarks>
    public static Validation<Error, DopamineProtocol> Create(long seed, int rewardedNeuron, int rewardedSlot, double baselineGain, double rewardDopamine)
    {
        var errors = new List<Error>();
        if (seed < 0)
        {
            errors.Add(Error.New($"seed must be >= 0, got {seed}"));
        }

        if (rewardedNeuron < 0 || rewardedSlot < 0)
        {
            errors.Add(Error.New($"the rewarded neuron and slot must be >= 0, got {rewardedNeuron} and {rewardedSlot}"));
        }

        if (!double.IsFinite(baselineGain) || baselineGain < 0)
        {
            errors.Add(Error.New($"baselineGain must be finite and >= 0, got {Checks.Show(baselineGain)}"));
        }

        if (!double.IsFinite(rewardDopamine) || rewardDopamine < 0)
        {
            errors.Add(Error.New($"rewardDopamine must be finite and >= 0, got {Checks.Show(rewardDopamine)}"));
        }

        return errors.Count == 0
            ? Success<Error, DopamineProtocol>(new DopamineProtocol(seed, rewardedNeuron, rewardedSlot, baselineGain, rewardDopamine))
            : Fail<Error, DopamineProtocol>(errors.ToSeq());
    }
}

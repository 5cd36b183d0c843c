using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Validation;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Networks;

/// <summary>The STDP rule of Izhikevich's <c>spnet.m</c>: traces, LTP/LTD, the once-per-second weight update and the decay of sd.</summary>
/// <remarks>
/// Per 1 ms step: a neuron's trace is <see cref="TraceAtSpike"/> at its spike and otherwise the previous value times
/// <see cref="TraceDecay"/>; LTP adds the presynaptic trace at <c>t − delay</c> to sd, LTD subtracts
/// <c>LtdFactor · x_post(t)</c> at every delivery. Once per second: <c>s = max(0, min(MaxWeight, (Drift + s) + sd))</c>
/// on excitatory rows, then <c>sd = SdDecay · sd</c> on every row. Source: Izhikevich (2006), Neural Computation
/// 18:245; <c>spnet.m</c>; docs/NUMERICS.md, section 12.
/// </remarks>
public readonly record struct PlasticityRule
{
    internal PlasticityRule(double traceAtSpike, double traceDecay, double ltdFactor, double drift, double sdDecay, double maxWeight)
    {
        TraceAtSpike = traceAtSpike;
        TraceDecay = traceDecay;
        LtdFactor = ltdFactor;
        Drift = drift;
        SdDecay = sdDecay;
        MaxWeight = maxWeight;
    }

    /// <summary>The trace value at a spike (spnet.m: 0.1).</summary>
    public double TraceAtSpike { get; }

    /// <summary>The trace's factor per 1 ms step (spnet.m: 0.95).</summary>
    public double TraceDecay { get; }

    /// <summary>The LTD factor applied to the postsynaptic trace (spnet.m: 1.2).</summary>
    public double LtdFactor { get; }

    /// <summary>The weight drift added once per second, mV/ms (spnet.m: 0.01).</summary>
    public double Drift { get; }

    /// <summary>The factor sd is multiplied by once per second, after the weight update (spnet.m: 0.9).</summary>
    public double SdDecay { get; }

    /// <summary>The largest excitatory weight, mV/ms (spnet.m's sm: 10).</summary>
    public double MaxWeight { get; }

    /// <summary>The rule of <c>spnet.m</c>: 0.1, 0.95, 1.2, 0.01, 0.9, 10.</summary>
    public static PlasticityRule Spnet2006 { get; } = new(0.1, 0.95, 1.2, 0.01, 0.9, 10.0);

    /// <summary>The rule of <c>daspnet.m</c> (Izhikevich 2007): traces 0.1 and 0.95, LTD 1.5, no drift, sd (the eligibility) times 0.99 after every update, weights up to 4.</summary>
    /// <remarks>With a <see cref="DopamineProtocol"/> the update runs every 10 ms as <c>s = max(0, min(MaxWeight, s + (gain + DA)·sd))</c>; <see cref="Drift"/> is not used.</remarks>
    public static PlasticityRule Daspnet2007 { get; } = new(0.1, 0.95, 1.5, 0.0, 0.99, DopamineStdpNetwork.MaxWeight);

    /// <summary>No learning: no trace (so no LTP and no LTD) and no drift; the weights stay as they start (when within 0 … 10).</summary>
    public static PlasticityRule None { get; } = new(0.0, 0.95, 1.2, 0.0, 0.9, 10.0);

    /// <summary>A rule from its numbers; every problem is listed.</summary>
    /// <remarks>Rules: every value finite; trace at spike, LTD factor and drift ≥ 0; both decays in [0, 1]; the largest weight &gt; 0.</remarks>
    public static Validation<Error, PlasticityRule> Create(double traceAtSpike, double traceDecay, double ltdFactor, double drift, double sdDecay, double maxWeight)
    {
        var errors = new List<Error>();
        void Check(string name, double x, bool ok, string what)
        {
            if (!double.IsFinite(x) || !ok)
            {
                errors.Add(Error.New($"{name} must be {what}, got {Checks.Show(x)}"));
            }
        }

        Check("traceAtSpike", traceAtSpike, traceAtSpike >= 0, "finite and >= 0");
        Check("traceDecay", traceDecay, traceDecay >= 0 && traceDecay <= 1, "in [0, 1]");
        Check("ltdFactor", ltdFactor, ltdFactor >= 0, "finite and >= 0");
        Check("drift", drift, drift >= 0, "finite and >= 0");
        Check("sdDecay", sdDecay, sdDecay >= 0 && sdDecay <= 1, "in [0, 1]");
        Check("maxWeight", maxWeight, maxWeight > 0, "finite and > 0");
        return errors.Count == 0
            ? Success<Error, PlasticityRule>(new PlasticityRule(traceAtSpike, traceDecay, ltdFactor, drift, sdDecay, maxWeight))
            : Fail<Error, PlasticityRule>(errors.ToSeq());
    }
}

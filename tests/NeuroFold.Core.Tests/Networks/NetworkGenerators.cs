using FsCheck;
using FsCheck.Fluent;

namespace NeuroFold.Core.Tests.Networks;

/// <summary>Explicit generators over physical ranges for the network properties (never FsCheck's default double).</summary>
public static class NetworkGenerators
{
    /// <summary>A double in [lo, hi] on a grid of 10⁶ points.</summary>
    public static Gen<double> Range(double lo, double hi) => Gen.Choose(0, 1_000_000).Select(k => lo + ((hi - lo) * k / 1_000_000.0));

    /// <summary>A small network case: size, seed, steps.</summary>
    public record SmallCase(int Neurons, long Seed, int Steps);

    /// <summary>Random small cases.</summary>
    public static Arbitrary<SmallCase> SmallCases() =>
        (from n in Gen.Choose(2, 120)
         from seed in Gen.Choose(0, int.MaxValue)
         from steps in Gen.Choose(1, 150)
         select new SmallCase(n, seed, steps)).ToArbitrary();

    /// <summary>Delay case: delay in steps, weight (mV), and the step at which neuron 0 is kicked.</summary>
    public record DelayCase(int Delay, double Weight, int KickStep);

    /// <summary>Random delay cases.</summary>
    public static Arbitrary<DelayCase> DelayCases() =>
        (from d in Gen.Choose(0, 30)
         from w in Range(-20.0, 40.0)
         from kick in Gen.Choose(1, 40)
         select new DelayCase(d, w, kick)).ToArbitrary();

    /// <summary>A small plastic network: its seed (targets, delays, weights, drive are drawn from it), size, slots, the longest delay, whether a row may repeat a target, and seconds to run.</summary>
    public record PlasticCase(int Seed, int Neurons, int Slots, int MaxDelay, bool Repeats, int Seconds);

    /// <summary>Random small plastic networks: 10–60 neurons (4 in 5 excitatory), 1–12 slots, delays up to 1–19 ms, 1–3 s.</summary>
    public static Arbitrary<PlasticCase> PlasticCases() =>
        (from seed in Gen.Choose(0, int.MaxValue)
         from n in Gen.Choose(10, 60)
         from m in Gen.Choose(1, 12)
         from d in Gen.Choose(1, 19)
         from repeats in Gen.Elements(false, true)
         from seconds in Gen.Choose(1, 3)
         select new PlasticCase(seed, n, m, d, repeats, seconds)).ToArbitrary();
}

using NeuroFold.Core.Networks;

namespace NeuroFold.Cli.Specs;

/// <summary>A validated <c>network --model dopamine-stdp</c> run: the network, the reward protocol and its length.</summary>
/// <param name="Network">The network (2004 connectivity, delay 1, weights ±1, the rewarded synapse at 0).</param>
/// <param name="Protocol">Noise, dopamine and reward protocol (<see cref="DopamineProtocol.Izhikevich2007"/>).</param>
/// <param name="Seconds">Whole seconds to run (<c>tMax</c> / 1000).</param>
/// <param name="Seed">Seed of the network, the noise and the reward delays.</param>
/// <param name="Threads">Worker threads (results do not depend on it).</param>
/// <param name="OutDir">Output folder.</param>
internal sealed record ResolvedDopamine(PlasticNetwork Network, DopamineProtocol Protocol, int Seconds, long Seed, int Threads, string OutDir)
{
    /// <summary>The model's name.</summary>
    public static string Model => NetworkResolver.DopamineStdp;

    /// <summary>Steps of 1 ms.</summary>
    public int Steps => Seconds * 1000;
}

using System.Collections.Immutable;
using LanguageExt;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Models;

/// <summary>The cortical and thalamic cell classes of Izhikevich (2003), Fig. 2.</summary>
/// <remarks>Values as published: Izhikevich (2003), IEEE Trans. Neural Networks 14(6), Fig. 2.</remarks>
public static class Presets
{
    /// <summary>Regular spiking: a=0.02, b=0.2, c=−65, d=8.</summary>
    public static IzhikevichParameters RegularSpiking => new(0.02, 0.2, -65.0, 8.0);

    /// <summary>Intrinsically bursting: a=0.02, b=0.2, c=−55, d=4.</summary>
    public static IzhikevichParameters IntrinsicallyBursting => new(0.02, 0.2, -55.0, 4.0);

    /// <summary>Chattering: a=0.02, b=0.2, c=−50, d=2.</summary>
    public static IzhikevichParameters Chattering => new(0.02, 0.2, -50.0, 2.0);

    /// <summary>Fast spiking: a=0.1, b=0.2, c=−65, d=2.</summary>
    public static IzhikevichParameters FastSpiking => new(0.1, 0.2, -65.0, 2.0);

    /// <summary>Thalamo-cortical: a=0.02, b=0.25, c=−65, d=0.05.</summary>
    public static IzhikevichParameters ThalamoCortical => new(0.02, 0.25, -65.0, 0.05);

    /// <summary>Resonator: a=0.1, b=0.26, c=−65, d=2.</summary>
    public static IzhikevichParameters Resonator => new(0.1, 0.26, -65.0, 2.0);

    /// <summary>Low-threshold spiking: a=0.02, b=0.25, c=−65, d=2.</summary>
    public static IzhikevichParameters LowThresholdSpiking => new(0.02, 0.25, -65.0, 2.0);

    /// <summary>Every preset by its short name (rs, ib, ch, fs, tc, rz, lts), in the paper's order.</summary>
    public static ImmutableArray<(string Name, IzhikevichParameters Parameters)> All { get; } =
    [
        ("rs", RegularSpiking),
        ("ib", IntrinsicallyBursting),
        ("ch", Chattering),
        ("fs", FastSpiking),
        ("tc", ThalamoCortical),
        ("rz", Resonator),
        ("lts", LowThresholdSpiking),
    ];

    /// <summary>Looks a preset up by its short name, ignoring case.</summary>
    public static Option<IzhikevichParameters> Find(string name)
    {
        foreach (var (n, p) in All)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                return Some(p);
            }
        }

        return None;
    }
}

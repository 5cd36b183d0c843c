using System.Collections.Immutable;

namespace NeuroFold.Core.Stimuli;

/// <summary>The sum of several stimuli, added in their order, starting from zero.</summary>
public sealed record CompositeStimulus : Stimulus
{
    internal CompositeStimulus(ImmutableArray<Stimulus> parts)
    {
        Parts = parts;
    }

    /// <summary>The stimuli to add.</summary>
    public ImmutableArray<Stimulus> Parts { get; }

    /// <summary>The sum of <paramref name="parts"/> (each already a valid stimulus), added in their order.</summary>
    public static CompositeStimulus Of(params ReadOnlySpan<Stimulus> parts)
    {
        foreach (var p in parts)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(parts));
        }

        return new CompositeStimulus(parts.ToImmutableArray());
    }

    internal override void AddTo(Span<double> currents, TimeGrid grid, int firstStep)
    {
        foreach (var part in Parts)
        {
            part.AddTo(currents, grid, firstStep);
        }
    }
}

using System.Collections.Immutable;

namespace NeuroFold.Core.Stimuli;

/// <summary>The sum of several stimuli, added in their order, starting from zero.</summary>
/// <param name="Parts">The stimuli to add.</param>
public sealed record CompositeStimulus(ImmutableArray<Stimulus> Parts) : Stimulus
{
    internal override void AddTo(Span<double> currents, TimeGrid grid)
    {
        foreach (var part in Parts)
        {
            part.AddTo(currents, grid);
        }
    }
}

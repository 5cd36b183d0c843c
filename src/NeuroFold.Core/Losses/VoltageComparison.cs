using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Validation;

namespace NeuroFold.Core.Losses;

/// <summary>Which samples a voltage loss compares and how it treats spikes.</summary>
public readonly record struct VoltageComparison
{
    internal VoltageComparison(int first, int end, SpikeHandling spikes, double clipMv, int maskBefore, int maskAfter)
    {
        First = first;
        End = end;
        Spikes = spikes;
        ClipMv = clipMv;
        MaskBefore = maskBefore;
        MaskAfter = maskAfter;
    }

    /// <summary>The first sample compared.</summary>
    public int First { get; }

    /// <summary>One past the last sample compared.</summary>
    public int End { get; }

    /// <summary>Mask or clip.</summary>
    public SpikeHandling Spikes { get; }

    /// <summary>The clip level, mV (with <see cref="SpikeHandling.Clip"/>).</summary>
    public double ClipMv { get; }

    /// <summary>Samples left out before each spike (with <see cref="SpikeHandling.Mask"/>).</summary>
    public int MaskBefore { get; }

    /// <summary>Samples left out after each spike, the spike's own sample included (with <see cref="SpikeHandling.Mask"/>).</summary>
    public int MaskAfter { get; }

    /// <summary>Validates raw values; every problem is reported.</summary>
    /// <remarks>Rules: <c>0 ≤ first &lt; end</c>; the clip level finite; the mask widths ≥ 0.</remarks>
    public static Validation<Error, VoltageComparison> Create(int first, int end, SpikeHandling spikes, double clipMv, int maskBefore, int maskAfter) =>
        (Rule(first >= 0 && end > first, $"window must satisfy 0 <= first < end, got [{first}, {end})", (first, end)),
         Checks.Finite("clip", clipMv),
         Rule(maskBefore >= 0 && maskAfter >= 0, $"mask widths must be >= 0, got {maskBefore} before and {maskAfter} after", (maskBefore, maskAfter)))
        .Apply((w, clip, m) => new VoltageComparison(w.first, w.end, spikes, clip, m.maskBefore, m.maskAfter));

    static Validation<Error, T> Rule<T>(bool ok, string message, T value) =>
        ok ? Prelude.Success<Error, T>(value) : Prelude.Fail<Error, T>(Error.New(message));
}

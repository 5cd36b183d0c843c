using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Simulation;

/// <summary>What a run keeps: the trace (thinned to every n-th row, or none) — spikes are always kept.</summary>
public readonly record struct Recording
{
    internal Recording(int every, bool keepTrace)
    {
        Every = every;
        KeepTrace = keepTrace;
    }

    /// <summary>Keep trace rows 0, n, 2n, … (row 0 is the initial state); 1 keeps all.</summary>
    public int Every { get; }

    /// <summary>False records spikes only.</summary>
    public bool KeepTrace { get; }

    /// <summary>Every row of the trace, and the spikes.</summary>
    public static Recording Full => new(1, true);

    /// <summary>Spikes only.</summary>
    public static Recording SpikesOnly => new(1, false);

    /// <summary>Validates raw values: <c>every</c> must be at least 1.</summary>
    public static Validation<Error, Recording> Create(int every, bool keepTrace) =>
        every >= 1
            ? Success<Error, Recording>(new Recording(every, keepTrace))
            : Fail<Error, Recording>(Error.New($"every must be a whole number >= 1, got {every}"));
}

using NeuroFold.Core.Stimuli;

namespace NeuroFold.Benchmarks;

/// <summary>The grids of the benchmarks: exactly the steps asked for.</summary>
internal static class Grid
{
    /// <summary><paramref name="steps"/> steps of <paramref name="dtMs"/> (<see cref="TimeGrid.FromSteps"/>).</summary>
    public static TimeGrid Of(double dtMs, int steps) =>
        TimeGrid.FromSteps(dtMs, steps).Match(Succ: g => g, Fail: e => throw new ArgumentOutOfRangeException(nameof(steps), string.Join("; ", e.Map(x => x.Message))));
}

namespace NeuroFold.Core.Arithmetic;

/// <summary>Builds lanes from per-neuron values when a step's constants are prepared (never inside a step).</summary>
internal static class Gather
{
    /// <summary>Lane i holds <c>field(items[i])</c>; <paramref name="items"/> has exactly <c>TLane.Count</c> entries.</summary>
    public static TLane Lanes<TLane, T>(ReadOnlySpan<T> items, Func<T, double> field)
        where TLane : struct, IArithmetic<TLane>
    {
        if (items.Length != TLane.Count)
        {
            throw new ArgumentException($"{items.Length} values for {TLane.Count} lanes", nameof(items));
        }

        Span<double> lanes = stackalloc double[TLane.Count];
        for (int i = 0; i < lanes.Length; i++)
        {
            lanes[i] = field(items[i]);
        }

        return TLane.Load(lanes, 0);
    }

    /// <summary>The mask whose lane i is set when <c>test(items[i])</c>.</summary>
    public static TMask Mask<TLane, TMask, T>(ReadOnlySpan<T> items, Func<T, bool> test)
        where TLane : struct, ILane<TLane, TMask>
        where TMask : struct =>
        TLane.GreaterThan(Lanes<TLane, T>(items, x => test(x) ? 1.0 : 0.0), TLane.Constant(0.0));
}

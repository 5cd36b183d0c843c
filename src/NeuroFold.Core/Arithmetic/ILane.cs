namespace NeuroFold.Core.Arithmetic;

/// <summary>The number operations a step is written in: IEEE-754 double arithmetic on one or several lanes at once.</summary>
/// <remarks>
/// <para>
/// A scheme's step is written once, generic over <typeparamref name="TSelf"/>, and runs unchanged on one neuron
/// (<see cref="ScalarLane"/>), on 2, 4 or 8 neurons per operation (<see cref="Lane128"/>, <see cref="Lane256"/>,
/// <see cref="Lane512"/>), or on other number types that keep the contract (dual numbers, for derivatives).
/// Implementations are structs used through generic constraints, so the JIT specialises every step to straight-line code.
/// </para>
/// <para>
/// The contract that makes every instantiation give the same bits: each operator is exactly the IEEE-754 double
/// operation of <see cref="double"/>, lane by lane, rounded to nearest, never fused (no multiply-add), never reordered.
/// </para>
/// </remarks>
/// <typeparam name="TSelf">The lane type itself.</typeparam>
public interface IArithmetic<TSelf>
    where TSelf : struct, IArithmetic<TSelf>
{
    /// <summary>Number of lanes (neurons per operation).</summary>
    static abstract int Count { get; }

    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TSelf Constant(double value);

    /// <summary>Lanes <c>source[offset] … source[offset + Count − 1]</c>.</summary>
    static abstract TSelf Load(ReadOnlySpan<double> source, int offset);

    /// <summary>Writes the lanes to <c>destination[offset] … destination[offset + Count − 1]</c>.</summary>
    static abstract void Store(TSelf value, Span<double> destination, int offset);

    /// <summary>Lane <paramref name="lane"/> as a double.</summary>
    static abstract double Element(TSelf value, int lane);

    /// <summary>IEEE addition, lane by lane.</summary>
    static abstract TSelf operator +(TSelf left, TSelf right);

    /// <summary>IEEE subtraction, lane by lane.</summary>
    static abstract TSelf operator -(TSelf left, TSelf right);

    /// <summary>IEEE multiplication, lane by lane.</summary>
    static abstract TSelf operator *(TSelf left, TSelf right);

    /// <summary>IEEE division, lane by lane.</summary>
    static abstract TSelf operator /(TSelf left, TSelf right);

    /// <summary>Negation (the sign bit flipped), lane by lane.</summary>
    static abstract TSelf operator -(TSelf value);

    /// <summary><see cref="Math.Min(double, double)"/>, lane by lane.</summary>
    static abstract TSelf Min(TSelf left, TSelf right);

    /// <summary>e^x, correctly rounded (the same bits on every platform), lane by lane (per-run constants only: not used inside steps).</summary>
    static abstract TSelf Exp(TSelf x);
}

/// <summary>The arithmetic with comparisons and lane selection: what a step with a threshold needs.</summary>
/// <remarks>
/// Comparisons give a mask (<typeparamref name="TMask"/>: <see cref="bool"/> for one lane, vectors of all-ones or
/// all-zeros lanes for SIMD); <see cref="Select(TMask, TSelf, TSelf)"/> picks whole lanes without arithmetic, so a
/// select gives exactly the value of the branch it replaces.
/// </remarks>
/// <typeparam name="TSelf">The lane type itself.</typeparam>
/// <typeparam name="TMask">Its comparison result.</typeparam>
public interface ILane<TSelf, TMask> : IArithmetic<TSelf>
    where TSelf : struct, ILane<TSelf, TMask>
    where TMask : struct
{
    /// <summary><c>left ≥ right</c>, lane by lane (false where either is NaN).</summary>
    static abstract TMask GreaterThanOrEqual(TSelf left, TSelf right);

    /// <summary><c>left &gt; right</c>, lane by lane (false where either is NaN).</summary>
    static abstract TMask GreaterThan(TSelf left, TSelf right);

    /// <summary><c>left &lt; right</c>, lane by lane (false where either is NaN).</summary>
    static abstract TMask LessThan(TSelf left, TSelf right);

    /// <summary>True when <c>left ≥ right</c> in some lane: the compare and the test in one (a branch on it needs no mask).</summary>
    static abstract bool AnyGreaterThanOrEqual(TSelf left, TSelf right);

    /// <summary>True when <c>left &gt; right</c> in some lane.</summary>
    static abstract bool AnyGreaterThan(TSelf left, TSelf right);

    /// <summary>True in the lanes that hold NaN or ±∞.</summary>
    static abstract TMask IsNotFinite(TSelf x);

    /// <summary>The mask with no lane set.</summary>
    static abstract TMask None { get; }

    /// <summary>The mask with every lane set.</summary>
    static abstract TMask All { get; }

    /// <summary>Lanes set in both masks.</summary>
    static abstract TMask And(TMask left, TMask right);

    /// <summary>Lanes set in either mask.</summary>
    static abstract TMask Or(TMask left, TMask right);

    /// <summary>True when any lane of <paramref name="mask"/> is set.</summary>
    static abstract bool Any(TMask mask);

    /// <summary>The mask as bits: lane i is bit i.</summary>
    static abstract ulong Bits(TMask mask);

    /// <summary><paramref name="ifTrue"/> in the lanes set in <paramref name="mask"/>, <paramref name="ifFalse"/> elsewhere.</summary>
    static abstract TSelf Select(TMask mask, TSelf ifTrue, TSelf ifFalse);

    /// <summary><paramref name="ifTrue"/> in the lanes set in <paramref name="mask"/>, <paramref name="ifFalse"/> elsewhere (for masks).</summary>
    static abstract TMask Select(TMask mask, TMask ifTrue, TMask ifFalse);

    /// <summary>True when this arithmetic gives the spike threshold a derivative (a surrogate), so a reset has to be evaluated at every step.</summary>
    /// <remarks>
    /// False for plain numbers: a reset that no lane reaches changes nothing and is skipped. A dual number with a
    /// surrogate derivative of the Heaviside step returns true; its reset then leaves every value as it is where no lane
    /// spiked and changes only the derivatives (docs/GRADIENTS.md).
    /// </remarks>
    static virtual bool SeesThreshold => false;

    /// <summary>The after-spike select: <c>otherwise + H(overshoot)·(ifSpiked − otherwise)</c>, with <c>H = spiked</c>.</summary>
    /// <remarks>
    /// The value is exactly <see cref="Select(TMask, TSelf, TSelf)"/> (a select, never the arithmetic, so no bit
    /// changes); only a number type that carries derivatives gives <c>H</c> a derivative with respect to
    /// <paramref name="overshoot"/> (<c>v − v_peak</c>), its surrogate.
    /// </remarks>
    static virtual TSelf SelectSpike(TMask spiked, TSelf overshoot, TSelf ifSpiked, TSelf otherwise) => TSelf.Select(spiked, ifSpiked, otherwise);
}

namespace NeuroFold.Core.Populations;

/// <summary>Which code path a population run uses; every choice gives bit-identical results.</summary>
public enum VectorWidth
{
    /// <summary>The widest hardware-accelerated vectors available (512, then 256, then 128 bits), else scalar.</summary>
    Auto = 0,

    /// <summary>The scheme's scalar step, one neuron at a time.</summary>
    Scalar = 1,

    /// <summary><see cref="System.Runtime.Intrinsics.Vector128{T}"/>: two neurons per operation (the portable fallback).</summary>
    Bits128 = 2,

    /// <summary><see cref="System.Runtime.Intrinsics.Vector256{T}"/>: four neurons per operation.</summary>
    Bits256 = 3,

    /// <summary><see cref="System.Runtime.Intrinsics.Vector512{T}"/>: eight neurons per operation.</summary>
    Bits512 = 4,
}

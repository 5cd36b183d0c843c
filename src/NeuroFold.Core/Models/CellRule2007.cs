namespace NeuroFold.Core.Models;

/// <summary>The cell-specific modifications of the 2007 model that some of the book's cells need (Izhikevich 2007, ch. 8).</summary>
public enum CellRule2007
{
    /// <summary>The plain model: <c>u' = a(b(v − vr) − u)</c>; <c>v ≥ vpeak → v = c, u = u + d</c>.</summary>
    None = 0,

    /// <summary>Fast spiking interneuron (Fig. 8.27): <c>u' = a(U(v) − u)</c>, <c>U(v) = 0</c> for <c>v &lt; vb</c>, else <c>0.025(v − vb)³</c>, vb = −55 mV; a spike resets only v.</summary>
    FastSpiking = 1,

    /// <summary>Low-threshold spiking interneuron (Fig. 8.25): peak <c>vpeak − 0.1u</c>, reset <c>v = c + 0.04u</c>, <c>u = min(u + d, 670)</c>.</summary>
    LowThresholdSpiking = 2,

    /// <summary>Thalamocortical relay cell (Fig. 8.31): <c>b = 0</c> when <c>v &gt; −65</c> mV, else the preset's b (15).</summary>
    ThalamoCortical = 3,

    /// <summary>Reticular thalamic nucleus cell (Fig. 8.32): <c>b = 2</c> when <c>v &gt; −65</c> mV, else the preset's b (10).</summary>
    ReticularThalamic = 4,
}

namespace NeuroFold.Core.Losses;

/// <summary>How a voltage loss treats action potentials, whose shape neither model reproduces (the model resets at its peak).</summary>
public enum SpikeHandling
{
    /// <summary>Samples near a spike of the data or of the model are left out.</summary>
    Mask,

    /// <summary>Both voltages are clipped at a level before they are compared.</summary>
    Clip,
}

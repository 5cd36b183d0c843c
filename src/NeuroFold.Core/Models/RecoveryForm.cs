namespace NeuroFold.Core.Models;

/// <summary>Which equation drives the recovery variable u.</summary>
public enum RecoveryForm
{
    /// <summary>Izhikevich (2003): <c>u' = a(b·v − u)</c>.</summary>
    Standard = 0,

    /// <summary>
    /// The <i>accommodation</i> panel of Izhikevich (2004), Fig. 1R: <c>u' = a·b·(v + 65)</c>, with no <c>−u</c> term.
    /// </summary>
    Accommodation = 1,
}

namespace NeuroFold.Core.Stimuli;

/// <summary>How the states a run produces are labelled in time.</summary>
public enum TimeLabels
{
    /// <summary>The state after step k (0-based) is labelled <c>(k+1)·dt</c> (Jaxley, net.m, NEST, the 2007 book).</summary>
    AfterStep = 0,

    /// <summary>The state after step k is labelled with element k of MATLAB's <c>0:dt:t_max</c> (<c>figure1.m</c>).</summary>
    MatlabColon = 1,
}

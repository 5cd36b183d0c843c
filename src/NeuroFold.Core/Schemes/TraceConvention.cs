using NeuroFold.Core.Stimuli;

namespace NeuroFold.Core.Schemes;

/// <summary>How a scheme's published program labels and records a trace: part of the scheme's contract.</summary>
/// <param name="Labels">How the states after each step are labelled in time.</param>
/// <param name="InitialRow">True when a trace starts with the initial state at t = 0 (Jaxley); false when its first row is the state after the first step (<c>figure1.m</c>'s <c>VV</c>).</param>
/// <param name="RecordedPeakMv">The value of v a trace records at a spiking step (<c>figure1.m</c> records 30 mV); null records the state after the reset.</param>
public readonly record struct TraceConvention(TimeLabels Labels, bool InitialRow, double? RecordedPeakMv)
{
    /// <summary>Jaxley's convention (also NEST's and net.m's): labels <c>(k+1)·dt</c>, the initial state as row 0, v after the reset.</summary>
    public static TraceConvention AfterStep => new(TimeLabels.AfterStep, true, null);
}

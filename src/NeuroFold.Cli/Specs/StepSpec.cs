namespace NeuroFold.Cli.Specs;

/// <summary>One <c>--step DELAY,DURATION,AMPLITUDE</c>, validated: delay and duration in ms, amplitude with its unit.</summary>
internal readonly record struct StepSpec(double DelayMs, double DurationMs, Amplitude Amplitude)
{
    /// <summary>The step written back in the syntax of <c>--step</c>.</summary>
    public override string ToString() => $"{Numbers.Format(DelayMs)},{Numbers.Format(DurationMs)},{Amplitude}";
}

namespace NeuroFold.Core.Networks;

/// <summary>What one simulated second of a plastic network did: its spikes by population and the mean excitatory weight after its update.</summary>
/// <param name="Second">The second, 1-based.</param>
/// <param name="ExcitatorySpikes">Spikes of excitatory neurons detected at the second's steps.</param>
/// <param name="InhibitorySpikes">Spikes of inhibitory neurons.</param>
/// <param name="MeanExcitatoryWeight">The mean of every excitatory slot's weight after the second's weight update, mV/ms (summed row by row, slot by slot, then divided by their count).</param>
public readonly record struct PlasticSecond(int Second, int ExcitatorySpikes, int InhibitorySpikes, double MeanExcitatoryWeight);

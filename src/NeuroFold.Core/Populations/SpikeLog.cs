namespace NeuroFold.Core.Populations;

/// <summary>The spikes one block produced, in the order its kernel found them (grows by doubling; one per block).</summary>
internal sealed class SpikeLog
{
    int[] steps = [];
    int[] neurons = [];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Steps => steps.AsSpan(0, Count);

    public ReadOnlySpan<int> Neurons => neurons.AsSpan(0, Count);

    public void Add(int step, int neuron)
    {
        if (Count == steps.Length)
        {
            int size = Math.Max(64, steps.Length * 2);
            Array.Resize(ref steps, size);
            Array.Resize(ref neurons, size);
        }

        steps[Count] = step;
        neurons[Count] = neuron;
        Count++;
    }
}

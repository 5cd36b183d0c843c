namespace NeuroFold.Core.Networks;

/// <summary>One synapse of a network given in code: from <paramref name="Pre"/> onto <paramref name="Post"/>, with a weight and a delay.</summary>
/// <remarks>
/// Units are those of <c>net.m</c>: the weight is added to the postsynaptic input I (Izhikevich's dimensionless current,
/// in the units of <c>v'</c>, mV/ms) on the step the spike arrives; at the network's 1 ms step a weight of w raises v by
/// about w mV. Positive weights excite, negative weights inhibit. The delay is in steps of 1 ms, 0 …
/// <see cref="Connectivity.DelayLimitSteps"/>; 0 delivers within the step that detected the spike, as in <c>net.m</c>.
/// Checked when the connectivity is built (<see cref="Connectivity.Sparse.Create(int, IEnumerable{Synapse})"/>).
/// </remarks>
/// <param name="Pre">0-based presynaptic neuron.</param>
/// <param name="Post">0-based postsynaptic neuron.</param>
/// <param name="Weight">Weight, mV/ms (Izhikevich's current units; ≈ mV of depolarisation per spike at the 1 ms step).</param>
/// <param name="DelaySteps">Delay, steps of 1 ms.</param>
public readonly record struct Synapse(int Pre, int Post, double Weight, int DelaySteps);

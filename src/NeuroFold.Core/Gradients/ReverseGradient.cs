using System.Collections.Immutable;

namespace NeuroFold.Core.Gradients;

/// <summary>A reverse-mode gradient: of one loss with respect to every variable and to every input sample.</summary>
/// <param name="Variables">The variables' names (as <see cref="ForwardMode"/>'s).</param>
/// <param name="Gradient">∂L/∂(variable j).</param>
/// <param name="InputGradient">∂L/∂I_k for the recorded current of each step k (before the input map).</param>
/// <param name="StoredStates">The most states held at once (checkpoints plus one segment): O(√T).</param>
public sealed record ReverseGradient(ImmutableArray<string> Variables, ImmutableArray<double> Gradient, ImmutableArray<double> InputGradient, int StoredStates);

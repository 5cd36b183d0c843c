using FsCheck;
using NeuroFold.Core.Models;

namespace NeuroFold.Testing;

/// <summary>Arbitraries to register on an FsCheck.Xunit property class: <c>[Properties(Arbitrary = new[] { typeof(NeuroArbitraries) })]</c>.</summary>
/// <remarks>Registers <see cref="IzhikevichParameters"/>, <see cref="IzhikevichState"/>, <see cref="StepCase"/> and <see cref="RunCase"/> over the ranges of <see cref="NeuroGen"/>, with the shrinkers of <see cref="NeuroArb"/>.</remarks>
public static class NeuroArbitraries
{
    /// <summary>Parameters from <see cref="NeuroGen.Parameters"/>.</summary>
    public static Arbitrary<IzhikevichParameters> Parameters() => NeuroArb.Parameters;

    /// <summary>States from <see cref="NeuroGen.States"/>.</summary>
    public static Arbitrary<IzhikevichState> States() => NeuroArb.States;

    /// <summary>Step cases from <see cref="NeuroGen.Steps"/> over <see cref="NeuroGen.Parameters"/>.</summary>
    public static Arbitrary<StepCase> Steps() => NeuroArb.Steps(NeuroArb.Parameters);

    /// <summary>Run cases from <see cref="NeuroGen.Runs"/> over <see cref="NeuroGen.Parameters"/>.</summary>
    public static Arbitrary<RunCase> Runs() => NeuroArb.Runs(NeuroArb.Parameters);
}

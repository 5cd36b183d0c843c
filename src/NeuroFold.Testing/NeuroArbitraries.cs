using FsCheck;
using FsCheck.Fluent;
using NeuroFold.Core.Models;

namespace NeuroFold.Testing;

/// <summary>Arbitraries to register on an FsCheck.Xunit property class: <c>[Properties(Arbitrary = new[] { typeof(NeuroArbitraries) })]</c>.</summary>
/// <remarks>Registers <see cref="IzhikevichParameters"/>, <see cref="IzhikevichState"/>, <see cref="StepCase"/> and <see cref="RunCase"/> over the ranges of <see cref="NeuroGen"/>.</remarks>
public static class NeuroArbitraries
{
    /// <summary>Parameters from <see cref="NeuroGen.Parameters"/>.</summary>
    public static Arbitrary<IzhikevichParameters> Parameters() => NeuroGen.Parameters.ToArbitrary();

    /// <summary>States from <see cref="NeuroGen.States"/>.</summary>
    public static Arbitrary<IzhikevichState> States() => NeuroGen.States.ToArbitrary();

    /// <summary>Step cases from <see cref="NeuroGen.Steps"/> over <see cref="NeuroGen.Parameters"/>.</summary>
    public static Arbitrary<StepCase> Steps() => NeuroGen.Steps(NeuroGen.Parameters).ToArbitrary();

    /// <summary>Run cases from <see cref="NeuroGen.Runs"/> over <see cref="NeuroGen.Parameters"/>.</summary>
    public static Arbitrary<RunCase> Runs() => NeuroGen.Runs(NeuroGen.Parameters).ToArbitrary();
}

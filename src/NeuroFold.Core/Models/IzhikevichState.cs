using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Validation;

namespace NeuroFold.Core.Models;

/// <summary>The state of one Izhikevich neuron: a plain value, both what a run starts from and what it returns.</summary>
/// <remarks>
/// A run's results may hold non-finite states (a state that left the finite range is reported, not thrown), so any
/// pair of numbers is a state; input from outside is checked by <see cref="Create"/>.
/// </remarks>
/// <param name="V">Membrane potential, mV.</param>
/// <param name="U">Recovery variable, mV/ms (the units of the model's right-hand side).</param>
public readonly record struct IzhikevichState(double V, double U)
{
    /// <summary>True when both variables are finite numbers.</summary>
    public bool IsFinite => double.IsFinite(V) && double.IsFinite(U);

    /// <summary>The state at rest on the u-nullcline: <c>u = b·v</c> (Jaxley's <c>init_states()</c>).</summary>
    public static IzhikevichState AtNullcline(IzhikevichParameters parameters, double vMv) => new(vMv, parameters.B * vMv);

    /// <summary>Validates raw values; both fields must be finite.</summary>
    public static Validation<Error, IzhikevichState> Create(double v, double u) =>
        (Checks.Finite("v0", v), Checks.Finite("u0", u)).Apply((v1, u1) => new IzhikevichState(v1, u1));
}

using System.Collections.Immutable;
using NeuroFold.Core.Optimization;

namespace NeuroFold.Cli.Fitting;

/// <summary>The box each quantity of a fit stays in (Adam works on the sigmoid transform of it; random starts are drawn uniformly in it).</summary>
/// <remarks>
/// Wide physiological ranges around Izhikevich's presets (2003: Izhikevich 2003, Fig. 2; 2007: Izhikevich 2007, ch. 8),
/// with vr and vt kept apart (vr ≤ −55 ≤ vt) and c below vpeak, so that every point in the box is a valid model.
/// </remarks>
internal static class FitBounds
{
    static readonly ImmutableDictionary<string, Bound> Box2003 = new Dictionary<string, Bound>
    {
        ["a"] = new(0.001, 0.2), ["b"] = new(0.05, 0.4), ["c"] = new(-80, -40), ["d"] = new(0, 12),
        ["v0"] = new(-90, -40), ["u0"] = new(-40, 10), ["scale"] = new(0.001, 0.1), ["offset"] = new(-20, 20),
    }.ToImmutableDictionary();

    static readonly ImmutableDictionary<string, Bound> Box2007 = new Dictionary<string, Bound>
    {
        ["C"] = new(1, 400), ["k"] = new(0.05, 3), ["vr"] = new(-80, -55), ["vt"] = new(-55, -10), ["vpeak"] = new(0, 60),
        ["a"] = new(0.001, 1), ["b"] = new(-50, 50), ["c"] = new(-75, -30), ["d"] = new(0, 3000),
        ["v0"] = new(-90, -40), ["u0"] = new(-200, 200), ["scale"] = new(0.2, 3), ["offset"] = new(-300, 300),
    }.ToImmutableDictionary();

    /// <summary>The box of quantity <paramref name="name"/> of <paramref name="model"/>.</summary>
    public static Bound Of(string model, string name) => (model == "izhikevich2007" ? Box2007 : Box2003)[name];
}

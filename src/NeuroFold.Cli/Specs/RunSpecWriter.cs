using System.Text.Json;

namespace NeuroFold.Cli.Specs;

/// <summary>Writes a <see cref="ResolvedSimulation"/> as a run spec with every default explicit (the <c>spec</c> of <c>run.json</c>).</summary>
/// <remarks>
/// The output reads back through <see cref="RunSpecReader"/> and <see cref="SimulateResolver"/> to the same resolved
/// simulation: numbers are written with round-trip precision, currents with their unit, and nothing is left to a default
/// that a later version might change. The output folder is not part of it.
/// </remarks>
internal static class RunSpecWriter
{
    /// <summary>Writes the spec object.</summary>
    public static void Write(Utf8JsonWriter w, ResolvedSimulation spec)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        w.WriteStartObject();
        w.WriteString("preset", spec.Preset);
        w.WriteNumber("a", spec.Parameters.A);
        w.WriteNumber("b", spec.Parameters.B);
        w.WriteNumber("c", spec.Parameters.C);
        w.WriteNumber("d", spec.Parameters.D);
        w.WriteNumber("v0", spec.Initial.V);
        w.WriteNumber("u0", spec.Initial.U);
        w.WriteNumber("dt", spec.DtMs);
        w.WriteNumber("tMax", spec.TMaxMs);
        w.WriteStartArray("steps");
        foreach (var s in spec.Steps)
        {
            w.WriteStartObject();
            w.WriteNumber("delay", s.DelayMs);
            w.WriteNumber("duration", s.DurationMs);
            w.WriteString("amplitude", s.Amplitude.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        bool hasConstant = false;
        foreach (var k in spec.Constant)
        {
            w.WriteString("constant", k.ToString());
            hasConstant = true;
        }

        if (!hasConstant)
        {
            w.WriteNull("constant");
        }

        w.WriteNumber("radius", spec.Compartment.RadiusUm);
        w.WriteNumber("length", spec.Compartment.LengthUm);
        w.WriteNumber("capacitance", spec.Compartment.CapacitanceUfPerCm2);
        w.WriteString("scheme", spec.Scheme);
        w.WriteStartArray("record");
        foreach (string name in spec.Columns.Names)
        {
            w.WriteStringValue(name);
        }

        w.WriteEndArray();
        w.WriteNumber("recordEvery", spec.Recording.Every);
        w.WriteBoolean("trace", spec.Recording.KeepTrace);
        w.WriteBoolean("plot", spec.Plot);
        w.WriteEndObject();
    }
}

using System.Globalization;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Cli.Output;

/// <summary>The CSV formats of NeuroFold's outputs: invariant culture, round-trip precision, '\n' line ends.</summary>
internal static class Csv
{
    /// <summary>Header of <c>trace.csv</c>.</summary>
    public const string TraceHeader = "t_ms,v_mV,u";

    /// <summary>Header of <c>spikes.csv</c>.</summary>
    public const string SpikesHeader = "neuron,t_ms";

    /// <summary>Writes <c>t_ms</c> and the chosen columns of <c>v_mV,u</c>, in that order.</summary>
    public static void WriteTrace(TextWriter w, Trace trace, bool v, bool u)
    {
        WriteTraceHeader(w, v, u);
        WriteTraceRows(w, trace, v, u);
    }

    /// <summary>The header line of <c>trace.csv</c>.</summary>
    public static void WriteTraceHeader(TextWriter w, bool v, bool u)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine("t_ms" + (v ? ",v_mV" : "") + (u ? ",u" : ""));
    }

    /// <summary>The rows of <paramref name="trace"/> (a whole run's, or one segment's: segments' rows written one after another are the whole run's).</summary>
    public static void WriteTraceRows(TextWriter w, Trace trace, bool v, bool u)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(trace);
        var ts = trace.TimeMs.AsSpan();
        var vs = trace.VMv.AsSpan();
        var us = trace.U.AsSpan();
        Span<char> buffer = stackalloc char[32];
        for (int i = 0; i < ts.Length; i++)
        {
            Write(w, ts[i], buffer);
            if (v)
            {
                w.Write(',');
                Write(w, vs[i], buffer);
            }

            if (u)
            {
                w.Write(',');
                Write(w, us[i], buffer);
            }

            w.Write('\n');
        }
    }

    /// <summary>Writes <c>neuron,t_ms</c> rows: spike i is neuron <c>neurons[i]</c> (0 when <paramref name="neurons"/> is empty) at the label of step <c>steps[i]</c> of <paramref name="grid"/>.</summary>
    /// <remarks>The one spikes writer: single neurons, gallery protocols and networks (0-based neurons, time of the step that reset).</remarks>
    public static void WriteSpikes(TextWriter w, ReadOnlySpan<int> steps, ReadOnlySpan<int> neurons, TimeGrid grid)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(grid);
        if (neurons.Length != 0 && neurons.Length != steps.Length)
        {
            throw new ArgumentException($"{neurons.Length} neurons for {steps.Length} spikes", nameof(neurons));
        }

        w.WriteLine(SpikesHeader);
        Span<char> buffer = stackalloc char[32];
        for (int i = 0; i < steps.Length; i++)
        {
            int neuron = neurons.Length == 0 ? 0 : neurons[i];
            if (neuron.TryFormat(buffer, out int n, provider: CultureInfo.InvariantCulture))
            {
                w.Write(buffer[..n]);
            }

            w.Write(',');
            Write(w, grid.TimeAfterStep(steps[i]), buffer);
            w.Write('\n');
        }
    }

    /// <summary>Formats one number the way every CSV of NeuroFold does.</summary>
    public static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    static void Write(TextWriter w, double x, Span<char> buffer)
    {
        if (x.TryFormat(buffer, out int n, "R", CultureInfo.InvariantCulture))
        {
            w.Write(buffer[..n]);
        }
        else
        {
            w.Write(Format(x));
        }
    }
}

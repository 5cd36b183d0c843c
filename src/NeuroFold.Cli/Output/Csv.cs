using System.Globalization;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Cli.Output;

/// <summary>The CSV formats of NeuroFold's outputs: invariant culture, round-trip precision, '\n' line ends.</summary>
internal static class Csv
{
    /// <summary>Header of <c>trace.csv</c>.</summary>
    public const string TraceHeader = "t_ms,v_mV,u";

    /// <summary>Header of <c>spikes.csv</c>.</summary>
    public const string SpikesHeader = "neuron,t_ms";

    /// <summary>Writes <c>t_ms,v_mV,u</c> rows.</summary>
    public static void WriteTrace(TextWriter w, Trace trace)
    {
        w.WriteLine(TraceHeader);
        var t = trace.TimeMs.AsSpan();
        var v = trace.VMv.AsSpan();
        var u = trace.U.AsSpan();
        Span<char> buffer = stackalloc char[32];
        for (int i = 0; i < t.Length; i++)
        {
            Write(w, t[i], buffer);
            w.Write(',');
            Write(w, v[i], buffer);
            w.Write(',');
            Write(w, u[i], buffer);
            w.Write('\n');
        }
    }

    /// <summary>Writes <c>t_ms</c> and the chosen columns of <c>v_mV,u</c>, in that order (all three: same bytes as <see cref="WriteTrace(TextWriter, Trace)"/>).</summary>
    public static void WriteTrace(TextWriter w, Trace trace, bool v, bool u)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(trace);
        w.WriteLine("t_ms" + (v ? ",v_mV" : "") + (u ? ",u" : ""));
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

    /// <summary>Writes <c>neuron,t_ms</c> rows for one neuron's spikes.</summary>
    public static void WriteSpikes(TextWriter w, int neuron, SpikeTrain spikes)
    {
        w.WriteLine(SpikesHeader);
        Span<char> buffer = stackalloc char[32];
        foreach (double t in spikes.TimesMs)
        {
            w.Write(neuron.ToString(CultureInfo.InvariantCulture));
            w.Write(',');
            Write(w, t, buffer);
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

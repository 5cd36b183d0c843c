using NeuroFold.Core.Simulation;

namespace NeuroFold.Cli.Plots;

/// <summary>What the figure of a run draws, gathered while the run streams its trace: every row for an ordinary run, a min/max envelope for a huge one.</summary>
/// <remarks>
/// Up to <see cref="ExactRowLimit"/> trace rows are kept as they are (the figure is the one the whole trace gives).
/// Beyond that, each of <see cref="Bins"/> slices of the time axis keeps its lowest and highest v and u with their
/// times, so the figure's memory stays bounded however long the run. The input is kept as the points where it
/// changes (the simulate command's inputs are constants and steps).
/// </remarks>
internal sealed class TracePlotData
{
    /// <summary>The most rows drawn exactly.</summary>
    public const int ExactRowLimit = 1 << 21;

    /// <summary>The slices of the time axis of an envelope.</summary>
    public const int Bins = 4096;

    readonly double tEnd;
    readonly double dt;
    readonly bool exact;
    readonly List<double> t = [];
    readonly List<double> v = [];
    readonly List<double> u = [];
    readonly Envelope vEnvelope;
    readonly Envelope uEnvelope;
    readonly List<double> stairX = [];
    readonly List<double> stairY = [];
    double last;
    bool any;

    /// <summary>Data for a run of <paramref name="rows"/> trace rows over <c>[0, tEnd]</c> ms at step <paramref name="dtMs"/>.</summary>
    public TracePlotData(long rows, double tEndMs, double dtMs)
    {
        tEnd = tEndMs;
        dt = dtMs;
        exact = rows <= ExactRowLimit;
        vEnvelope = new Envelope(exact ? 0 : Bins);
        uEnvelope = new Envelope(exact ? 0 : Bins);
        if (exact)
        {
            t.Capacity = (int)rows;
            v.Capacity = (int)rows;
            u.Capacity = (int)rows;
        }
    }

    /// <summary>The lowest v of the trace.</summary>
    public double VMin { get; private set; } = double.PositiveInfinity;

    /// <summary>Rows seen.</summary>
    public long Rows { get; private set; }

    /// <summary>Whether every row is drawn (else an envelope).</summary>
    public bool Exact => exact;

    /// <summary>Takes the rows of one segment of the trace.</summary>
    public void AddRows(Trace segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var ts = segment.TimeMs.AsSpan();
        var vs = segment.VMv.AsSpan();
        var us = segment.U.AsSpan();
        for (int i = 0; i < ts.Length; i++)
        {
            VMin = Math.Min(VMin, vs[i]);
            if (exact)
            {
                t.Add(ts[i]);
                v.Add(vs[i]);
                u.Add(us[i]);
            }
            else
            {
                int bin = tEnd > 0 ? (int)Math.Clamp(ts[i] / tEnd * Bins, 0, Bins - 1) : 0;
                vEnvelope.Add(bin, ts[i], vs[i]);
                uEnvelope.Add(bin, ts[i], us[i]);
            }
        }

        Rows += ts.Length;
    }

    /// <summary>Takes the input of steps <paramref name="firstStep"/> … (segments in order).</summary>
    public void AddInput(ReadOnlySpan<double> input, int firstStep)
    {
        for (int i = 0; i < input.Length; i++)
        {
            int k = firstStep + i;
            if (!any || input[i].CompareTo(last) != 0)
            {
                stairX.Add(k * dt);
                stairY.Add(input[i]);
            }

            last = input[i];
            any = true;
        }
    }

    /// <summary>The times and values of v to draw.</summary>
    public (double[] T, double[] Values) VSeries => exact ? (t.ToArray(), v.ToArray()) : vEnvelope.Points();

    /// <summary>The times and values of u to draw.</summary>
    public (double[] T, double[] Values) USeries => exact ? (t.ToArray(), u.ToArray()) : uEnvelope.Points();

    /// <summary>The input as a step function: one point where each new value starts, and one at the end of the run.</summary>
    public (double[] Xs, double[] Ys) Stairs
    {
        get
        {
            var xs = new List<double>(stairX) { tEnd };
            var ys = new List<double>(stairY) { any ? last : 0.0 };
            return (xs.ToArray(), ys.ToArray());
        }
    }

    /// <summary>Per slice of the time axis: the lowest and the highest value, with their times.</summary>
    sealed class Envelope(int bins)
    {
        readonly double[] lowT = Fill(bins, double.NaN);
        readonly double[] low = Fill(bins, double.PositiveInfinity);
        readonly double[] highT = Fill(bins, double.NaN);
        readonly double[] high = Fill(bins, double.NegativeInfinity);

        public void Add(int bin, double time, double value)
        {
            if (value < low[bin] || double.IsNaN(lowT[bin]))
            {
                low[bin] = value;
                lowT[bin] = time;
            }

            if (value > high[bin] || double.IsNaN(highT[bin]))
            {
                high[bin] = value;
                highT[bin] = time;
            }
        }

        public (double[] T, double[] Values) Points()
        {
            var ts = new List<double>(2 * bins);
            var vs = new List<double>(2 * bins);
            for (int b = 0; b < bins; b++)
            {
                if (double.IsNaN(lowT[b]))
                {
                    continue;
                }

                bool lowFirst = lowT[b] <= highT[b];
                ts.Add(lowFirst ? lowT[b] : highT[b]);
                vs.Add(lowFirst ? low[b] : high[b]);
                if (lowT[b] != highT[b])
                {
                    ts.Add(lowFirst ? highT[b] : lowT[b]);
                    vs.Add(lowFirst ? high[b] : low[b]);
                }
            }

            return (ts.ToArray(), vs.ToArray());
        }

        static double[] Fill(int n, double x)
        {
            var a = new double[n];
            Array.Fill(a, x);
            return a;
        }
    }
}

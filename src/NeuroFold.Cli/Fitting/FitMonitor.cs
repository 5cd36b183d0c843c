using System.Diagnostics;
using System.Globalization;
using NeuroFold.Cli.Execution;

namespace NeuroFold.Cli.Fitting;

/// <summary>What a running fit shows while it runs: iterations done, the best training loss so far and that point's validation Γ_A, simulations used and the time left.</summary>
/// <remarks>
/// The starts report to it from any thread. On a terminal the line is the progress bar's description (with the bar's
/// own remaining-time column); when stderr is redirected (a log, a Slurm job) the same line is written at most every
/// <see cref="LogInterval"/> (and once at the end). It only observes: nothing it sees changes what the fit computes.
/// </remarks>
internal sealed class FitMonitor(ProgressView? view, TextWriter? log, long totalIterations)
{
    /// <summary>The least time between two log lines.</summary>
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    readonly Lock gate = new();
    readonly Stopwatch clock = Stopwatch.StartNew();
    TimeSpan lastLog = TimeSpan.Zero;
    long iterations;
    long simulations;
    double bestLoss = double.PositiveInfinity;
    double bestValidation = double.NaN;

    /// <summary>One iteration (an Adam or L-BFGS evaluation, a CMA-ES generation) of some start is done.</summary>
    public void Iteration(int simulationsUsed, double loss, double validation)
    {
        string line;
        bool write;
        lock (gate)
        {
            iterations++;
            simulations += simulationsUsed;
            if (double.IsFinite(loss) && loss < bestLoss)
            {
                // the validation score of the point with the best training loss so far (the fit's choice if it stopped now)
                bestLoss = loss;
                bestValidation = validation;
            }

            line = Line();
            write = log is not null && (clock.Elapsed - lastLog >= LogInterval || iterations == totalIterations);
            if (write)
            {
                lastLog = clock.Elapsed;
            }
        }

        view?.Describe(line);
        view?.Stepped(1);
        if (write)
        {
            log!.WriteLine($"fit: {line}");
        }
    }

    string Line()
    {
        var c = CultureInfo.InvariantCulture;
        double done = totalIterations == 0 ? 1 : (double)iterations / totalIterations;
        var elapsed = clock.Elapsed;
        string left = done > 0 ? Format(TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - done) / done)) : "?";
        string validation = double.IsNaN(bestValidation) ? "n/a" : bestValidation.ToString("F3", c);
        return string.Create(c, $"iteration {iterations}/{totalIterations} · best loss {bestLoss:G6} · its validation Γ_A {validation} · {simulations} simulations · {Format(elapsed)} elapsed, {left} left");
    }

    static string Format(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:D2}m" : $"{t.Minutes}m{t.Seconds:D2}s";
}

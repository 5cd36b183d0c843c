using Spectre.Console;

namespace NeuroFold.Cli.Execution;

/// <summary>Where a run reports how far it has come: a Spectre.Console progress bar on stderr, or nowhere.</summary>
/// <remarks>
/// The bar is shown only when stderr is the process's own terminal (not redirected), <c>--quiet</c> is off and the run
/// is long (<see cref="LongRunSteps"/> steps or more, about a second of work). Otherwise nothing is drawn, so stdout and
/// stderr stay machine-readable.
/// </remarks>
internal sealed class ProgressView
{
    /// <summary>Runs with at least this many steps count as long enough for a progress bar.</summary>
    public const int LongRunSteps = 4_000_000;

    readonly ProgressTask? simulating;
    readonly ProgressTask? writing;

    ProgressView(ProgressTask? simulating, ProgressTask? writing)
    {
        this.simulating = simulating;
        this.writing = writing;
    }

    /// <summary>True when a bar would be drawn for a run of <paramref name="steps"/> steps writing to <paramref name="stderr"/>.</summary>
    public static bool ShouldShow(TextWriter stderr, bool quiet, int steps) =>
        !quiet && steps >= LongRunSteps && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="work"/> with a progress view: a live bar when <paramref name="show"/>, else a silent one.</summary>
    public static T Run<T>(bool show, TextWriter stderr, int steps, int files, Func<ProgressView, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!show)
        {
            return work(new ProgressView(null, null));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx => work(new ProgressView(ctx.AddTask("simulating", maxValue: steps), ctx.AddTask("writing files", maxValue: Math.Max(1, files)))));
    }

    /// <summary>Records that <paramref name="steps"/> more steps are done.</summary>
    public void Stepped(int steps) => simulating?.Increment(steps);

    /// <summary>Records that one more output file is written.</summary>
    public void Wrote() => writing?.Increment(1);
}

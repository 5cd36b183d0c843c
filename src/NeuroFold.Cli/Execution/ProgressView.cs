using Spectre.Console;

namespace NeuroFold.Cli.Execution;

/// <summary>Where a run reports how far it has come: a Spectre.Console progress bar on stderr, or nowhere.</summary>
/// <remarks>
/// The bar is shown only when stderr is the process's own terminal (not redirected), <c>--quiet</c> is off and the run
/// is long: about a second of work or more, estimated as <see cref="StepsPerSecond"/> simulated steps and
/// <see cref="RowsPerSecond"/> trace rows written per second. Otherwise nothing is drawn, so stdout and stderr stay
/// machine-readable.
/// </remarks>
internal sealed class ProgressView
{
    /// <summary>Rough speed of the fold (one neuron), steps per second, for the "is it long" estimate.</summary>
    public const double StepsPerSecond = 4e6;

    /// <summary>Rough speed of writing trace.csv, rows per second, for the "is it long" estimate.</summary>
    public const double RowsPerSecond = 4e5;

    readonly ProgressTask? simulating;
    readonly ProgressTask? writing;

    ProgressView(ProgressTask? simulating, ProgressTask? writing)
    {
        this.simulating = simulating;
        this.writing = writing;
    }

    /// <summary>True when a run of <paramref name="steps"/> steps writing <paramref name="rows"/> trace rows is expected to take a second or more.</summary>
    public static bool IsLong(int steps, int rows) => (steps / StepsPerSecond) + (rows / RowsPerSecond) >= 1.0;

    /// <summary>True when a bar is drawn: a long run, not quiet, and <paramref name="stderr"/> is the console's own, on a terminal.</summary>
    public static bool ShouldShow(TextWriter stderr, bool quiet, int steps, int rows) =>
        !quiet && IsLong(steps, rows) && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>Runs <paramref name="work"/> with a progress view: a live bar when <paramref name="show"/>, else a silent one.</summary>
    public static T Run<T>(bool show, TextWriter stderr, int steps, int files, Func<ProgressView, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!show)
        {
            return work(new ProgressView(null, null));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stderr),
            Ansi = AnsiSupport.Detect,
            Interactive = InteractionSupport.Yes,
        });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx => work(new ProgressView(ctx.AddTask("simulating", maxValue: steps), ctx.AddTask("writing files", maxValue: Math.Max(1, files)))));
    }

    /// <summary>Replaces the description of the simulating bar (a fit's live line).</summary>
    public void Describe(string text)
    {
        if (simulating is not null)
        {
            simulating.Description = Markup.Escape(text);
        }
    }

    /// <summary>Records that <paramref name="steps"/> more steps are done.</summary>
    public void Stepped(int steps) => simulating?.Increment(steps);

    /// <summary>Records that output file <paramref name="name"/> is being written.</summary>
    public void Writing(string name)
    {
        if (writing is not null)
        {
            writing.Description = $"writing {name}";
        }
    }

    /// <summary>Records that one more output file is written.</summary>
    public void Wrote() => writing?.Increment(1);
}

using System.Globalization;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.IO;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Sweeps;

/// <summary>Part <see cref="Index"/> (0-based) of <see cref="Count"/> balanced, contiguous parts of a sweep's grid points.</summary>
/// <remarks>
/// Part i of N over P points is the point range [⌊i·P/N⌋, ⌊(i+1)·P/N⌋): the parts cover every point once, in order, and
/// their sizes differ by at most one. The parts depend only on (i, N, P), so any machine cuts a sweep the same way.
/// </remarks>
/// <param name="Index">The part, 0 ≤ Index &lt; Count.</param>
/// <param name="Count">The number of parts, 1 ≤ Count ≤ the number of grid points.</param>
internal readonly record struct SweepShard(int Index, int Count)
{
    /// <summary>The environment variable Slurm sets to the array task's id (a value of <c>--array</c>).</summary>
    public const string TaskIdVariable = "SLURM_ARRAY_TASK_ID";

    /// <summary>The environment variable Slurm sets to the number of tasks in the array.</summary>
    public const string TaskCountVariable = "SLURM_ARRAY_TASK_COUNT";

    /// <summary>The smallest task id of the array (Slurm sets it beside the id).</summary>
    public const string TaskMinVariable = "SLURM_ARRAY_TASK_MIN";

    /// <summary>The largest task id of the array.</summary>
    public const string TaskMaxVariable = "SLURM_ARRAY_TASK_MAX";

    /// <summary>How messages name a shard taken from the environment.</summary>
    public const string EnvironmentField = TaskIdVariable + "/" + TaskCountVariable;

    /// <summary>The first grid point of this part.</summary>
    public int First(int points) => (int)((long)Index * points / Count);

    /// <summary>The number of grid points of this part (⌊P/N⌋ or ⌈P/N⌉).</summary>
    public int Size(int points) => (int)((long)(Index + 1) * points / Count) - First(points);

    /// <summary><c>I/N</c>, as the flag and the spec write it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Parses <c>I/N</c> (whole numbers, 0 ≤ I &lt; N); that N does not exceed the grid's points is checked with the grid.</summary>
    public static Validation<Error, SweepShard> Parse(string field, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Trim().Split('/');
        if (parts.Length != 2 || !Whole(parts[0], out int index) || !Whole(parts[1], out int count))
        {
            return Fail<Error, SweepShard>(Error.New($"{field} must be I/N with whole numbers 0 <= I < N (part I of N, 0-based), e.g. 0/4; got '{Excerpt.Of(text)}'"));
        }

        var problems = new List<Error>();
        if (count < 1)
        {
            problems.Add(Error.New($"{field}: N must be at least 1, got {count}"));
        }
        else if (index >= count)
        {
            problems.Add(Error.New($"{field}: I must be below N (parts are numbered 0..N-1), got {index}/{count}"));
        }

        return problems.Count == 0 ? Success<Error, SweepShard>(new SweepShard(index, count)) : Fail<Error, SweepShard>(problems.ToSeq());
    }

    /// <summary>Checks that the grid has at least one point per part.</summary>
    public Validation<Error, SweepShard> Fits(string field, long points) =>
        Count <= points
            ? Success<Error, SweepShard>(this)
            : Fail<Error, SweepShard>(Error.New($"{field}: N = {Count} parts, but the grid has only {points} point{(points == 1 ? "" : "s")}; N must be at most the number of points"));

    /// <summary>The shard a Slurm array task stands for, as <c>I/N</c> text: none when the environment names none.</summary>
    /// <remarks>
    /// Both <see cref="TaskIdVariable"/> and <see cref="TaskCountVariable"/> must be set (one without the other is an
    /// error, not a whole sweep run N times). The array must be 0..N-1 (<c>sbatch --array=0-(N-1)</c>): Slurm's task ids
    /// are the values of <c>--array</c>, so where <see cref="TaskMinVariable"/>/<see cref="TaskMaxVariable"/> are set they
    /// must be 0 and N − 1, which refuses <c>--array=1-4</c> or a stepped array instead of silently leaving a part out.
    /// </remarks>
    public static Validation<Error, Option<string>> FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? id = environment(TaskIdVariable);
        string? count = environment(TaskCountVariable);
        if (id is null && count is null)
        {
            return Success<Error, Option<string>>(None);
        }

        if (id is null || count is null)
        {
            string set = id is null ? TaskCountVariable : TaskIdVariable;
            string unset = id is null ? TaskIdVariable : TaskCountVariable;
            return Fail<Error, Option<string>>(Error.New($"{set} is set but {unset} is not; a shard needs both (or give --shard I/N)"));
        }

        var problems = new List<Error>();
        bool idOk = Whole(id, out int i);
        bool countOk = Whole(count, out int n);
        if (!idOk)
        {
            problems.Add(Error.New($"{TaskIdVariable} must be a whole number, got '{Excerpt.Of(id)}'"));
        }

        if (!countOk)
        {
            problems.Add(Error.New($"{TaskCountVariable} must be a whole number, got '{Excerpt.Of(count)}'"));
        }

        string? min = environment(TaskMinVariable);
        string? max = environment(TaskMaxVariable);
        if (countOk && ((min is not null && min.Trim() != "0") || (max is not null && (!Whole(max, out int m) || m != n - 1))))
        {
            problems.Add(Error.New(
                $"the Slurm array must be 0..{TaskCountVariable}-1 (sbatch --array=0-{n - 1}) so that task ids are shard indices; " +
                $"{TaskMinVariable}={Excerpt.Of(min ?? "(unset)")}, {TaskMaxVariable}={Excerpt.Of(max ?? "(unset)")}, {TaskCountVariable}={n}"));
        }

        return problems.Count == 0
            ? Success<Error, Option<string>>(Some(string.Create(CultureInfo.InvariantCulture, $"{i}/{n}")))
            : Fail<Error, Option<string>>(problems.ToSeq());
    }

    static bool Whole(string text, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

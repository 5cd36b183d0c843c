using System.Globalization;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.IO;
using NeuroFold.IO.Files;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Execution;

/// <summary>The resources a run may plan to use, checked against an estimate before any work: memory (<c>--max-memory</c>) and disk.</summary>
/// <param name="MemoryBytes">The memory budget, bytes.</param>
/// <param name="Given">Whether <c>--max-memory</c> set it (else it is <see cref="DefaultFraction"/> of the machine's memory).</param>
internal sealed record Budget(long MemoryBytes, bool Given)
{
    /// <summary>The part of the machine's memory a run may plan to use unless <c>--max-memory</c> says otherwise.</summary>
    public const double DefaultFraction = 0.5;

    /// <summary>The memory this process may use: the machine's, or its container's limit (what the garbage collector sees).</summary>
    public static long MachineBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>The default budget.</summary>
    public static Budget Default => new((long)(MachineBytes * DefaultFraction), false);

    /// <summary>The help text of <c>--max-memory</c>.</summary>
    public static string Help =>
        $"the memory a run may plan to use, such as 4G or 512M (default half of this machine's {Bytes.Describe(MachineBytes)}); a run estimated to need more is refused before it starts";

    /// <summary>The budget <c>--max-memory</c> gives (null: the default).</summary>
    public static Validation<Error, Budget> Resolve(string field, string? text)
    {
        if (text is null)
        {
            return Success<Error, Budget>(Default);
        }

        long? bytes = Bytes.Parse(text);
        return bytes is long b && b >= 16 * Bytes.MiB
            ? Success<Error, Budget>(new Budget(b, true))
            : Fail<Error, Budget>(Error.New($"{field} must be a size of at least 16M such as 4G, 512M or 800000000, got '{Excerpt.Of(text)}'"));
    }

    /// <summary>Refuses a run whose estimated memory exceeds the budget, naming the big parts and the flags that shrink them.</summary>
    /// <param name="field">The flag that sets the budget, for the message.</param>
    /// <param name="estimate">The parts of the estimate.</param>
    /// <param name="shrink">What makes the run smaller ("--record-every N, --no-trace, a shorter --t-max").</param>
    public Validation<Error, Unit> CheckMemory(string field, ResourceEstimate estimate, string shrink)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        long total = estimate.Total;
        if (total <= MemoryBytes)
        {
            return Success<Error, Unit>(unit);
        }

        string source = Given ? $"{field} {Bytes.Describe(MemoryBytes)}" : $"the budget of {Bytes.Describe(MemoryBytes)} (half of this machine's {Bytes.Describe(MachineBytes)}; {field} sets it)";
        return Fail<Error, Unit>(Error.New(
            $"the run needs about {Bytes.Describe(total)} of memory ({estimate.Describe()}), more than {source}; nothing was started. To shrink it: {shrink}"));
    }

    /// <summary>Refuses a run whose outputs would not fit on the disk that holds <paramref name="folder"/>.</summary>
    public static Validation<Error, Unit> CheckDisk(string field, string folder, long outputBytes, string shrink)
    {
        long free;
        try
        {
            string? existing = Path.GetFullPath(folder);
            while (existing is not null && !Directory.Exists(existing))
            {
                existing = Path.GetDirectoryName(existing);
            }

            free = existing is null ? long.MaxValue : new DriveInfo(existing).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Success<Error, Unit>(unit); // the file system cannot say: the write will fail cleanly if it must
        }

        return outputBytes <= free
            ? Success<Error, Unit>(unit)
            : Fail<Error, Unit>(Error.New(
                $"{field}: the outputs need about {Bytes.Describe(outputBytes)} on disk, but only {Bytes.Describe(free)} is free there; nothing was started. To shrink them: {shrink}"));
    }

    /// <summary>How many bytes of spikes (or other growing results) fit beside <paramref name="estimate"/>.</summary>
    public long Left(ResourceEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return Math.Max(0, MemoryBytes - estimate.Total);
    }
}

/// <summary>An estimate of a run's memory: named parts in bytes.</summary>
internal sealed class ResourceEstimate
{
    readonly List<(string Part, double Bytes)> parts = [];

    /// <summary>The bytes every run needs besides its data: the runtime, the plots.</summary>
    public const long BaseBytes = 64 * Bytes.MiB;

    /// <summary>An estimate that starts with <see cref="BaseBytes"/>.</summary>
    public ResourceEstimate() => parts.Add(("runtime and plots", BaseBytes));

    /// <summary>The total, bytes (saturating).</summary>
    public long Total
    {
        get
        {
            double total = parts.Sum(p => p.Bytes);
            return total >= long.MaxValue ? long.MaxValue : (long)total;
        }
    }

    /// <summary>Adds a part of <paramref name="count"/> items of <paramref name="bytesEach"/> bytes (done in floating point, so it cannot overflow).</summary>
    public ResourceEstimate Add(string part, double count, double bytesEach)
    {
        parts.Add((part, count * bytesEach));
        return this;
    }

    /// <summary>The parts, largest first, as a message lists them.</summary>
    public string Describe() =>
        string.Join(", ", parts.OrderByDescending(p => p.Bytes).Where(p => p.Bytes >= Bytes.MiB || parts.Count <= 2)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Part} {Bytes.Describe(p.Bytes >= long.MaxValue ? long.MaxValue : (long)p.Bytes)}")));
}

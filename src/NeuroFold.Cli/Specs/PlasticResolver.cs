using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Execution;
using NeuroFold.Core.Networks;
using NeuroFold.IO;
using NeuroFold.IO.Files;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Specs;

/// <summary>Turns raw <c>network --model polychronization</c> options into a <see cref="ResolvedPlastic"/>, reporting every problem at once.</summary>
/// <remarks>
/// The network is generated from the seed (<see cref="PolychronizationNetwork"/>) or read from exactly four files, all
/// or none: <c>--targets</c> (int32 N×M), <c>--delays</c> (int32 N×M, ms), <c>--weights</c> (float64 N×M) and
/// <c>--drive</c> (int32, one neuron per 1 ms step). <c>--t-max</c> is in ms and must be whole seconds.
/// </remarks>
internal static class PlasticResolver
{
    /// <summary>Run length when <c>--t-max</c> is not given, ms.</summary>
    public const int DefaultTMaxMs = 1000;

    /// <summary>The longest run, ms (one hour; the drive of a generated network is one int per ms).</summary>
    public const int MaxTMaxMs = 3_600_000;

    /// <summary>Validates, checks the estimate against <paramref name="budget"/>, loads the files and builds the network.</summary>
    public static Validation<Error, ResolvedPlastic> Resolve(NetworkOptions o, FieldNames names, Budget budget) =>
        Resolve(o, names, Success<Error, Budget>(budget));

    /// <summary>Validates, checks the estimate against the budget (a bad <c>--max-memory</c> is listed with every other problem), loads the files and builds the network.</summary>
    public static Validation<Error, ResolvedPlastic> Resolve(NetworkOptions o, FieldNames names, Validation<Error, Budget> given)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(names);
        var budget = given.IfFail(Budget.Default);
        string N(string field) => names.Of(field);
        var errors = new List<Error>(given.FailToSeq());
        long seed = NetworkResolver.Take(Fields.Seed(N("seed"), o.Seed), errors, 0L);
        int threads = NetworkResolver.Take(Fields.Threads(N("threads"), o.Threads), errors, 1);
        int tMax = NetworkResolver.Take(Fields.WholeNumber(N("tMax"), o.TMax, DefaultTMaxMs, 1000, MaxTMaxMs), errors, DefaultTMaxMs);
        string outDir = NetworkResolver.Take(Fields.Out(N("out"), o.Out, NetworkResolver.DefaultOut), errors, NetworkResolver.DefaultOut);
        if (tMax % 1000 != 0)
        {
            errors.Add(Error.New($"{N("tMax")} must be whole seconds (a multiple of 1000 ms: weights are updated once per second), got {tMax}"));
        }

        int seconds = tMax / 1000;
        foreach (var (field, given2) in new[] { ("neurons", o.Neurons is not null), ("neuronTable", o.NeuronTable is not null), ("k", o.K is not null), ("maxDelay", o.MaxDelay is not null), ("g", o.G is not null), ("inputFile", o.InputFile is not null), ("plasticity", o.Plasticity is not null) })
        {
            if (given2)
            {
                errors.Add(Error.New($"{N(field)} does not apply to {N("model")} {NetworkResolver.Polychronization} (1000 neurons, 100 synapses each; its input is --drive)"));
            }
        }

        var snapshots = SnapshotSeconds(N("snapshotAt"), o.SnapshotAt, seconds, errors);
        var files = new[] { ("targets", o.Targets), ("delays", o.Delays), ("weights", o.Weights), ("drive", o.Drive) };
        int named = files.Count(f => f.Item2 is not null);
        if (named is > 0 and < 4)
        {
            errors.Add(Error.New($"{N("targets")}, {N("delays")}, {N("weights")} and {N("drive")} go together: give all four or none (missing: {string.Join(", ", files.Where(f => f.Item2 is null).Select(f => N(f.Item1)))})"));
        }

        long fileBytes = 0;
        foreach (var (field, file) in files)
        {
            if (file is not null)
            {
                var facts = InputFile.Inspect(N(field), file.Path, budget.MemoryBytes, ".npy array");
                fileBytes += facts.SuccessToSeq().Sum(f => f.Size);
                errors.AddRange(facts.FailToSeq());
            }
        }

        var estimate = Estimates.Network(PolychronizationNetwork.Neurons, PolychronizationNetwork.Neurons * (double)PolychronizationNetwork.SynapsesPerNeuron, PlasticBytesPerSynapse, 32, fileBytes)
            .Add("spikes (at most 20 per ms)", 20.0 * seconds * 1000, 24);
        var fits = errors.Count == 0 ? budget.CheckMemory("--max-memory", estimate, "a shorter --t-max") : Success<Error, Unit>(unit);
        if (fits.IsFail)
        {
            return Fail<Error, ResolvedPlastic>(fits.FailToSeq());
        }

        var read = new Dictionary<string, (NpyArray? Array, string? Sha)>();
        foreach (var (field, file) in files)
        {
            if (file is null || named != 4)
            {
                continue;
            }

            var got = field == "weights"
                ? Npy.ReadFile(N(field), file.Path, budget.MemoryBytes)
                : Npy.ReadInt32File(N(field), file.Path, budget.MemoryBytes);
            read[field] = NetworkResolver.Take(got.Map(x => ((NpyArray?)x.Array, (string?)x.Sha256)), errors, (null, null));
            NetworkResolver.Unchanged(N(field), file, read[field].Sha, errors);
        }

        if (errors.Count > 0)
        {
            return Fail<Error, ResolvedPlastic>(errors.ToSeq());
        }

        Validation<Error, PlasticNetwork> built;
        if (named == 4)
        {
            const int n = PolychronizationNetwork.Neurons;
            foreach (string field in new[] { "targets", "delays", "weights" })
            {
                var a = read[field].Array!;
                if (a.Shape.Length != 2 || a.Rows != n)
                {
                    errors.Add(Error.New($"{N(field)} must have shape ({n}, M) (row = presynaptic neuron, column = slot), got {a.ShapeText}"));
                }
            }

            var drive = read["drive"].Array!;
            if (drive.Shape.Length != 1 || drive.Data.Length < seconds * 1000)
            {
                errors.Add(Error.New($"{N("drive")} must be a 1-D array of at least {seconds * 1000} steps ({N("tMax")} {tMax}), got shape {drive.ShapeText}"));
            }

            int m = read["targets"].Array!.Columns;
            foreach (string field in new[] { "delays", "weights" })
            {
                if (read[field].Array!.Columns != m)
                {
                    errors.Add(Error.New($"{N(field)} must have the shape of {N("targets")} ({read["targets"].Array!.ShapeText}), got {read[field].Array!.ShapeText}"));
                }
            }

            if (errors.Count > 0)
            {
                return Fail<Error, ResolvedPlastic>(errors.ToSeq());
            }

            built = PlasticNetwork.Create(
                PolychronizationNetwork.Cells(), m, Ints(read["targets"].Array!), Ints(read["delays"].Array!), read["weights"].Array!.Data.AsSpan(),
                Ints(drive).AsSpan(0, seconds * 1000), PolychronizationNetwork.DriveCurrent)
                .MapFail(e => Error.New($"{N("targets")}/{N("delays")}/{N("weights")}/{N("drive")}: {e.Message}"));
        }
        else
        {
            built = PolychronizationNetwork.Create(seed, seconds).MapFail(e => Error.New($"{N("seed")}: {e.Message}"));
        }

        RecordedFile? Recorded(string field, RecordedFile? file) =>
            named == 4 ? NetworkResolver.Recorded(file, read[field].Sha) : null;

        return built.Map(network => new ResolvedPlastic(
            network, seconds, seed, snapshots, Recorded("targets", o.Targets), Recorded("delays", o.Delays), Recorded("weights", o.Weights), Recorded("drive", o.Drive), threads, outDir));
    }

    /// <summary>Bytes a plastic synapse takes while built and run (weights, sd, target, slot maps, plastic-input lists, the input arrays).</summary>
    const double PlasticBytesPerSynapse = 64;

    static int[] Ints(NpyArray a)
    {
        var r = new int[a.Data.Length];
        for (int k = 0; k < r.Length; k++)
        {
            r[k] = (int)a.Data[k];
        }

        return r;
    }

    /// <summary>Parses <c>--snapshot-at 1,10,60</c>: whole seconds in 1 … seconds, ascending in the result, repeats dropped.</summary>
    static ImmutableArray<int> SnapshotSeconds(string field, string? text, int seconds, List<Error> errors)
    {
        if (text is null || text.Trim().Length == 0)
        {
            return [];
        }

        var result = new SortedSet<int>();
        foreach (string part in text.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int s) || s < 1 || s > Math.Max(1, seconds))
            {
                errors.Add(Error.New($"{field} must list whole seconds in 1..{Math.Max(1, seconds)} separated by commas, got '{Excerpt.Of(part.Trim())}'"));
                continue;
            }

            result.Add(s);
        }

        return [.. result];
    }

    /// <summary>Writes the resolved spec, every default explicit, input files with their SHA-256 (threads and folder are left out).</summary>
    public static void Write(Utf8JsonWriter w, ResolvedPlastic spec)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        w.WriteStartObject();
        w.WriteString("model", ResolvedPlastic.Model);
        w.WriteNumber("tMax", spec.Steps);
        w.WriteNumber("seed", spec.Seed);
        NetworkResolver.WriteFile(w, "targets", spec.Targets);
        NetworkResolver.WriteFile(w, "delays", spec.Delays);
        NetworkResolver.WriteFile(w, "weights", spec.Weights);
        NetworkResolver.WriteFile(w, "drive", spec.Drive);
        w.WriteString("snapshotAt", string.Join(",", spec.SnapshotAt));
        w.WriteEndObject();
    }
}

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

/// <summary>Turns raw <c>network</c> options (flags or a spec) into a <see cref="ResolvedNetwork"/>, reporting every problem at once.</summary>
internal static class NetworkResolver
{
    /// <summary>The paper's dense network.</summary>
    public const string Izhikevich2003 = "izhikevich2003";

    /// <summary>The sparse network with delays.</summary>
    public const string Sparse = "sparse";

    /// <summary>Izhikevich's polychronization network with STDP (spnet.m); resolved by <see cref="PlasticResolver"/>.</summary>
    public const string Polychronization = "polychronization";

    /// <summary>Izhikevich's dopamine-modulated STDP network with the reward protocol (daspnet.m); resolved by <see cref="DopamineResolver"/>.</summary>
    public const string DopamineStdp = "dopamine-stdp";

    /// <summary>Run length when neither <c>--t-max</c> nor <c>--input-file</c> is given, ms (= steps).</summary>
    public const int DefaultTMaxMs = 1000;

    /// <summary>Output folder when <c>--out</c> is not given.</summary>
    public const string DefaultOut = "neurofold-out/network";

    /// <summary>Default presynaptic partners per neuron of the sparse model.</summary>
    public const int DefaultK = 100;

    /// <summary>Default longest delay of the sparse model, ms (= steps).</summary>
    public const int DefaultMaxDelay = 20;

    /// <summary>Default neuron count of the sparse model.</summary>
    public const int DefaultSparseNeurons = 10_000;

    /// <summary>The models <c>--model</c> accepts.</summary>
    public static ImmutableArray<string> Models { get; } = [Izhikevich2003, Sparse, Polychronization, DopamineStdp];

    /// <summary>True when <paramref name="model"/> (as given) names the plastic model.</summary>
    public static bool IsPlastic(string? model) => string.Equals(model?.Trim(), Polychronization, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="model"/> (as given) names the dopamine-STDP model.</summary>
    public static bool IsDopamine(string? model) => string.Equals(model?.Trim(), DopamineStdp, StringComparison.OrdinalIgnoreCase);

    /// <summary>Validates, loads the given files and builds the network; every problem is named with <paramref name="names"/>.</summary>
    public static Validation<Error, ResolvedNetwork> Resolve(NetworkOptions o, FieldNames names) => Resolve(o, names, Budget.Default);

    /// <summary>Validates, checks the estimate against <paramref name="budget"/> before anything big is read or built, loads the files and builds the network.</summary>
    public static Validation<Error, ResolvedNetwork> Resolve(NetworkOptions o, FieldNames names, Budget budget) =>
        Resolve(o, names, Success<Error, Budget>(budget));

    /// <summary>As <see cref="Resolve(NetworkOptions, FieldNames, Budget)"/>, with the budget still to be checked: a bad <c>--max-memory</c> is listed with every other problem.</summary>
    public static Validation<Error, ResolvedNetwork> Resolve(NetworkOptions o, FieldNames names, Validation<Error, Budget> given)
    {
        var budget = given.IfFail(Budget.Default);
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(names);
        string N(string field) => names.Of(field);
        var errors = new List<Error>(given.FailToSeq());
        string model = (o.Model ?? Izhikevich2003).Trim().ToLowerInvariant();
        if (!Models.Contains(model) || model == Polychronization || model == DopamineStdp)
        {
            errors.Add(Error.New($"{N("model")} must be one of {string.Join(", ", Models)}, got '{Excerpt.Of(o.Model)}'"));
        }

        foreach (var (field, named) in new[] { ("targets", o.Targets is not null), ("delays", o.Delays is not null), ("drive", o.Drive is not null), ("snapshotAt", o.SnapshotAt is not null) })
        {
            if (named)
            {
                errors.Add(Error.New($"{N(field)} applies only to {N("model")} {Polychronization}"));
            }
        }

        long seed = Take(Fields.Seed(N("seed"), o.Seed), errors, 0L);
        int threads = Take(Fields.Threads(N("threads"), o.Threads), errors, 1);
        int k = Take(Fields.WholeNumber(N("k"), o.K, DefaultK, 1, 100_000), errors, DefaultK);
        int maxDelay = Take(Fields.WholeNumber(N("maxDelay"), o.MaxDelay, DefaultMaxDelay, 1, Connectivity.DelayLimitSteps), errors, DefaultMaxDelay);
        double g = Take(Fields.Finite(N("g"), o.G, 1.0), errors, 1.0);
        int? tMax = o.TMax is null ? null : Take(Fields.WholeNumber(N("tMax"), o.TMax, 0, 1, 10_000_000), errors, 1);
        int? count = o.Neurons is null ? null : Take(Fields.WholeNumber(N("neurons"), o.Neurons, 1, 1, 100_000_000), errors, 1);
        string outDir = Take(Fields.Out(N("out"), o.Out, DefaultOut), errors, DefaultOut);
        string plasticity = (o.Plasticity ?? NoPlasticity).Trim().ToLowerInvariant();
        bool stdp = plasticity == Stdp;
        if (plasticity is not (NoPlasticity or Stdp))
        {
            errors.Add(Error.New($"{N("plasticity")} must be {NoPlasticity} or {Stdp}, got '{Excerpt.Of(o.Plasticity)}'"));
        }
        else if (stdp)
        {
            CheckStdp(o, model, maxDelay, g, tMax, N, errors);
        }

        // The estimate comes before any file is read or anything is built: sizes from the flags and the files' lengths.
        long fileBytes = 0;
        long? weightsBytes = null;
        foreach (var (field, file, what) in new[] { (N("neuronTable"), o.NeuronTable, "neuron table"), (N("weights"), o.Weights, ".npy array"), (N("inputFile"), o.InputFile, ".npy array") })
        {
            if (file is not null)
            {
                var facts = InputFile.Inspect(field, file.Path, budget.MemoryBytes, what);
                foreach (var f in facts.SuccessToSeq())
                {
                    fileBytes += f.Size;
                    weightsBytes = field == N("weights") ? f.Size : weightsBytes;
                }

                errors.AddRange(facts.FailToSeq());
            }
        }

        // Invalid options give no estimate; the files are still read (each is bounded by the budget) so that every problem is listed at once.
        bool estimable = errors.Count == 0;
        long guess = count ?? (weightsBytes is long wb ? (long)Math.Sqrt(Math.Max(0, wb - 128) / 8.0) : model == Sparse ? DefaultSparseNeurons : Izhikevich2003Network.PaperNeurons);
        var estimate = model == Sparse
            ? Estimates.Network(guess, (double)guess * k, Estimates.SparseBytesPerSynapse, maxDelay + 1, fileBytes)
            : Estimates.Network(guess, (double)guess * guess, 16, 2, fileBytes);
        var fits = estimable ? budget.CheckMemory("--max-memory", estimate, Estimates.NetworkShrink) : Success<Error, Unit>(unit);
        if (fits.IsFail)
        {
            return Fail<Error, ResolvedNetwork>(fits.FailToSeq());
        }

        NetworkNeurons? table = null;
        string? tableSha = null;
        if (o.NeuronTable is { } tableFile)
        {
            var read = NeuronTable.ReadFile(N("neuronTable"), tableFile.Path, Izhikevich2003Network.V0Mv, null).MapFail(e => Error.New($"{N("neuronTable")}: {e.Message}"));
            (table, tableSha) = Take(read.Map(x => ((NetworkNeurons?)x.Neurons, (string?)x.Sha256)), errors, (null, null));
            Unchanged(N("neuronTable"), tableFile, tableSha, errors);
        }

        NpyArray? weights = null;
        string? weightsSha = null;
        if (o.Weights is { } weightsFile)
        {
            (weights, weightsSha) = Take(Npy.ReadFile(N("weights"), weightsFile.Path, budget.MemoryBytes).Map(x => ((NpyArray?)x.Array, (string?)x.Sha256)), errors, (null, null));
            Unchanged(N("weights"), weightsFile, weightsSha, errors);
            if (model == Sparse)
            {
                errors.Add(Error.New($"{N("weights")} gives a dense N x N matrix; use it with {N("model")} {Izhikevich2003}"));
            }
        }

        NpyArray? input = null;
        string? inputSha = null;
        if (o.InputFile is { } inputFile)
        {
            (input, inputSha) = Take(Npy.ReadFile(N("inputFile"), inputFile.Path, budget.MemoryBytes).Map(x => ((NpyArray?)x.Array, (string?)x.Sha256)), errors, (null, null));
            Unchanged(N("inputFile"), inputFile, inputSha, errors);
        }

        if (errors.Count > 0)
        {
            return Fail<Error, ResolvedNetwork>(errors.ToSeq());
        }

        // Sizes must agree.
        int neurons = table?.Count ?? count ?? weights?.Rows ?? input?.Columns ?? (model == Sparse ? DefaultSparseNeurons : Izhikevich2003Network.PaperNeurons);
        if (table is not null && count is not null && count != table.Count)
        {
            errors.Add(Error.New($"{N("neurons")} is {count} but {N("neuronTable")} has {table.Count} neurons"));
        }

        if (weights is not null && (weights.Shape.Length != 2 || weights.Rows != neurons || weights.Columns != neurons))
        {
            errors.Add(Error.New($"{N("weights")} must have shape ({neurons}, {neurons}) (row = postsynaptic, column = presynaptic), got {weights.ShapeText}"));
        }

        if (input is not null && (input.Shape.Length != 2 || input.Columns != neurons))
        {
            errors.Add(Error.New($"{N("inputFile")} must have shape (steps, {neurons}) (one row per 1 ms step), got {input.ShapeText}"));
        }

        int steps = tMax ?? input?.Rows ?? DefaultTMaxMs;
        if (input is not null && input.Shape.Length == 2 && input.Rows < steps)
        {
            errors.Add(Error.New($"{N("inputFile")} has {input.Rows} rows (steps) but the run needs {steps} ({N("tMax")})"));
        }

        if (input is not null && steps < 1)
        {
            errors.Add(Error.New($"{N("inputFile")} has no rows: the run would have no steps"));
        }

        CheckFinite(N("weights"), weights, errors);
        CheckFinite(N("inputFile"), input, errors);
        if (errors.Count > 0)
        {
            return Fail<Error, ResolvedNetwork>(errors.ToSeq());
        }

        // A sparse network's rows are read at random by every run: they go onto 2 MB pages once built (a placement
        // hint that changes no value; HugePages).
        var built = model == Sparse
            ? SparseNetwork.Create(neurons, k, maxDelay, g, seed).Map(n => { HugePages.Collapse(n.Connectivity); return n; })
            : Izhikevich2003Network.Create(neurons, seed);
        var denseOverride = weights is null
            ? Success<Error, Option<Connectivity>>(None)
            : Connectivity.Dense.FromPostsynapticRows(neurons, weights.Data.AsSpan(), 0).Map(d => Some((Connectivity)d));
        var inputOverride = input is null
            ? Success<Error, Option<NetworkInput>>(None)
            : NetworkInput.CreateSampled(steps, input.Rows > steps ? input.Data.Slice(0, steps * neurons) : input.Data).Map(Some);
        return (built.MapFail(e => Error.New($"{N("neurons")}: {e.Message}")),
                denseOverride.MapFail(e => Error.New($"{N("weights")}: {e.Message}")),
                inputOverride.MapFail(e => Error.New($"{N("inputFile")}: {e.Message}")))
            .Apply((network, connectivity, external) => (network, connectivity, external))
            .Bind(x => Network.Create(
                    table ?? x.network.Neurons,
                    x.connectivity.IfNone(x.network.Connectivity),
                    x.external.IfNone(() => table is null ? x.network.Input : Izhikevich2003Network.ThalamicInput(table, seed)))
                .MapFail(e => Error.New($"{N("neurons")}: {e.Message}")))
            .Map(network => new ResolvedNetwork(
                model, network, steps, seed, k, maxDelay, g, Recorded(o.NeuronTable, tableSha), Recorded(o.Weights, weightsSha), Recorded(o.InputFile, inputSha), threads, outDir)
            {
                SpikeBytes = budget.Left(estimate),
                Stdp = stdp,
            });
    }

    /// <summary><c>--plasticity</c> without learning (the default).</summary>
    public const string NoPlasticity = "none";

    /// <summary><c>--plasticity stdp</c>: spnet.m's STDP on the sparse model.</summary>
    public const string Stdp = "stdp";

    /// <summary>What <c>--plasticity stdp</c> needs: the sparse model, its thalamic noise, delays up to 29 ms, g &gt; 0 and whole seconds.</summary>
    static void CheckStdp(NetworkOptions o, string model, int maxDelay, double g, int? tMax, Func<string, string> n, List<Error> errors)
    {
        if (model != Sparse)
        {
            errors.Add(Error.New($"{n("plasticity")} {Stdp} applies only to {n("model")} {Sparse} (polychronization and dopamine-stdp have their own rules)"));
        }

        if (o.InputFile is not null)
        {
            errors.Add(Error.New($"{n("plasticity")} {Stdp} runs on the thalamic noise; {n("inputFile")} does not apply"));
        }

        if (maxDelay > PlasticSimulation.MaxSparseDelaySteps)
        {
            errors.Add(Error.New($"{n("plasticity")} {Stdp} supports {n("maxDelay")} up to {PlasticSimulation.MaxSparseDelaySteps} ms, got {maxDelay}"));
        }

        if (!(g > 0))
        {
            errors.Add(Error.New($"{n("plasticity")} {Stdp} needs {n("g")} > 0 (the weight bound is g*1000/K), got {Numbers.Format(g)}"));
        }

        if ((tMax ?? DefaultTMaxMs) % 1000 != 0)
        {
            errors.Add(Error.New($"{n("tMax")} must be whole seconds with {n("plasticity")} {Stdp} (a multiple of 1000 ms: weights are updated once per second), got {tMax}"));
        }
    }

    /// <summary>Reads a network spec (a manifest's <c>spec</c>) into the options the flags give.</summary>
    public static (NetworkOptions Options, Seq<Error> Problems) Read(JsonElement spec, FieldNames names)
    {
        var f = new SpecObject(spec, names, NetworkOptions.Fields);
        var o = new NetworkOptions(
            f.Text("model"), f.Number("tMax"), f.Number("seed"), f.Number("neurons"), File(f.File("neuronTable")), f.Number("k"), f.Number("maxDelay"),
            f.Number("g"), File(f.File("weights")), File(f.File("inputFile")), f.Number("threads"), f.Text("out"),
            File(f.File("targets")), File(f.File("delays")), File(f.File("drive")), f.Text("snapshotAt"), f.Text("plasticity"));
        return (o, f.Problems.ToSeq().Strict());
    }

    /// <summary>Writes the resolved spec, every default explicit, input files with their SHA-256 (threads and folder are left out).</summary>
    public static void Write(Utf8JsonWriter w, ResolvedNetwork spec)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        w.WriteStartObject();
        w.WriteString("model", spec.Model);
        w.WriteNumber("neurons", spec.Network.Neurons.Count);
        WriteFile(w, "neuronTable", spec.NeuronTable);
        w.WriteNumber("tMax", spec.Steps);
        w.WriteNumber("seed", spec.Seed);
        if (spec.IsSparse)
        {
            w.WriteNumber("k", spec.K);
            w.WriteNumber("maxDelay", spec.MaxDelay);
            w.WriteNumber("g", spec.G);
        }

        WriteFile(w, "weights", spec.Weights);
        WriteFile(w, "inputFile", spec.InputFile);
        if (spec.Stdp)
        {
            w.WriteString("plasticity", Stdp);
        }

        w.WriteEndObject();
    }

    /// <summary>Writes a file field: its full path and SHA-256, or null.</summary>
    internal static void WriteFile(Utf8JsonWriter w, string name, RecordedFile? file)
    {
        if (file is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("path", file.Path);
        w.WriteString("sha256", file.Sha256);
        w.WriteEndObject();
    }

    static RecordedFile? File((string Path, string? Sha256)? f) => f is { } x ? new RecordedFile(x.Path, x.Sha256) : null;

    /// <summary>The file as the manifest records it: full path and the SHA-256 of the bytes that were read.</summary>
    internal static RecordedFile? Recorded(RecordedFile? file, string? sha) =>
        file is null || sha is null ? null : new RecordedFile(Path.GetFullPath(file.Path), sha);

    /// <summary>A replayed spec's file must still have the hash it was recorded with.</summary>
    internal static void Unchanged(string field, RecordedFile file, string? sha, List<Error> errors)
    {
        if (file.Sha256 is { } recorded && sha is not null && !string.Equals(sha, recorded, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Error.New($"{field}: '{Excerpt.Of(file.Path)}' has changed since the run (its SHA-256 differs from the recorded one)"));
        }
    }

    internal static T Take<T>(Validation<Error, T> v, List<Error> errors, T fallback)
    {
        if (v.IsFail)
        {
            errors.AddRange(v.FailToSeq());
            return fallback;
        }

        return v.SuccessToSeq().Head;
    }

    static void CheckFinite(string field, NpyArray? array, List<Error> errors)
    {
        if (array is null)
        {
            return;
        }

        var data = array.Data;
        for (int k = 0; k < data.Length; k++)
        {
            if (!double.IsFinite(data[k]))
            {
                int cols = array.Columns;
                errors.Add(Error.New($"{field} contains {Numbers.Format(data[k])} at [{k / cols}, {k % cols}]; every value must be finite"));
                return;
            }
        }
    }
}

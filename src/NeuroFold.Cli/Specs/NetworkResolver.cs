using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Execution;
using NeuroFold.Core.Networks;
using NeuroFold.IO;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Specs;

/// <summary>Turns raw <c>network</c> options (flags or a spec) into a <see cref="ResolvedNetwork"/>, reporting every problem at once.</summary>
internal static class NetworkResolver
{
    /// <summary>The paper's dense network.</summary>
    public const string Izhikevich2003 = "izhikevich2003";

    /// <summary>The sparse network with delays.</summary>
    public const string Sparse = "sparse";

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
    public static ImmutableArray<string> Models { get; } = [Izhikevich2003, Sparse];

    /// <summary>Validates, loads the given files and builds the network; every problem is named with <paramref name="names"/>.</summary>
    public static Validation<Error, ResolvedNetwork> Resolve(NetworkOptions o, FieldNames names)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(names);
        string N(string field) => names.Of(field);
        var errors = new List<Error>();
        string model = (o.Model ?? Izhikevich2003).Trim().ToLowerInvariant();
        if (!Models.Contains(model))
        {
            errors.Add(Error.New($"{N("model")} must be one of {string.Join(", ", Models)}, got '{o.Model}'"));
        }

        long seed = Take(Fields.Seed(N("seed"), o.Seed), errors, 0L);
        int threads = Take(Fields.Threads(N("threads"), o.Threads), errors, 1);
        int k = Take(Fields.WholeNumber(N("k"), o.K, DefaultK, 1, 100_000), errors, DefaultK);
        int maxDelay = Take(Fields.WholeNumber(N("maxDelay"), o.MaxDelay, DefaultMaxDelay, 1, Connectivity.DelayLimitSteps), errors, DefaultMaxDelay);
        double g = Take(Fields.Finite(N("g"), o.G, 1.0), errors, 1.0);
        int? tMax = o.TMax is null ? null : Take(Fields.WholeNumber(N("tMax"), o.TMax, 0, 1, 10_000_000), errors, 1);
        int? count = o.Neurons is null ? null : Take(Fields.WholeNumber(N("neurons"), o.Neurons, 1, 1, 100_000_000), errors, 1);
        string outDir = Take(Fields.Out(N("out"), o.Out, DefaultOut), errors, DefaultOut);

        NetworkNeurons? table = null;
        if (o.NeuronTable is { } tableFile && Check(N("neuronTable"), tableFile, errors))
        {
            table = Take(NeuronTable.ReadFile(tableFile.Path, Izhikevich2003Network.V0Mv, null).MapFail(e => Error.New($"{N("neuronTable")}: {e.Message}")), errors, null!);
        }

        NpyArray? weights = null;
        if (o.Weights is { } weightsFile && Check(N("weights"), weightsFile, errors))
        {
            weights = Take(Npy.ReadFile(weightsFile.Path).MapFail(e => Error.New($"{N("weights")}: {e.Message}")), errors, null!);
            if (model == Sparse)
            {
                errors.Add(Error.New($"{N("weights")} gives a dense N x N matrix; use it with {N("model")} {Izhikevich2003}"));
            }
        }

        NpyArray? input = null;
        if (o.InputFile is { } inputFile && Check(N("inputFile"), inputFile, errors))
        {
            input = Take(Npy.ReadFile(inputFile.Path).MapFail(e => Error.New($"{N("inputFile")}: {e.Message}")), errors, null!);
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

        var built = model == Sparse
            ? SparseNetwork.Create(neurons, k, maxDelay, g, seed)
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
                model, network, steps, seed, k, maxDelay, g, Recorded(o.NeuronTable), Recorded(o.Weights), Recorded(o.InputFile), threads, outDir));
    }

    /// <summary>Reads a network spec (a manifest's <c>spec</c>) into the options the flags give.</summary>
    public static (NetworkOptions Options, Seq<Error> Problems) Read(JsonElement spec, FieldNames names)
    {
        var f = new SpecObject(spec, names, NetworkOptions.Fields);
        var o = new NetworkOptions(
            f.Text("model"), f.Number("tMax"), f.Number("seed"), f.Number("neurons"), File(f.File("neuronTable")), f.Number("k"), f.Number("maxDelay"),
            f.Number("g"), File(f.File("weights")), File(f.File("inputFile")), f.Number("threads"), f.Text("out"));
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
        w.WriteEndObject();
    }

    static void WriteFile(Utf8JsonWriter w, string name, RecordedFile? file)
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

    /// <summary>The file as the manifest records it: full path and the SHA-256 of its bytes now.</summary>
    static RecordedFile? Recorded(RecordedFile? file) =>
        file is null ? null : new RecordedFile(Path.GetFullPath(file.Path), HashingStream.HashFile(file.Path));

    /// <summary>True when the file exists and, if a hash was recorded, still has it.</summary>
    static bool Check(string field, RecordedFile file, List<Error> errors)
    {
        if (!System.IO.File.Exists(file.Path))
        {
            errors.Add(Error.New($"{field}: '{file.Path}' does not exist"));
            return false;
        }

        if (file.Sha256 is { } sha && !string.Equals(HashingStream.HashFile(file.Path), sha, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Error.New($"{field}: '{file.Path}' has changed since the run (its SHA-256 differs from the recorded one)"));
            return false;
        }

        return true;
    }

    static T Take<T>(Validation<Error, T> v, List<Error> errors, T fallback)
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

using System.Collections.Immutable;
using System.Globalization;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Networks;
using NeuroFold.IO;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Specs;

/// <summary>Turns raw <c>network</c> options into a <see cref="ResolvedNetwork"/>, reporting every problem at once.</summary>
internal static class NetworkResolver
{
    /// <summary>Run length when neither <c>--t-max</c> nor <c>--input</c> is given, ms (= steps).</summary>
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
    public static ImmutableArray<string> Models { get; } = ["izhikevich2003", "sparse"];

    /// <summary>Validates, loads the given files and builds the network; the failure lists every problem.</summary>
    public static Validation<Error, ResolvedNetwork> Resolve(NetworkOptions o)
    {
        var errors = new List<Error>();
        string model = (o.Model ?? "izhikevich2003").Trim().ToLowerInvariant();
        if (!Models.Contains(model))
        {
            errors.Add(Error.New($"model must be one of {string.Join(", ", Models)}, got '{o.Model}'"));
        }

        long seed = ParseSeed(o.Seed, errors);
        int threads = ParseInt("threads", o.Threads, 1, 1, 256, errors);
        int k = ParseInt("k", o.K, DefaultK, 1, 100_000, errors);
        int maxDelay = ParseInt("max-delay", o.MaxDelay, DefaultMaxDelay, 1, Connectivity.DelayLimitSteps, errors);
        double g = 1.0;
        if (o.G is not null)
        {
            Numbers.ParseDouble("g", o.G).Match(x => g = x, es => errors.AddRange(es));
        }

        int? tMax = o.TMax is null ? null : ParseInt("t-max", o.TMax, 0, 1, 10_000_000, errors);

        // --neurons is a count or a neuron table.
        int? count = null;
        NetworkNeurons? table = null;
        if (o.Neurons is not null)
        {
            if (int.TryParse(o.Neurons, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n))
            {
                if (n < 1)
                {
                    errors.Add(Error.New($"neurons must be at least 1, got {n}"));
                }
                else
                {
                    count = n;
                }
            }
            else
            {
                NeuronTable.ReadFile(o.Neurons, Izhikevich2003Network.V0Mv, null).Match(t => table = t, es => errors.AddRange(es));
            }
        }

        NpyArray? weights = null;
        if (o.Weights is not null)
        {
            Npy.ReadFile(o.Weights).Match(w => weights = w, es => errors.AddRange(es));
            if (model == "sparse")
            {
                errors.Add(Error.New("--weights gives a dense N x N matrix; use it with --model izhikevich2003"));
            }
        }

        NpyArray? input = null;
        if (o.Input is not null)
        {
            Npy.ReadFile(o.Input).Match(x => input = x, es => errors.AddRange(es));
        }

        if (errors.Count > 0)
        {
            return Fail<Error, ResolvedNetwork>(Error.Many(errors.ToArray()));
        }

        // Sizes must agree.
        int neurons = table?.Count ?? count ?? weights?.Rows ?? input?.Columns ?? (model == "sparse" ? DefaultSparseNeurons : Izhikevich2003Network.PaperNeurons);
        if (weights is not null && (weights.Shape.Length != 2 || weights.Rows != neurons || weights.Columns != neurons))
        {
            errors.Add(Error.New($"{o.Weights} must have shape ({neurons}, {neurons}) (row = postsynaptic, column = presynaptic), got {weights.ShapeText}"));
        }

        if (input is not null && (input.Shape.Length != 2 || input.Columns != neurons))
        {
            errors.Add(Error.New($"{o.Input} must have shape (steps, {neurons}) (one row per 1 ms step), got {input.ShapeText}"));
        }

        int steps = tMax ?? input?.Rows ?? DefaultTMaxMs;
        if (input is not null && input.Shape.Length == 2 && input.Rows < steps)
        {
            errors.Add(Error.New($"{o.Input} has {input.Rows} rows (steps) but the run needs {steps} (--t-max)"));
        }

        CheckFinite(o.Weights, weights, errors);
        CheckFinite(o.Input, input, errors);
        if (errors.Count > 0)
        {
            return Fail<Error, ResolvedNetwork>(Error.Many(errors.ToArray()));
        }

        var built = model == "sparse"
            ? SparseNetwork.Create(neurons, k, maxDelay, g, seed)
            : Izhikevich2003Network.Create(neurons, seed);
        var denseOverride = weights is null
            ? Success<Error, Option<Connectivity>>(None)
            : Connectivity.Dense.FromPostsynapticRows(neurons, weights.Data.AsSpan(), 0).Map(d => Some((Connectivity)d));
        return built.Bind(network => denseOverride.Map(over =>
        {
            if (table is not null)
            {
                network = network with
                {
                    Neurons = table,
                    Input = Izhikevich2003Network.ThalamicInput(table, seed),
                };
            }

            network = over.Match(c => network with { Connectivity = c }, () => network);
            if (input is not null)
            {
                var values = input.Data;
                if (input.Rows > steps)
                {
                    values = values.Slice(0, steps * neurons);
                }

                network = network with { Input = new NetworkInput.Sampled(steps, values) };
            }

            var spec = new List<(string, string)>
            {
                ("model", model),
                ("neurons", neurons.ToString(CultureInfo.InvariantCulture)),
                ("excitatory", network.Neurons.Excitatory.ToString(CultureInfo.InvariantCulture)),
                ("t_max_ms", steps.ToString(CultureInfo.InvariantCulture)),
                ("dt_ms", "1"),
                ("seed", seed.ToString(CultureInfo.InvariantCulture)),
            };
            if (model == "sparse")
            {
                spec.Add(("k", k.ToString(CultureInfo.InvariantCulture)));
                spec.Add(("max_delay_ms", maxDelay.ToString(CultureInfo.InvariantCulture)));
                spec.Add(("g", Numbers.Format(g)));
            }

            spec.Add(("weights", o.Weights is null ? "generated" : Path.GetFullPath(o.Weights)));
            spec.Add(("input", o.Input is null ? "thalamic noise" : Path.GetFullPath(o.Input)));
            spec.Add(("neuron_parameters", table is null ? "generated" : Path.GetFullPath(o.Neurons!)));
            return new ResolvedNetwork(model, network, steps, threads, o.Out ?? DefaultOut, spec);
        }));
    }

    static void CheckFinite(string? name, NpyArray? array, List<Error> errors)
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
                errors.Add(Error.New($"{name} contains {Numbers.Format(data[k])} at [{k / cols}, {k % cols}]; every value must be finite"));
                return;
            }
        }
    }

    static long ParseSeed(string? text, List<Error> errors)
    {
        if (text is null)
        {
            return 1;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long seed))
        {
            return seed;
        }

        errors.Add(Error.New($"seed must be a whole number in 0..{long.MaxValue}, got '{text}'"));
        return 0;
    }

    static int ParseInt(string field, string? text, int fallback, int min, int max, List<Error> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int x) && x >= min && x <= max)
        {
            return x;
        }

        errors.Add(Error.New($"{field} must be a whole number in {min}..{max}, got '{text}'"));
        return fallback;
    }
}

using System.Collections.Immutable;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Gradients;
using NeuroFold.Core.Models;
using NeuroFold.IO;
using NeuroFold.IO.Files;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Fitting;

/// <summary>Resolves <c>--model</c>, <c>--scheme</c>, <c>--preset</c>, <c>--params</c> and <c>--free</c> into a <see cref="ModelPoint"/> and its free quantities.</summary>
internal static class ModelResolver
{
    public static ImmutableArray<string> Models { get; } = ["izhikevich2003", "izhikevich2007"];

    public static ImmutableArray<string> Schemes2003 { get; } = ["jaxley", "euler", "net2003"];

    /// <summary>The largest parameter file read, bytes.</summary>
    public const long MaxParamsBytes = 1 << 20;

    /// <summary>The free quantities when <c>--free</c> is not given.</summary>
    public static ImmutableArray<string> DefaultFree(string model) =>
        model == "izhikevich2007" ? ["a", "b", "c", "d", "C", "k", "vr", "vt", "vpeak", "offset"] : ["a", "b", "c", "d", "scale", "offset"];

    public static Validation<Error, string> Model(string field, string? text) =>
        text is null ? Fail<Error, string>(Error.New($"{field} is required: one of {string.Join(", ", Models)}"))
        : Models.Contains(text.Trim()) ? Success<Error, string>(text.Trim())
        : Fail<Error, string>(Error.New($"{field} must be one of {string.Join(", ", Models)}, got '{Excerpt.Of(text)}'"));

    /// <summary>The point from the preset (default rs / rs-2007), then the parameter file's values over it.</summary>
    public static Validation<Error, ModelPoint> Point(string model, string? schemeText, string? presetText, string? paramsPath, FieldNamesSet f)
    {
        bool is2007 = model == "izhikevich2007";
        var scheme = is2007
            ? (schemeText is null || schemeText.Trim() == "euler" ? Success<Error, string>("euler") : Fail<Error, string>(Error.New($"{f.Scheme}: the 2007 model has one scheme, euler, got '{Excerpt.Of(schemeText)}'")))
            : schemeText is null ? Success<Error, string>("jaxley")
            : Schemes2003.Contains(schemeText.Trim()) ? Success<Error, string>(schemeText.Trim())
            : Fail<Error, string>(Error.New($"{f.Scheme} must be one of {string.Join(", ", Schemes2003)} for izhikevich2003 (paper's MATLAB grid is not a sample grid), got '{Excerpt.Of(schemeText)}'"));
        var basePoint = Preset(model, presetText, f.Preset);
        var overrides = paramsPath is null ? Success<Error, ImmutableArray<(string, double)>>([]) : ReadParams(f.Params, paramsPath, is2007 ? ForwardMode.Variables2007 : ForwardMode.Variables2003);
        return (scheme, basePoint, overrides).Apply((s, p, o) => (s, p, o)).Bind(x =>
        {
            var point = x.p with { Scheme = x.s };
            foreach (var (name, value) in x.o)
            {
                point = point.With(point.IndexOf(name), value);
            }

            return Check(point, f.Params);
        });
    }

    static Validation<Error, ModelPoint> Preset(string model, string? presetText, string field)
    {
        if (model == "izhikevich2007")
        {
            string name = presetText?.Trim() ?? "rs-2007";
            return Presets2007.Find(name).Match(
                Some: p => Success<Error, ModelPoint>(new ModelPoint(model, "euler", p.Rule, ForwardMode.Variables2007,
                    [p.CapacitancePf, p.K, p.VrMv, p.VtMv, p.VPeakMv, p.A, p.B, p.C, p.D, p.VrMv, 0.0, 1.0, 0.0])),
                None: () => Fail<Error, ModelPoint>(Error.New($"{field} must be a 2007 preset ({string.Join(", ", Presets2007.All.Select(x => x.Name))}) for izhikevich2007, got '{Excerpt.Of(name)}'")));
        }

        string cell = presetText?.Trim() ?? "rs";
        return Presets.Find(cell).Match(
            Some: p => Success<Error, ModelPoint>(new ModelPoint(model, "jaxley", CellRule2007.None, ForwardMode.Variables2003,
                [p.A, p.B, p.C, p.D, -65.0, p.B * -65.0, ModelPoint.DefaultScale2003, 0.0])),
            None: () => Fail<Error, ModelPoint>(Error.New($"{field} must be a 2003 preset ({string.Join(", ", Presets.All.Select(x => x.Name))}) for izhikevich2003, got '{Excerpt.Of(cell)}'")));
    }

    static Validation<Error, ModelPoint> Check(ModelPoint p, string field)
    {
        var errors = new List<Error>();
        if (p.Is2007)
        {
            if (!(p["C"] > 0))
            {
                errors.Add(Error.New($"{field}: C must be > 0 pF, got {p["C"]}"));
            }

            if (!(p["c"] < p["vpeak"]))
            {
                errors.Add(Error.New($"{field}: c must lie below vpeak, got c = {p["c"]}, vpeak = {p["vpeak"]}"));
            }
        }
        else if (!(p["c"] < 30))
        {
            errors.Add(Error.New($"{field}: c must lie below the 30 mV peak, got {p["c"]}"));
        }

        return errors.Count == 0 ? Success<Error, ModelPoint>(p) : Fail<Error, ModelPoint>(errors.ToSeq());
    }

    /// <summary>A JSON object of quantities by name (every value a finite number; unknown names refused).</summary>
    static Validation<Error, ImmutableArray<(string, double)>> ReadParams(string field, string path, ImmutableArray<string> names) =>
        InputFile.ReadAll(field, path, MaxParamsBytes, "parameter file").Bind(bytes =>
        {
            try
            {
                using var doc = JsonDocument.Parse(bytes);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return Fail<Error, ImmutableArray<(string, double)>>(Error.New($"{field}: {Excerpt.Of(path)} must hold a JSON object of quantities by name ({string.Join(", ", names)})"));
                }

                var values = ImmutableArray.CreateBuilder<(string, double)>();
                var errors = new List<Error>();
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    if (p.Name is "model" or "scheme" or "rule")
                    {
                        continue;
                    }

                    if (!names.Contains(p.Name))
                    {
                        errors.Add(Error.New($"{field}: '{Excerpt.Of(p.Name)}' is not a quantity of this model (one of {string.Join(", ", names)})"));
                    }
                    else if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDouble(out double x) || !double.IsFinite(x))
                    {
                        errors.Add(Error.New($"{field}: {p.Name} must be a finite number"));
                    }
                    else
                    {
                        values.Add((p.Name, x));
                    }
                }

                return errors.Count == 0 ? Success<Error, ImmutableArray<(string, double)>>(values.ToImmutable()) : Fail<Error, ImmutableArray<(string, double)>>(errors.ToSeq());
            }
            catch (JsonException e)
            {
                return Fail<Error, ImmutableArray<(string, double)>>(Error.New($"{field}: {Excerpt.Of(path)} is not valid JSON ({e.Message})"));
            }
        });

    /// <summary>The free quantities: a comma-separated list of the model's names.</summary>
    public static Validation<Error, ImmutableArray<string>> Free(string field, string? text, string model)
    {
        var names = model == "izhikevich2007" ? ForwardMode.Variables2007 : ForwardMode.Variables2003;
        if (text is null)
        {
            return DefaultFree(model);
        }

        var list = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var errors = list.Where(n => !names.Contains(n)).Select(n => Error.New($"{field}: '{Excerpt.Of(n)}' is not a quantity of {model} (one of {string.Join(", ", names)})")).ToList();
        if (list.Length == 0)
        {
            errors.Add(Error.New($"{field} must name at least one quantity"));
        }

        if (list.Distinct().Count() != list.Length)
        {
            errors.Add(Error.New($"{field} names a quantity twice"));
        }

        return errors.Count == 0 ? Success<Error, ImmutableArray<string>>([.. list]) : Fail<Error, ImmutableArray<string>>(errors.ToSeq());
    }
}

/// <summary>The flags that name a model's fields, for messages.</summary>
internal sealed record FieldNamesSet(string Scheme, string Preset, string Params);

using System.Collections.Immutable;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Cells;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using static LanguageExt.Prelude;
using NeuroFold.IO;

namespace NeuroFold.Cli.Sweeps;

/// <summary>Turns raw <c>sweep</c> options (flags or a spec) into a <see cref="SweepSpec"/>, reporting every problem at once.</summary>
internal static class SweepResolver
{
    /// <summary>Run length when <c>--t-max</c> is not given, ms (long enough for rates and ISI statistics).</summary>
    public const double DefaultTMaxMs = 1000.0;

    /// <summary>Output folder when <c>--out</c> is not given.</summary>
    public const string DefaultOut = "neurofold-out/sweep";

    /// <summary>The most grid points a sweep may have.</summary>
    public const int MaxPoints = 10_000_000;

    /// <summary>Validates and resolves; every offending field is named with <paramref name="names"/>.</summary>
    public static Validation<Error, SweepSpec> Resolve(SweepOptions o, FieldNames names)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(names);
        string N(string field) => names.Of(field);

        var axes = o.Grid.Count is < 1 or > 2
            ? Fail<Error, ImmutableArray<SweepAxis>>(Error.New($"{N("grid")}: give one (an F–I curve) or two (a heat map), got {o.Grid.Count}"))
            : o.Grid.Select((text, i) => SweepAxis.Parse(names.Item("grid", i), text)).ToList()
                .Aggregate(Success<Error, ImmutableArray<SweepAxis>>([]), (acc, a) => (acc, a).Apply((xs, x) => xs.Add(x)))
                .Bind(a => CheckAxes(names, a));

        string presetName = (o.Preset ?? "rs").ToLowerInvariant();
        var basis = Presets.Find(presetName).Match(
            Some: p => Success<Error, IzhikevichParameters>(p),
            None: () => Fail<Error, IzhikevichParameters>(Error.New(
                $"{N("preset")} must be one of {string.Join(", ", Presets.All.Select(x => x.Name))}; got '{Excerpt.Of(o.Preset)}'")));
        var scheme = SchemeRegistry.FindCell(o.Scheme ?? SchemeRegistry.Cell[0].Name).Match(
            Some: s => Success<Error, CellScheme>(s),
            None: () => Fail<Error, CellScheme>(Error.New(
                $"{N("scheme")} must be one of {string.Join(", ", SchemeRegistry.Cell.Select(x => x.Name))}; got '{Excerpt.Of(o.Scheme)}'")));
        var grid = (Fields.Positive(N("dt"), o.Dt, SimulateResolver.DefaultDtMs), Fields.NonNegative(N("tMax"), o.TMax, DefaultTMaxMs), scheme)
            .Apply((d, t, s) => (Dt: d, TMax: t, Scheme: s))
            .Bind(x => x.Scheme.Grid(x.Dt, x.TMax).Map(g => (x.Dt, x.TMax, Grid: g))
                .MapFail(e => Error.New($"{N("dt")}/{N("tMax")}: {e.Message}")));
        var compartment =
            (Fields.Positive(N("radius"), o.Radius, Compartment.Default.RadiusUm),
             Fields.Positive(N("length"), o.Length, Compartment.Default.LengthUm),
             Fields.Positive(N("capacitance"), o.Capacitance, Compartment.Default.CapacitanceUfPerCm2))
            .Apply((r, l, c) => new Compartment(r, l, c));
        var cell = (Fields.Finite(N("v0"), o.V0, SimulateResolver.DefaultV0Mv),
                    o.Constant is null ? Success<Error, Amplitude>(new Amplitude(0.0, false)) : Amplitude.Parse(N("constant"), o.Constant))
            .Apply((v, i) => (V0: v, Constant: i));
        var shard = o.Shard is null
            ? Success<Error, Option<SweepShard>>(None)
            : SweepShard.Parse(N("shard"), o.Shard).Bind(part => axes.Match(
                Succ: ax => part.Fits(N("shard"), ax.Aggregate(1L, (n, a) => n * a.Values.Length)).Map(Some),
                Fail: _ => Success<Error, Option<SweepShard>>(Some(part)))); // the grid's own problems are reported once, with the axes
        var run = (Fields.Threads(N("threads"), o.Threads), Fields.Out(N("out"), o.Out, DefaultOut), shard)
            .Apply((t, d, part) => (Threads: t, Out: d, Shard: part.IsSome ? (SweepShard?)part.First() : null));

        return (axes, basis, scheme, grid, compartment, cell, run).Apply((ax, p, s, g, c, x, r) =>
            new SweepSpec(ax, presetName, p, s, x.V0, x.Constant, c, g.Dt, g.TMax, g.Grid, r.Threads, r.Out, r.Shard));
    }

    /// <summary>Reads a sweep spec (a manifest's <c>spec</c>) into the options the flags give.</summary>
    public static (SweepOptions Options, Seq<Error> Problems) Read(JsonElement spec, FieldNames names)
    {
        var f = new SpecObject(spec, names, SweepOptions.Fields);
        var o = new SweepOptions(
            f.Texts("grid"), f.Text("preset"), f.Text("scheme"), f.Number("dt"), f.Number("tMax"), f.Number("v0"), f.NumberOrText("constant"),
            f.Number("radius"), f.Number("length"), f.Number("capacitance"), f.Number("threads"), f.Text("out"), f.Text("shard"));
        return (o, f.Problems.ToSeq().Strict());
    }

    /// <summary>Writes the resolved spec, every default explicit (the thread count and the folder are left out: they change no output byte).</summary>
    /// <remarks>A shard's spec ends with <c>"shard": "I/N"</c>; the whole sweep's has no such field, so the spec of a merged sweep is the unsharded one's.</remarks>
    public static void Write(Utf8JsonWriter w, SweepSpec spec, IReadOnlyList<string> grid)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(grid);
        w.WriteStartObject();
        w.WriteStartArray("grid");
        foreach (string g in grid)
        {
            w.WriteStringValue(g.Trim());
        }

        w.WriteEndArray();
        w.WriteString("preset", spec.Preset);
        w.WriteString("scheme", spec.Scheme.Name);
        w.WriteNumber("dt", spec.DtMs);
        w.WriteNumber("tMax", spec.TMaxMs);
        w.WriteNumber("v0", spec.V0Mv);
        w.WriteString("constant", spec.Constant.ToString());
        w.WriteNumber("radius", spec.Compartment.RadiusUm);
        w.WriteNumber("length", spec.Compartment.LengthUm);
        w.WriteNumber("capacitance", spec.Compartment.CapacitanceUfPerCm2);
        if (spec.Shard is { } shard)
        {
            w.WriteString("shard", shard.ToString());
        }

        w.WriteEndObject();
    }

    static Validation<Error, ImmutableArray<SweepAxis>> CheckAxes(FieldNames names, ImmutableArray<SweepAxis> axes)
    {
        var errors = new List<Error>();
        if (axes.Length == 2 && axes[0].Name == axes[1].Name)
        {
            errors.Add(Error.New($"{names.Of("grid")}: {axes[0].Name} is given twice"));
        }

        for (int i = 0; i < axes.Length; i++)
        {
            if (axes[i].Name == "c" && axes[i].Values.Any(x => x >= Izhikevich.PeakMv))
            {
                errors.Add(Error.New(
                    $"{names.Item("grid", i)}: c must stay below {Numbers.Format(Izhikevich.PeakMv)} mV (the reset must lie below the spike peak), got up to {Numbers.Format(axes[i].Values.Max())}"));
            }
        }

        long points = axes.Aggregate(1L, (n, a) => n * a.Values.Length);
        if (points > MaxPoints)
        {
            errors.Add(Error.New($"{names.Of("grid")}: the grid has {points} points; at most {MaxPoints} are allowed"));
        }

        return errors.Count == 0 ? Success<Error, ImmutableArray<SweepAxis>>(axes) : Fail<Error, ImmutableArray<SweepAxis>>(Seq(errors));
    }
}

using System.Collections.Immutable;
using System.Globalization;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Cells;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using NeuroFold.Core.Validation;
using static LanguageExt.Prelude;
using NeuroFold.IO;

namespace NeuroFold.Cli.Specs;

/// <summary>Turns raw <c>simulate</c> options into a <see cref="ResolvedSimulation"/>, reporting every problem at once.</summary>
/// <remarks>
/// Used by <c>simulate</c> (fields named as flags) and by <c>run</c>/<c>replay</c> (fields named as JSON paths), so
/// flags and spec fields share one set of defaults and rules. Every message starts with the name of the field it is about.
/// </remarks>
internal static class SimulateResolver
{
    /// <summary>Run length when <c>--t-max</c> is not given, ms.</summary>
    public const double DefaultTMaxMs = 300.0;

    /// <summary>Step size when <c>--dt</c> is not given, ms (Jaxley's default).</summary>
    public const double DefaultDtMs = 0.025;

    /// <summary>Initial membrane potential when <c>--v0</c> is not given, mV.</summary>
    public const double DefaultV0Mv = -70.0;

    /// <summary>Output folder when <c>--out</c> is not given.</summary>
    public const string DefaultOut = "neurofold-out/simulate";

    /// <summary>The input when neither <c>--step</c> nor <c>--constant</c> is given: the demonstration step.</summary>
    public const string DefaultStep = "20,250,10uA/cm2";

    /// <summary>Every preset name <c>--preset</c> accepts: the 2003 classes and the book's 2007 cells.</summary>
    public static IEnumerable<string> PresetNames => Presets.All.Select(p => p.Name).Concat(Presets2007.All.Select(p => p.Name));

    /// <summary>The scheme names of both models, as <c>--scheme</c> help lists them.</summary>
    public static string SchemeHelp =>
        $"{string.Join(", ", SchemeRegistry.Cell.Select(s => s.Name))} for the 2003 presets (default {SchemeRegistry.Cell[0].Name}); " +
        $"{string.Join(", ", SchemeRegistry.Book2007.Select(s => s.Name))} for the 2007 presets";

    /// <summary>Validates and resolves, naming fields as <c>simulate</c> flags; the failure lists every offending field.</summary>
    public static Validation<Error, ResolvedSimulation> Resolve(SimulateOptions o) => Resolve(o, FieldNames.Flags);

    /// <summary>Validates and resolves, naming fields with <paramref name="names"/>; the failure lists every offending field.</summary>
    public static Validation<Error, ResolvedSimulation> Resolve(SimulateOptions o, FieldNames names)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(names);
        string N(string field) => names.Of(field);

        var overrides =
            (Opt(N("a"), o.A, Checks.Finite), Opt(N("b"), o.B, Checks.Finite), Opt(N("c"), o.C, Checks.Finite), Opt(N("d"), o.D, Checks.Finite),
             Opt(N("v0"), o.V0, Checks.Finite), Opt(N("u0"), o.U0, Checks.Finite))
            .Apply((a, b, c, d, v0, u0) => (a, b, c, d, v0, u0));

        var grid =
            (Num(N("dt"), o.Dt, DefaultDtMs).Bind(x => Checks.Positive(N("dt"), x)),
             Num(N("tMax"), o.TMax, DefaultTMaxMs).Bind(x => Checks.NonNegative(N("tMax"), x)))
            .Apply((dt, t) => (Dt: dt, TMax: t));

        var cell = (ResolvePreset(N("preset"), o.Preset), overrides, grid)
            .Apply((p, x, g) => (Preset: p, Overrides: x, Grid: g))
            .Bind(x => ResolveModel(names, x.Preset, o.Scheme, x.Overrides.a, x.Overrides.b, x.Overrides.c, x.Overrides.d)
                .Bind(model => At($"{N("dt")}/{N("tMax")}", model.Scheme.Grid(x.Grid.Dt, x.Grid.TMax))
                    .Bind(g => Initial(names, model, x.Preset, x.Overrides.v0, x.Overrides.u0)
                        .Map(s0 => (x.Preset, Model: model, x.Grid.Dt, x.Grid.TMax, Grid: g, Initial: s0)))));

        var compartment =
            (Num(N("radius"), o.Radius, Compartment.Default.RadiusUm).Bind(x => Checks.Positive(N("radius"), x)),
             Num(N("length"), o.Length, Compartment.Default.LengthUm).Bind(x => Checks.Positive(N("length"), x)),
             Num(N("capacitance"), o.Capacitance, Compartment.Default.CapacitanceUfPerCm2).Bind(x => Checks.Positive(N("capacitance"), x)))
            .Apply((r, l, c) => (r, l, c))
            .Bind(x => At($"{N("radius")}/{N("length")}/{N("capacitance")}", Compartment.Create(x.r, x.l, x.c)));

        bool noInput = o.Steps.Count == 0 && o.Constant is null;
        var input =
            (ResolveSteps(names, noInput ? [DefaultStep] : o.Steps),
             o.Constant is null ? Success<Error, Option<Amplitude>>(None) : Amplitude.Parse(N("constant"), o.Constant).Map(Some))
            .Apply((st, k) => (Steps: st, Constant: k));

        var output =
            (o.Record is null ? Success<Error, TraceColumns>(TraceColumns.Both) : TraceColumns.Parse(N("record"), o.Record),
             ResolveRecording(N("recordEvery"), o.RecordEvery, o.Trace ?? true),
             Fields.Out(N("out"), o.Out, DefaultOut))
            .Apply((cols, recording, dir) => (Columns: cols, Recording: recording, Plot: o.Plot ?? true, Out: dir));

        return (cell, compartment, input, output)
            .Apply((x, c, i, r) => new ResolvedSimulation(x.Preset.Name, x.Model, x.Dt, x.TMax, x.Grid, x.Initial, i.Steps, i.Constant, c, r.Out)
            {
                Recording = r.Recording,
                Columns = r.Columns,
                Plot = r.Plot,
            })
            .Bind(s => FiniteInputs(names, s));
    }

    /// <summary>Every current, converted to the model's units on the compartment, must stay finite (<c>1e308nA</c> would not).</summary>
    static Validation<Error, ResolvedSimulation> FiniteInputs(FieldNames names, ResolvedSimulation spec)
    {
        var errors = new List<Error>();
        foreach (var k in spec.Constant)
        {
            Check(names.Of("constant"), k);
        }

        for (int i = 0; i < spec.Steps.Length; i++)
        {
            Check(names.Step(i, "amplitude"), spec.Steps[i].Amplitude);
        }

        return errors.Count == 0 ? Success<Error, ResolvedSimulation>(spec) : Fail<Error, ResolvedSimulation>(errors.ToSeq());

        void Check(string field, Amplitude a)
        {
            double x = spec.Model.InputOf(a, spec.Compartment);
            if (!double.IsFinite(x))
            {
                errors.Add(Error.New($"{field} {a} is {Checks.Show(x)} {spec.Model.InputUnit} on this compartment; it must be finite"));
            }
        }
    }

    /// <summary>A preset by name: a 2003 class or a 2007 cell.</summary>
    sealed record PresetChoice(string Name, Option<IzhikevichParameters> Cell, Option<Izhikevich2007Parameters> Book);

    static Validation<Error, PresetChoice> ResolvePreset(string field, string? name)
    {
        string n = (name ?? "rs").ToLowerInvariant();
        var cell = Presets.Find(n);
        var book = Presets2007.Find(n);
        return cell.IsSome || book.IsSome
            ? Success<Error, PresetChoice>(new PresetChoice(n, cell, book))
            : Fail<Error, PresetChoice>(Error.New($"{field} must be one of {string.Join(", ", PresetNames)}; got '{Excerpt.Of(name)}'"));
    }

    /// <summary>The scheme (from the preset's model) and the validated parameters, a/b/c/d overriding the preset's.</summary>
    static Validation<Error, SimulationModel> ResolveModel(
        FieldNames names, PresetChoice preset, string? scheme, Option<double> a, Option<double> b, Option<double> c, Option<double> d)
    {
        string field = names.Of("scheme");
        foreach (var book in preset.Book)
        {
            string n = (scheme ?? SchemeRegistry.Book2007[0].Name).ToLowerInvariant();
            return SchemeRegistry.Find2007(n).Match(
                Some: s => Named(names, Izhikevich2007Parameters.Create(
                        book.CapacitancePf, book.K, book.VrMv, book.VtMv, book.VPeakMv,
                        a.IfNone(book.A), b.IfNone(book.B), c.IfNone(book.C), d.IfNone(book.D), book.Rule))
                    .Map(p => (SimulationModel)new SimulationModel.Book2007(s, p)),
                None: () => Fail<Error, SimulationModel>(Error.New(
                    $"{field} must be {string.Join(" or ", SchemeRegistry.Book2007.Select(x => x.Name))} for the 2007 preset {preset.Name} (the book's forward Euler); got '{Excerpt.Of(scheme)}'")));
        }

        var cell = preset.Cell.IfNone(Presets.RegularSpiking);
        string name = (scheme ?? SchemeRegistry.Cell[0].Name).ToLowerInvariant();
        return SchemeRegistry.FindCell(name).Match(
            Some: s => Named(names, IzhikevichParameters.Create(a.IfNone(cell.A), b.IfNone(cell.B), c.IfNone(cell.C), d.IfNone(cell.D)))
                .Map(p => (SimulationModel)new SimulationModel.Cell2003(s, p)),
            None: () => Fail<Error, SimulationModel>(Error.New(
                $"{field} must be one of {string.Join(", ", SchemeRegistry.Cell.Select(x => x.Name))} for the 2003 preset {preset.Name}" +
                (SchemeRegistry.Find2007(name).IsSome ? " (a 2007 scheme needs a 2007 preset such as rs-2007)" : "") + $"; got '{Excerpt.Of(scheme)}'")));
    }

    /// <summary>The initial state: v0 (default −70 mV, or the book's vr for a 2007 cell) and u0 (default b·v0, or 0 for a 2007 cell, as the book's code).</summary>
    static Validation<Error, IzhikevichState> Initial(FieldNames names, SimulationModel model, PresetChoice preset, Option<double> v0, Option<double> u0)
    {
        var book = model is SimulationModel.Book2007 m ? Some(Izhikevich2007.Initial(m.Parameters)) : None;
        double v = v0.IfNone(() => book.Map(s => s.V).IfNone(DefaultV0Mv));
        double u = u0.IfNone(() => book.Map(s => s.U).IfNone(() => IzhikevichState.AtNullcline(model.Cell, v).U));
        return Named(names, IzhikevichState.Create(v, u));
    }

    /// <summary>Renames the core's field names (<c>a</c>, <c>vpeak</c>, <c>v0</c>, …) at the start of each message to <paramref name="names"/>' names.</summary>
    static Validation<Error, T> Named<T>(FieldNames names, Validation<Error, T> v) =>
        v.Match(
            Succ: x => Success<Error, T>(x),
            Fail: es => Fail<Error, T>(es.Map(e =>
            {
                string first = e.Message.Split(' ')[0];
                return first is "a" or "b" or "c" or "d" or "v0" or "u0"
                    ? Error.New(names.Of(first) + e.Message[first.Length..])
                    : Error.New($"{names.Of("preset")}: {e.Message}");
            })));

    /// <summary>Prefixes every message of a failed <paramref name="v"/> with <paramref name="where"/> (for checks that span fields).</summary>
    static Validation<Error, T> At<T>(string where, Validation<Error, T> v) =>
        v.Match(
            Succ: x => Success<Error, T>(x),
            Fail: es => Fail<Error, T>(es.Map(e => Error.New($"{where}: {e.Message}"))));

    static Validation<Error, double> Num(string field, string? text, double fallback) => Numbers.ParseOptional(field, text, fallback);

    static Validation<Error, Option<double>> Opt(string field, string? text, Func<string, double, Validation<Error, double>> check) =>
        text is null ? Success<Error, Option<double>>(None) : Numbers.ParseDouble(field, text).Bind(x => check(field, x)).Map(Some);

    static Validation<Error, Recording> ResolveRecording(string field, string? text, bool keepTrace)
    {
        if (text is null)
        {
            return Recording.Create(1, keepTrace);
        }

        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n)
            ? Recording.Create(n, keepTrace).MapFail(e => Error.New(e.Message.StartsWith("every ", StringComparison.Ordinal) ? field + e.Message[5..] : $"{field}: {e.Message}"))
            : Fail<Error, Recording>(Error.New($"{field} must be a whole number >= 1, got '{Excerpt.Of(text)}'"));
    }

    static Validation<Error, ImmutableArray<StepSpec>> ResolveSteps(FieldNames names, IReadOnlyList<string> steps)
    {
        var errors = Seq<Error>();
        var result = ImmutableArray.CreateBuilder<StepSpec>();
        for (int i = 0; i < steps.Count; i++)
        {
            ParseStep(names, i, steps[i]).Match(
                Succ: s => result.Add(s),
                Fail: es => errors = errors + es);
        }

        return errors.IsEmpty ? Success<Error, ImmutableArray<StepSpec>>(result.ToImmutable()) : Fail<Error, ImmutableArray<StepSpec>>(errors);
    }

    static Validation<Error, StepSpec> ParseStep(FieldNames names, int index, string text)
    {
        string[] parts = text.Split(',');
        if (parts.Length != 3)
        {
            return Fail<Error, StepSpec>(Error.New(
                $"{names.Step(index, "")} must be DELAY,DURATION,AMPLITUDE (ms, ms, current with optional nA or uA/cm2), got '{Excerpt.Of(text)}'"));
        }

        string delay = names.Step(index, "delay");
        string duration = names.Step(index, "duration");
        return (Numbers.ParseDouble(delay, parts[0].Trim()).Bind(x => Checks.NonNegative(delay, x)),
                Numbers.ParseDouble(duration, parts[1].Trim()).Bind(x => Checks.NonNegative(duration, x)),
                Amplitude.Parse(names.Step(index, "amplitude"), parts[2]))
            .Apply((d, w, a) => (d, w, a))
            .Bind(x => At(names.Step(index, ""), StepCurrent.Create(x.d, x.w, x.a.Value)).Map(_ => new StepSpec(x.d, x.w, x.a)));
    }
}

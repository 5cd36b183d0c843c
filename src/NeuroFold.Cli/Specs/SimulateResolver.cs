using System.Collections.Immutable;
using System.Globalization;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Cells;
using NeuroFold.Core.Models;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;
using NeuroFold.Core.Validation;
using static LanguageExt.Prelude;

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

    /// <summary>The schemes <c>--scheme</c> accepts.</summary>
    public static ImmutableArray<string> Schemes => SchemeRunner.Schemes;

    /// <summary>Validates and resolves, naming fields as <c>simulate</c> flags; the failure lists every offending field.</summary>
    public static Validation<Error, ResolvedSimulation> Resolve(SimulateOptions o) => Resolve(o, FieldNames.Flags);

    /// <summary>Validates and resolves, naming fields with <paramref name="names"/>; the failure lists every offending field.</summary>
    public static Validation<Error, ResolvedSimulation> Resolve(SimulateOptions o, FieldNames names)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(names);
        string N(string field) => names.Of(field);

        var cell =
            (ResolvePreset(N("preset"), o.Preset),
             Opt(N("a"), o.A, Checks.Finite), Opt(N("b"), o.B, Checks.Finite),
             Opt(N("c"), o.C, (n, x) => Checks.Below(n, x, Izhikevich.PeakMv, "the reset must lie below the spike peak")),
             Opt(N("d"), o.D, Checks.Finite), Opt(N("v0"), o.V0, Checks.Finite), Opt(N("u0"), o.U0, Checks.Finite))
            .Apply((p, a, b, c, d, v0, u0) => (p, a, b, c, d, v0, u0))
            .Bind(x => At($"{N("a")}/{N("b")}/{N("c")}/{N("d")}", IzhikevichParameters.Create(
                    x.a.IfNone(x.p.Parameters.A), x.b.IfNone(x.p.Parameters.B), x.c.IfNone(x.p.Parameters.C), x.d.IfNone(x.p.Parameters.D)))
                .Bind(p =>
                {
                    double v0 = x.v0.IfNone(SchemeRunner.DefaultV0(x.p.Name, DefaultV0Mv));
                    return At($"{N("v0")}/{N("u0")}", IzhikevichState.Create(v0, x.u0.IfNone(() => SchemeRunner.DefaultU0(x.p.Name, p, v0))))
                        .Map(s0 => (Preset: x.p.Name, Parameters: p, Initial: s0));
                }));

        var grid =
            (Num(N("dt"), o.Dt, DefaultDtMs).Bind(x => Checks.Positive(N("dt"), x)),
             Num(N("tMax"), o.TMax, DefaultTMaxMs).Bind(x => Checks.NonNegative(N("tMax"), x)))
            .Apply((dt, t) => (dt, t))
            .Bind(x => At($"{N("dt")}/{N("tMax")}", TimeGrid.Create(x.dt, x.t)));

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

        var where = (ResolveScheme(N("scheme"), o.Scheme), ResolveOut(N("out"), o.Out)).Apply((sc, od) => (Scheme: sc, Out: od));

        var output =
            (o.Record is null ? Success<Error, TraceColumns>(TraceColumns.Both) : TraceColumns.Parse(N("record"), o.Record),
             ResolveEvery(N("recordEvery"), o.RecordEvery))
            .Apply((cols, every) => (Columns: cols, Recording: new Recording(every, o.Trace ?? true), Plot: o.Plot ?? true));

        return (cell, grid, compartment, input, where, output)
            .Apply((x, g, c, i, w, r) => new ResolvedSimulation(x.Preset, x.Parameters, g, x.Initial, i.Steps, i.Constant, c, w.Scheme, w.Out)
            {
                Recording = r.Recording,
                Columns = r.Columns,
                Plot = r.Plot,
            })
            .Bind(SchemeRunner.Check);
    }

    /// <summary>Prefixes every message of a failed <paramref name="v"/> with <paramref name="where"/> (for checks that span fields).</summary>
    static Validation<Error, T> At<T>(string where, Validation<Error, T> v) =>
        v.Match(
            Succ: x => Success<Error, T>(x),
            Fail: es => Fail<Error, T>(es.Map(e => Error.New($"{where}: {e.Message}"))));

    static Validation<Error, double> Num(string field, string? text, double fallback) => Numbers.ParseOptional(field, text, fallback);

    static Validation<Error, Option<double>> Opt(string field, string? text, Func<string, double, Validation<Error, double>> check) =>
        text is null ? Success<Error, Option<double>>(None) : Numbers.ParseDouble(field, text).Bind(x => check(field, x)).Map(Some);

    static Validation<Error, int> ResolveEvery(string field, string? text)
    {
        if (text is null)
        {
            return Success<Error, int>(1);
        }

        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= 1
            ? Success<Error, int>(n)
            : Fail<Error, int>(Error.New($"{field} must be an integer >= 1, got '{text}'"));
    }

    static Validation<Error, (string Name, IzhikevichParameters Parameters)> ResolvePreset(string field, string? name)
    {
        string n = name ?? "rs";
        return SchemeRunner.FindPreset(n).Match(
            Some: p => Success<Error, (string, IzhikevichParameters)>((n.ToLowerInvariant(), p)),
            None: () => Fail<Error, (string, IzhikevichParameters)>(Error.New(
                $"{field} must be one of {string.Join(", ", SchemeRunner.PresetNames)}; got '{n}'")));
    }

    static Validation<Error, string> ResolveScheme(string field, string? name)
    {
        string n = (name ?? "jaxley").ToLowerInvariant();
        return Schemes.Contains(n)
            ? Success<Error, string>(n)
            : Fail<Error, string>(Error.New($"{field} must be one of {string.Join(", ", Schemes)}; got '{name}'"));
    }

    /// <summary>The output folder as given (or the default), once <see cref="Execution.OutputFolder.Check"/> finds it writable.</summary>
    static Validation<Error, string> ResolveOut(string field, string? dir) =>
        dir switch
        {
            "" => Fail<Error, string>(Error.New($"{field} must be a folder path, got an empty string")),
            _ => Execution.OutputFolder.Check(field, dir ?? DefaultOut).Map(_ => dir ?? DefaultOut),
        };

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
                $"{names.Step(index, "")} must be DELAY,DURATION,AMPLITUDE (ms, ms, current with optional nA or uA/cm2), got '{text}'"));
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

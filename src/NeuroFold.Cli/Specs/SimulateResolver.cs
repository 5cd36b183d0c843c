using System.Collections.Immutable;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Cells;
using NeuroFold.Core.Models;
using NeuroFold.Core.Stimuli;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Specs;

/// <summary>Turns raw <c>simulate</c> options into a <see cref="ResolvedSimulation"/>, reporting every problem at once.</summary>
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

    /// <summary>Validates and resolves; the failure lists every offending field.</summary>
    public static Validation<Error, ResolvedSimulation> Resolve(SimulateOptions o)
    {
        var cell =
            (ResolvePreset(o.Preset), Opt("a", o.A), Opt("b", o.B), Opt("c", o.C), Opt("d", o.D), Opt("v0", o.V0), Opt("u0", o.U0))
            .Apply((p, a, b, c, d, v0, u0) => (p, a, b, c, d, v0, u0))
            .Bind(x => IzhikevichParameters.Create(
                    x.a.IfNone(x.p.Parameters.A), x.b.IfNone(x.p.Parameters.B), x.c.IfNone(x.p.Parameters.C), x.d.IfNone(x.p.Parameters.D))
                .Bind(p =>
                {
                    double v0 = x.v0.IfNone(SchemeRunner.DefaultV0(x.p.Name, DefaultV0Mv));
                    return IzhikevichState.Create(v0, x.u0.IfNone(() => SchemeRunner.DefaultU0(x.p.Name, p, v0)))
                        .Map(s0 => (Preset: x.p.Name, Parameters: p, Initial: s0));
                }));

        var grid =
            (Numbers.ParseOptional("dt", o.Dt, DefaultDtMs), Numbers.ParseOptional("t-max", o.TMax, DefaultTMaxMs))
            .Apply((dt, t) => (dt, t))
            .Bind(x => TimeGrid.Create(x.dt, x.t));

        var compartment =
            (Numbers.ParseOptional("radius", o.Radius, Compartment.Default.RadiusUm),
             Numbers.ParseOptional("length", o.Length, Compartment.Default.LengthUm),
             Numbers.ParseOptional("capacitance", o.Capacitance, Compartment.Default.CapacitanceUfPerCm2))
            .Apply((r, l, c) => (r, l, c))
            .Bind(x => Compartment.Create(x.r, x.l, x.c));

        bool noInput = o.Steps.Count == 0 && o.Constant is null;
        var input =
            (ResolveSteps(noInput ? [DefaultStep] : o.Steps),
             o.Constant is null ? Success<Error, Option<Amplitude>>(None) : Amplitude.Parse("constant", o.Constant).Map(Some))
            .Apply((st, k) => (Steps: st, Constant: k));

        var where = (ResolveScheme(o.Scheme), ResolveOut(o.Out)).Apply((sc, od) => (Scheme: sc, Out: od));

        return (cell, grid, compartment, input, where)
            .Apply((x, g, c, i, w) => new ResolvedSimulation(x.Preset, x.Parameters, g, x.Initial, i.Steps, i.Constant, c, w.Scheme, w.Out))
            .Bind(SchemeRunner.Check);
    }

    static Validation<Error, Option<double>> Opt(string field, string? text) =>
        text is null ? Success<Error, Option<double>>(None) : Numbers.ParseDouble(field, text).Map(Some);

    static Validation<Error, (string Name, IzhikevichParameters Parameters)> ResolvePreset(string? name)
    {
        string n = name ?? "rs";
        return SchemeRunner.FindPreset(n).Match(
            Some: p => Success<Error, (string, IzhikevichParameters)>((n.ToLowerInvariant(), p)),
            None: () => Fail<Error, (string, IzhikevichParameters)>(Error.New(
                $"preset must be one of {string.Join(", ", SchemeRunner.PresetNames)}; got '{n}'")));
    }

    static Validation<Error, string> ResolveScheme(string? name)
    {
        string n = (name ?? "jaxley").ToLowerInvariant();
        return Schemes.Contains(n)
            ? Success<Error, string>(n)
            : Fail<Error, string>(Error.New($"scheme must be one of {string.Join(", ", Schemes)}; got '{name}'"));
    }

    static Validation<Error, string> ResolveOut(string? dir) =>
        dir switch
        {
            null => Success<Error, string>(DefaultOut),
            "" => Fail<Error, string>(Error.New("out must be a folder path, got an empty string")),
            _ when File.Exists(dir) => Fail<Error, string>(Error.New($"out must be a folder, but '{dir}' is a file")),
            _ => Success<Error, string>(dir),
        };

    static Validation<Error, ImmutableArray<StepSpec>> ResolveSteps(IReadOnlyList<string> steps)
    {
        var errors = Seq<Error>();
        var result = ImmutableArray.CreateBuilder<StepSpec>();
        for (int i = 0; i < steps.Count; i++)
        {
            ParseStep(steps[i]).Match(
                Succ: s => result.Add(s),
                Fail: es => errors = errors + es);
        }

        return errors.IsEmpty ? Success<Error, ImmutableArray<StepSpec>>(result.ToImmutable()) : Fail<Error, ImmutableArray<StepSpec>>(errors);
    }

    static Validation<Error, StepSpec> ParseStep(string text)
    {
        string[] parts = text.Split(',');
        if (parts.Length != 3)
        {
            return Fail<Error, StepSpec>(Error.New($"step must be DELAY,DURATION,AMPLITUDE (ms, ms, current with optional nA or uA/cm2), got '{text}'"));
        }

        return (Numbers.ParseDouble("step delay", parts[0].Trim()), Numbers.ParseDouble("step duration", parts[1].Trim()), Amplitude.Parse("step amplitude", parts[2]))
            .Apply((d, w, a) => (d, w, a))
            .Bind(x => StepCurrent.Create(x.d, x.w, x.a.Value).Map(_ => new StepSpec(x.d, x.w, x.a)));
    }
}

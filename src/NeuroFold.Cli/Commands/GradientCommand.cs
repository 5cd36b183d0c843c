using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Fitting;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Gradients;
using NeuroFold.Core.Losses;
using NeuroFold.IO;
using NeuroFold.IO.Recordings;
using static LanguageExt.Prelude;
using static NeuroFold.Cli.Commands.Vocabulary;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold gradient</c>: the loss of a model against recordings and its gradient, as one JSON object on stdout.</summary>
/// <remarks>
/// <c>{"loss": L, "gradient": {"a": ∂L/∂a, …}}</c> over the free quantities. The loss of several stimuli is their mean.
/// <c>forward</c>: dual numbers through the scheme's one step (exact derivatives of the discrete map, the spike step
/// differentiated by <c>--surrogate</c>); <c>central-difference</c>: <c>(L(θ + h) − L(θ − h))/2h</c>, <c>h = 10⁻⁶·(1 + |θ|)</c>,
/// from plain runs; <c>reverse</c>: the adjoint of the fold with checkpoints (<see cref="Core.Gradients.ReverseMode"/>). Writes no files.
/// </remarks>
internal static class GradientCommand
{
    public static ImmutableArray<string> Methods { get; } = ["forward", "central-difference", "reverse"];

    public static ImmutableArray<string> Surrogates { get; } = ["none", "jaxley", "superspike", "sigmoid"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = Data();
        var stimuli = Stimuli("the first stimulus of --data");
        var model = Model();
        var scheme = Text("--scheme", "NAME", "izhikevich2003: jaxley, euler or net2003 (default jaxley); izhikevich2007: euler");
        var preset = Text("--preset", "NAME", "the starting values: a 2003 preset (rs, ib, ch, fs, tc, rz, lts; default rs) or a 2007 one (rs-2007 …; default rs-2007)");
        var parameters = Text("--params", "P.json", "a JSON object of quantities by name over the preset's (a, b, c, d; C, k, vr, vt, vpeak for 2007; v0, u0, scale, offset)");
        var free = Text("--free", "a,b,…", "the quantities differentiated (default a,b,c,d; 2007 also C,k,vr,vt,vpeak)");
        var loss = Loss();
        var surrogate = Surrogate();
        var method = Text("--method", "NAME", "forward (dual numbers), reverse (the adjoint with checkpoints, O(sqrt T) memory) or central-difference (default forward)");
        var spikes = Spikes();
        var clip = Clip();
        var mask = Mask();
        var window = Window();
        var tau = Tau();
        var quiet = Quiet();
        var command = new Command(
            "gradient",
            "The loss of a model against recorded stimuli and its gradient with respect to the free quantities, as one JSON object {\"loss\": L, \"gradient\": {...}} on stdout. " +
            "Exit codes: 0 ok, 2 invalid input, 3 non-finite run.");
        foreach (var o in new Option[] { data, stimuli, model, scheme, preset, parameters, free, loss, surrogate, method, spikes, clip, mask, window, tau, quiet })
        {
            command.Options.Add(o);
        }

        command.SetAction(r => Execute(
            r.GetValue(data), r.GetValue(stimuli), r.GetValue(model), r.GetValue(scheme), r.GetValue(preset), r.GetValue(parameters), r.GetValue(free),
            r.GetValue(loss), r.GetValue(surrogate), r.GetValue(method), r.GetValue(spikes), r.GetValue(clip), r.GetValue(mask), r.GetValue(window), r.GetValue(tau), stdout, stderr));
        return command;
    }

    static Validation<Error, string> OneOf(string field, string? text, string fallback, ImmutableArray<string> allowed) =>
        text is null ? Success<Error, string>(fallback)
        : allowed.Contains(text.Trim()) ? Success<Error, string>(text.Trim())
        : Fail<Error, string>(Error.New($"{field} must be one of {string.Join(", ", allowed)}, got '{Excerpt.Of(text)}'"));

    static Validation<Error, (double A, double B)> Pair(string field, string? text, (double, double) fallback, bool ordered)
    {
        if (text is null)
        {
            return fallback;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            return Fail<Error, (double, double)>(Error.New($"{field} must be two numbers separated by a comma, got '{Excerpt.Of(text)}'"));
        }

        return (Numbers.ParseDouble(field, parts[0]), Numbers.ParseDouble(field, parts[1])).Apply((a, b) => (a, b)).Bind(x =>
            x.a >= 0 && x.b >= 0 && (!ordered || x.b > x.a)
                ? Success<Error, (double, double)>(x)
                : Fail<Error, (double, double)>(Error.New($"{field} must be two numbers >= 0{(ordered ? ", the second larger" : "")}, got '{Excerpt.Of(text)}'")));
    }

    /// <summary>The options of a loss, resolved (shared with the commands that minimise one).</summary>
    public static Validation<Error, Objective> ResolveObjective(string? loss, string? spikes, string? clip, string? mask, string? window, string? tau) =>
        (OneOf("--loss", loss, "voltage-mse", Objective.Names),
         OneOf("--spikes", spikes, "mask", ["mask", "clip"]),
         Fields.Finite("--clip", clip, -30.0),
         Pair("--mask", mask, (0.4, 4.0), ordered: false),
         Pair("--window", window, (0.0, double.PositiveInfinity), ordered: true),
         Fields.Positive("--tau", tau, 10.0))
        .Apply((l, s, c, m, w, t) => new Objective(l, s == "clip" ? SpikeHandling.Clip : SpikeHandling.Mask, c, m.A, m.B, w.A, w.B, t));

    static int Execute(
        string? dataPath, string? stimuliText, string? modelText, string? scheme, string? preset, string? parameters, string? freeText, string? loss, string? surrogateText,
        string? methodText, string? spikes, string? clip, string? mask, string? window, string? tau, TextWriter stdout, TextWriter stderr)
    {
        var model = ModelResolver.Model("--model", modelText);
        var point = model.Bind(m => ModelResolver.Point(m, scheme, preset, parameters, new FieldNamesSet("--scheme", "--preset", "--params")));
        var free = model.Bind(m => ModelResolver.Free("--free", freeText, m));
        var objective = ResolveObjective(loss, spikes, clip, mask, window, tau);
        var surrogate = OneOf("--surrogate", surrogateText, "none", Surrogates);
        var method = OneOf("--method", methodText, "forward", Methods);
        var stimuliList = stimuliText is null ? ImmutableArray<string>.Empty : [.. stimuliText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        var recordings = dataPath is null
            ? Fail<Error, ImmutableArray<RecordedStimulus>>(Error.New("--data is required: a QSNMC 2007 folder or a CSV file t_ms,current_pA,v_mV"))
            : NeuronRecordings.Read("--data", dataPath, stimuliList, "--stimuli").Map(all => stimuliText is null ? [all[0]] : all);
        var job = (point, free, objective, surrogate, method, recordings).Apply((p, f, o, s, m, d) => (Point: p, Free: f, Objective: o, Surrogate: s, Method: m, Data: d))
            .Bind(x => x.Method != "central-difference" && !x.Objective.Differentiable
                ? Fail<Error, (ModelPoint Point, ImmutableArray<string> Free, Objective Objective, string Surrogate, string Method, ImmutableArray<RecordedStimulus> Data)>(
                    Error.New($"--loss {x.Objective.Loss} has no forward- or reverse-mode gradient (it counts spikes, whose labels are steps of the exact map); use --loss voltage-mse or smooth-gamma, or --method central-difference"))
                : Success<Error, (ModelPoint Point, ImmutableArray<string> Free, Objective Objective, string Surrogate, string Method, ImmutableArray<RecordedStimulus> Data)>(x));
        return job.Match(
            Succ: x =>
            {
                var (value, gradient) = (x.Method, x.Surrogate) switch
                {
                    ("central-difference", _) => Gradients.CentralDifference(x.Point, x.Free, x.Objective, x.Data),
                    ("forward", "jaxley") => Gradients.Forward<JaxleySurrogate>(x.Point, x.Free, x.Objective, x.Data),
                    ("forward", "superspike") => Gradients.Forward<SuperSpikeSurrogate>(x.Point, x.Free, x.Objective, x.Data),
                    ("forward", "sigmoid") => Gradients.Forward<SigmoidSurrogate>(x.Point, x.Free, x.Objective, x.Data),
                    ("forward", _) => Gradients.Forward<NoSurrogate>(x.Point, x.Free, x.Objective, x.Data),
                    (_, "jaxley") => Gradients.Reverse<JaxleySurrogate>(x.Point, x.Free, x.Objective, x.Data),
                    (_, "superspike") => Gradients.Reverse<SuperSpikeSurrogate>(x.Point, x.Free, x.Objective, x.Data),
                    (_, "sigmoid") => Gradients.Reverse<SigmoidSurrogate>(x.Point, x.Free, x.Objective, x.Data),
                    _ => Gradients.Reverse<NoSurrogate>(x.Point, x.Free, x.Objective, x.Data),
                };
                if (!double.IsFinite(value))
                {
                    stderr.WriteLine("error: the run left the finite range at these values (its loss is not finite); no gradient");
                    return ExitCodes.NonFinite;
                }

                if (gradient.Any(g => !double.IsFinite(g)))
                {
                    stderr.WriteLine($"error: the gradient overflowed ({string.Join(", ", x.Free.Where((_, j) => !double.IsFinite(gradient[j])))}): derivatives through many spikes grow geometrically; use a shorter --window or stimulus, or --surrogate none");
                    return ExitCodes.NonFinite;
                }

                using var buffer = new MemoryStream();
                using (var w = new Utf8JsonWriter(buffer))
                {
                    w.WriteStartObject();
                    w.WriteNumber("loss", value);
                    w.WriteStartObject("gradient");
                    for (int j = 0; j < x.Free.Length; j++)
                    {
                        w.WriteNumber(x.Free[j], gradient[j]);
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                return ExitCodes.Ok;
            },
            Fail: errors => Problems.Report(stderr, errors));
    }
}

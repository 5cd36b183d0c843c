using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Execution;
using NeuroFold.Cli.Fitting;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Output.Transactions;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Models;
using NeuroFold.IO;
using NeuroFold.IO.Files;
using NeuroFold.IO.Recordings;
using static LanguageExt.Prelude;
using static NeuroFold.Cli.Commands.Vocabulary;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold predict</c>: a fitted model (<c>FIT/params.json</c>) driven by a current file; its spikes and trace on the file's clock.</summary>
/// <remarks>
/// The current file has n rows <c>t_ms,current_pA</c> at a constant step from any t₀; the model runs n − 1 steps (step k takes row k's current),
/// so trace row k is the state at <c>t₀ + k·dt</c> and a spike is labelled with the time of the state after its step, plus t₀.
/// </remarks>
internal static class PredictCommand
{
    public const string Name = "predict";

    public const string CurrentHeader = "t_ms,current_pA";

    public static ImmutableArray<string> Planned { get; } = ["spikes.csv", "trace.csv"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var fit = Text("--fit", "FIT", "a folder written by neurofold fit (its params.json is read), or a params.json itself");
        var current = Text("--current", "I.csv", $"the injected current: CSV '{CurrentHeader}', a constant step");
        var outDir = Out(Name);
        var quiet = Quiet();
        var command = new Command(
            Name,
            "Run a fitted model on a current; writes DIR/spikes.csv (neuron,t_ms on the current file's clock), DIR/trace.csv (t_ms,v_mV,u) and the manifest DIR/run.json. " +
            "Exit codes: 0 ok, 2 invalid input, 3 non-finite run.");
        foreach (var o in new Option[] { fit, current, outDir, quiet })
        {
            command.Options.Add(o);
        }

        command.SetAction(r => Execute(r.GetValue(fit), r.GetValue(current), r.GetValue(outDir), stdout, stderr, r.GetValue(quiet)));
        return command;
    }

    public static int Execute(string? fit, string? current, string? outDir, TextWriter stdout, TextWriter stderr, bool quiet)
    {
        var resolved = (Resolve(fit, current), Fields.Out("--out", outDir, "neurofold-out/predict")).Apply((s, d) => (Spec: s, Dir: d));
        return resolved.Match(
            Succ: x => Outputs.Into("--out", x.Dir, Planned, stderr, set => Produce(x.Spec, set).Match(
                Right: w =>
                {
                    if (!quiet)
                    {
                        stdout.WriteLine($"{w.Spikes} spikes in {x.Spec.Current.Samples - 1} steps of {Csv.Format(x.Spec.Current.DtMs)} ms");
                        w.Files.ReportManifest(stdout);
                    }

                    return ExitCodes.Ok;
                },
                Left: failure => failure.Report(stderr))),
            Fail: errors => Problems.Report(stderr, errors));
    }

    /// <summary>Reads the fitted point and the current; every problem at once.</summary>
    public static Validation<Error, PredictSpec> Resolve(string? fit, string? current)
    {
        var paramsPath = fit is null
            ? Fail<Error, string>(Error.New("--fit is required: a folder written by neurofold fit, or its params.json"))
            : Success<Error, string>(Path.GetFullPath(Directory.Exists(fit) ? Path.Combine(fit, "params.json") : fit));
        var point = paramsPath.Bind(ReadPoint);
        var input = current is null
            ? Fail<Error, (string, RecordedStimulus, double)>(Error.New($"--current is required: a CSV file '{CurrentHeader}'"))
            : ReadCurrent("--current", current);
        return (paramsPath, point, input).Apply((pp, p, i) => new PredictSpec(pp, p, i.Item1, i.Item2, i.Item3));
    }

    /// <summary>A fit's params.json: its model, scheme and rule, then every quantity through <see cref="ModelResolver.Point"/>.</summary>
    static Validation<Error, ModelPoint> ReadPoint(string path) =>
        InputFile.ReadAll("--fit", path, ModelResolver.MaxParamsBytes, "parameter file").Bind(bytes =>
        {
            try
            {
                using var doc = JsonDocument.Parse(bytes);
                string? Field(string name) => doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                string? model = Field("model");
                string? scheme = Field("scheme");
                string? ruleText = Field("rule");
                var rule = ruleText is null ? Success<Error, CellRule2007>(CellRule2007.None)
                    : Enum.TryParse<CellRule2007>(ruleText, out var r) && Enum.IsDefined(r) ? Success<Error, CellRule2007>(r)
                    : Fail<Error, CellRule2007>(Error.New($"--fit: {Excerpt.Of(path)}: rule must be one of {string.Join(", ", Enum.GetNames<CellRule2007>())}, got '{Excerpt.Of(ruleText)}'"));
                var point = model is null
                    ? Fail<Error, ModelPoint>(Error.New($"--fit: {Excerpt.Of(path)} must name its \"model\" ({string.Join(", ", ModelResolver.Models)})"))
                    : ModelResolver.Model("--fit: model", model).Bind(m => ModelResolver.Point(m, scheme, null, path, new FieldNamesSet("--fit: scheme", "--fit: preset", "--fit")));
                return (point, rule).Apply((p, ru) => p with { Rule = ru });
            }
            catch (JsonException e)
            {
                return Fail<Error, ModelPoint>(Error.New($"--fit: {Excerpt.Of(path)} is not valid JSON ({e.Message})"));
            }
        });

    /// <summary>A current file: <c>t_ms,current_pA</c>, at least two rows, a constant step from any t₀; the full path, the current as a stimulus with no recording, and t₀.</summary>
    public static Validation<Error, (string, RecordedStimulus, double)> ReadCurrent(string field, string path) =>
        InputFile.ReadAll(field, path, NeuronRecordings.MaxFileBytes, "current file").Bind(bytes =>
        {
            var lines = System.Text.Encoding.UTF8.GetString(bytes).Split('\n');
            if (lines[0].Trim() != CurrentHeader)
            {
                return Fail<Error, (string, RecordedStimulus, double)>(Error.New($"{field}: {Excerpt.Of(path)} must start with the header '{CurrentHeader}'"));
            }

            var t = new List<double>();
            var current = new List<double>();
            var errors = new List<Error>();
            for (int l = 1; l < lines.Length && errors.Count < 10; l++)
            {
                string row = lines[l].Trim();
                if (row.Length == 0)
                {
                    continue;
                }

                var cells = row.Split(',');
                if (cells.Length != 2 || !Number(cells[0], out double tm) || !Number(cells[1], out double i))
                {
                    errors.Add(Error.New($"{field}: {Excerpt.Of(path)} line {l + 1}: expected two finite numbers t_ms,current_pA, got '{Excerpt.Of(row)}'"));
                    continue;
                }

                t.Add(tm);
                current.Add(i);
            }

            if (errors.Count > 0)
            {
                return Fail<Error, (string, RecordedStimulus, double)>(errors.ToSeq());
            }

            if (t.Count < 2 || !(t[1] > t[0]))
            {
                return Fail<Error, (string, RecordedStimulus, double)>(Error.New($"{field}: {Excerpt.Of(path)} needs at least two rows, times increasing"));
            }

            double dt = t[1] - t[0];
            for (int k = 2; k < t.Count; k++)
            {
                if (Math.Abs(t[k] - t[0] - (k * dt)) > 1e-6 * dt * k)
                {
                    return Fail<Error, (string, RecordedStimulus, double)>(Error.New($"{field}: {Excerpt.Of(path)} line {k + 2}: t_ms must be t0 + k·{Csv.Format(dt)} (a constant step), got {Csv.Format(t[k])}"));
                }
            }

            var stimulus = new RecordedStimulus(Path.GetFileNameWithoutExtension(path), dt, [.. current], [], []);
            return Success<Error, (string, RecordedStimulus, double)>((Path.GetFullPath(path), stimulus, t[0]));
        });

    static bool Number(string text, out double x) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out x) && double.IsFinite(x);

    /// <summary>Runs the model and writes spikes.csv, trace.csv and the manifest.</summary>
    public static Either<RunFailure, (int Spikes, ArtifactWriter.Written Files)> Produce(PredictSpec spec, OutputSet set)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var run = spec.Point.Plain(spec.Current);
        if (run.Status is Core.Simulation.RunStatus.NonFinite nf)
        {
            return RunFailure.NonFinite(nf, $"on {spec.CurrentPath}");
        }

        double t0 = spec.StartMs;
        var files = new List<Artifact>
        {
            Artifact.Text("spikes.csv", w =>
            {
                w.WriteLine(Csv.SpikesHeader);
                foreach (double t in run.Spikes.TimesMs)
                {
                    w.Write($"0,{Csv.Format(t0 + t)}\n");
                }
            }),
            Artifact.Text("trace.csv", w =>
            {
                w.WriteLine("t_ms,v_mV,u");
                var v = run.Trace.VMv;
                var u = run.Trace.U;
                for (int k = 0; k < v.Length; k++)
                {
                    w.Write($"{Csv.Format(t0 + (k * spec.Current.DtMs))},{Csv.Format(v[k])},{Csv.Format(u[k])}\n");
                }
            }),
        };
        return (run.Spikes.Count, ArtifactWriter.Write(set, Name, w =>
        {
            w.WriteStartObject();
            w.WriteString("fit", spec.ParamsPath);
            w.WriteString("current", spec.CurrentPath);
            w.WriteEndObject();
        }, files));
    }

    /// <summary>Reads a predict spec back (for replay).</summary>
    public static Validation<Error, PredictSpec> ReadSpec(JsonElement spec)
    {
        string? Text(string name) => spec.ValueKind == JsonValueKind.Object && spec.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        return Resolve(Text("fit"), Text("current")).MapFail(e => Error.New($"$.spec: {e.Message}"));
    }
}

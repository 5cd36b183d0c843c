using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Execution;
using NeuroFold.Cli.Fitting;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Output.Transactions;
using NeuroFold.Cli.Plots;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Gradients;
using NeuroFold.Core.Losses;
using NeuroFold.Core.Models;
using NeuroFold.IO;
using NeuroFold.IO.Recordings;
using static LanguageExt.Prelude;
using static NeuroFold.Cli.Commands.Vocabulary;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold fit</c>: Adam from several starts on the voltage loss of training stimuli; the best start's parameters, its loss curve, its validation Γ_A, pictures and a manifest.</summary>
/// <remarks>
/// Gradients by forward mode (<see cref="Fitting.Gradients.Forward{TSurrogate}"/>), bounds by the sigmoid transform
/// (<see cref="FitBounds"/>), starts by <see cref="MultiStart"/>. The validation stimuli are every stimulus of the data not
/// trained on; they are scored once, at the end, with Γ_A against their repetitions.
/// </remarks>
internal static class FitCommand
{
    /// <summary>The command's name, in manifests.</summary>
    public const string Name = "fit";

    /// <summary>The training stimuli when <c>--stimuli</c> is not given and the data hold them (the QSNMC 2007 split; validation: 08, 09).</summary>
    public static ImmutableArray<string> DefaultTrain { get; } = ["00", "05", "06", "12"];

    /// <summary>Starts of a gradient method (Adam, L-BFGS).</summary>
    public const int DefaultStarts = 8;

    /// <summary>Starts of CMA-ES.</summary>
    public const int DefaultStartsCmaes = 48;

    /// <summary>CMA-ES generations per start.</summary>
    public const int DefaultGenerations = 300;

    /// <summary>CMA-ES's initial step size in the sigmoid-transformed coordinates.</summary>
    public const double DefaultSigma = 1.0;

    /// <summary>The optimizers of <c>--optimizer</c>.</summary>
    public static ImmutableArray<string> Optimizers { get; } = ["adam", "lbfgs", "cmaes"];

    public const int DefaultIterations = 200;

    public const double DefaultLearningRate = 0.05;

    /// <summary>Every file a fit writes (besides run.json).</summary>
    public static ImmutableArray<string> Planned { get; } = ["params.json", "loss.csv", "summary.json", "fit.png", "loss.png"];

    public static Command Create(TextWriter stdout, TextWriter stderr, Func<string, string?>? environment = null)
    {
        var data = Data();
        var stimuli = Stimuli($"{string.Join(",", DefaultTrain)} when the data hold them, else every stimulus; the others are the validation set");
        var model = Model();
        var scheme = Text("--scheme", "NAME", "izhikevich2003: jaxley, euler or net2003 (default jaxley); izhikevich2007: euler");
        var preset = Text("--preset", "NAME", "the starting point (start 0): a 2003 preset (default rs) or a 2007 one (default rs-2007)");
        var parameters = Text("--params", "P.json", "values over the preset's for the starting point (the format of gradient --params and of FIT/params.json)");
        var free = Text("--free", "a,b,…", "the fitted quantities (default 2003: a,b,c,d,scale,offset; 2007: a,b,c,d,C,k,vr,vt,vpeak,offset)");
        var loss = Loss();
        var surrogate = Surrogate();
        var optimizer = Text("--optimizer", "NAME", "cmaes (gradient-free, any loss; the default), adam or lbfgs (forward-mode gradients, voltage-mse)");
        var starts = Text("--starts", "N", $"number of starts: start 0 is the starting point, the others are drawn uniformly in the bounds (default cmaes {DefaultStartsCmaes}, adam/lbfgs {DefaultStarts})");
        var seed = Seed();
        var threads = Threads();
        var iterations = Text("--iterations", "K", $"per start: CMA-ES generations (default {DefaultGenerations}), Adam steps or L-BFGS evaluations (default {DefaultIterations})");
        var rate = Text("--learning-rate", "X", $"Adam's step on the sigmoid-transformed quantities (default {Numbers.Format(DefaultLearningRate)})");
        var sigma = Text("--sigma", "X", $"CMA-ES's initial step size on the sigmoid-transformed quantities (default {Numbers.Format(DefaultSigma)})");
        var population = Text("--population", "N", "CMA-ES's candidates per generation (default 4 + ⌊3·ln(free quantities)⌋)");
        var window = Window();
        var spikes = Spikes();
        var clip = Clip();
        var mask = Mask();
        var tau = Tau();
        var shard = Text("--shard", "I/N", "run only part I of N contiguous parts of the starts (0-based), into its own folder (FIT/starts.json and run.json), for neurofold merge (default: every start)");
        var outDir = Out(Name);
        var quiet = Quiet();
        var command = new Command(
            Name,
            "Fit a model to recorded stimuli from several starts: CMA-ES on the spike-timing loss gamma-rate (the default), or Adam/L-BFGS on the voltage loss with forward-mode gradients; " +
            "writes FIT/params.json, FIT/loss.csv (start,iteration,loss,validation_gamma_a), FIT/summary.json (training loss, validation Γ_A, simulations), FIT/fit.png (data vs model), FIT/loss.png and the manifest FIT/run.json; " +
            "while it runs, a live line on stderr (iteration, best loss and its validation Γ_A, simulations, time left): a progress bar on a terminal, a log line every 10 s when stderr is redirected; none with --quiet. " +
            "Exit codes: 0 ok, 2 invalid input, 3 no start gave a finite loss.");
        foreach (var o in new Option[] { data, stimuli, model, scheme, preset, parameters, free, loss, surrogate, optimizer, starts, seed, threads, iterations, rate, sigma, population, window, spikes, clip, mask, tau, shard, outDir, quiet })
        {
            command.Options.Add(o);
        }

        command.SetAction(r => Execute(
            new FitOptions(r.GetValue(data), r.GetValue(stimuli), r.GetValue(model), r.GetValue(scheme), r.GetValue(preset), r.GetValue(parameters), r.GetValue(free),
                r.GetValue(loss), r.GetValue(surrogate), r.GetValue(optimizer), r.GetValue(starts), r.GetValue(seed), r.GetValue(iterations), r.GetValue(rate), r.GetValue(window),
                r.GetValue(sigma), r.GetValue(population), r.GetValue(spikes), r.GetValue(clip), r.GetValue(mask), r.GetValue(tau)),
            r.GetValue(threads), r.GetValue(shard), r.GetValue(outDir), stdout, stderr, r.GetValue(quiet), environment ?? Environment.GetEnvironmentVariable));
        return command;
    }

    /// <summary>Validates (every problem at once), fits and writes; returns the exit code.</summary>
    /// <remarks>Without <c>--shard</c>, a Slurm array task's <c>SLURM_ARRAY_TASK_ID</c>/<c>SLURM_ARRAY_TASK_COUNT</c> name the part, as for <c>sweep</c>.</remarks>
    public static int Execute(FitOptions o, string? threadsText, string? shardText, string? outDir, TextWriter stdout, TextWriter stderr, bool quiet, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(o);

        // --shard wins; else a Slurm array task's variables name the part (and the messages name them).
        var fromEnvironment = shardText is null && environment is not null
            ? Sweeps.SweepShard.FromEnvironment(environment)
            : Success<Error, LanguageExt.Option<string>>(None);
        string? environmentShard = null;
        fromEnvironment.IfSuccess(text => text.IfSome(t => environmentShard = t));
        string shardField = environmentShard is null ? "--shard" : Sweeps.SweepShard.EnvironmentField;
        string? partText = shardText ?? environmentShard;
        var shard = fromEnvironment.Bind(_ => partText is null
            ? Success<Error, LanguageExt.Option<Sweeps.SweepShard>>(None)
            : Sweeps.SweepShard.Parse(shardField, partText).Map(Some));
        if (environmentShard is not null && !quiet)
        {
            stderr.WriteLine($"note: shard {environmentShard} from {Sweeps.SweepShard.TaskIdVariable}/{Sweeps.SweepShard.TaskCountVariable} (the Slurm array task); --shard overrides it");
        }

        var resolved = (Resolve(o, null), Fields.Threads("--threads", threadsText), Fields.Out("--out", outDir, "neurofold-out/fit"), shard)
            .Apply((s, t, d, sh) => (Spec: s, Threads: t, Dir: d, Shard: Nullable(sh)))
            .Bind(x => x.Shard is { } p && p.Count > x.Spec.Starts
                ? Fail<Error, (FitSpec Spec, int Threads, string Dir, Sweeps.SweepShard? Shard)>(Error.New($"{shardField}: N = {p.Count} parts, but there are only {x.Spec.Starts} starts; N must be at most --starts"))
                : Success<Error, (FitSpec Spec, int Threads, string Dir, Sweeps.SweepShard? Shard)>(x));
        return resolved.Match(
            Succ: x => Outputs.Into("--out", x.Dir, x.Shard is null ? Planned : PartPlanned, stderr, set =>
            {
                var clock = Stopwatch.StartNew();
                int count = x.Shard is { } p ? p.Size(x.Spec.Starts) : x.Spec.Starts;
                int evaluations = count * x.Spec.Iterations;
                long steps = (long)evaluations * x.Spec.Train.Sum(s => (long)s.Samples);
                bool show = ProgressView.ShouldShow(stderr, quiet, (int)Math.Min(int.MaxValue, steps), 0);
                var log = !quiet && ReferenceEquals(stderr, Console.Error) && Console.IsErrorRedirected ? stderr : null;
                if (x.Shard is { } part)
                {
                    var written = ProgressView.Run(show, stderr, evaluations, 2, view => ProducePart(x.Spec, part, x.Threads, set, view, log));
                    if (!quiet)
                    {
                        stdout.WriteLine($"shard {part}: starts {part.First(x.Spec.Starts)}..{part.First(x.Spec.Starts) + count - 1} of {x.Spec.Starts} ({clock.Elapsed.TotalSeconds:F1} s)");
                        stdout.WriteLine($"wrote {written.ManifestPath} (a part: put the parts together with neurofold merge DIR... --out FIT)");
                    }

                    return ExitCodes.Ok;
                }

                return ProgressView.Run(show, stderr, evaluations, Planned.Length + 1, view => Produce(x.Spec, x.Threads, set, view, log)).Match(
                    Right: w => Report(w.Summary, w.Files, clock.Elapsed, stdout, quiet),
                    Left: failure => failure.Report(stderr));
            }),
            Fail: errors => Problems.Report(stderr, errors));
    }

    /// <summary>What a part of a sharded fit writes (besides run.json).</summary>
    public static ImmutableArray<string> PartPlanned { get; } = [StartsFile];

    /// <summary>A part's record of its starts.</summary>
    public const string StartsFile = "starts.json";

    /// <summary>Resolves the options; <paramref name="startValues"/> (from a manifest) replace the starting point's values.</summary>
    public static Validation<Error, FitSpec> Resolve(FitOptions o, ImmutableArray<(string Name, double Value)>? startValues, CellRule2007? rule = null)
    {
        ArgumentNullException.ThrowIfNull(o);
        var modelName = ModelResolver.Model("--model", o.Model);
        var point = modelName.Bind(m => ModelResolver.Point(m, o.Scheme, o.Preset, o.Params, new FieldNamesSet("--scheme", "--preset", "--params"))).Map(p =>
        {
            if (startValues is { } values)
            {
                foreach (var (n, v) in values)
                {
                    p = p.With(p.IndexOf(n), v);
                }
            }

            return rule is { } r ? p with { Rule = r } : p;
        }).Bind(InBounds);
        var free = modelName.Bind(m => ModelResolver.Free("--free", o.Free, m));
        var optimizer = o.Optimizer is null ? Success<Error, string>("cmaes")
            : Optimizers.Contains(o.Optimizer.Trim()) ? Success<Error, string>(o.Optimizer.Trim())
            : Fail<Error, string>(Error.New($"--optimizer must be one of {string.Join(", ", Optimizers)}, got '{Excerpt.Of(o.Optimizer)}'"));
        var objective = optimizer.Bind(opt =>
        {
            // the gradient rule is checked on the loss's name, so it is reported with the loss's other fields' problems
            string? lossName = o.Loss?.Trim() ?? (opt == "cmaes" ? "gamma-rate" : null);
            var needsGradient = opt == "cmaes" || lossName is null || !Objective.Names.Contains(lossName) || Objective.IsDifferentiable(lossName)
                ? Success<Error, Unit>(unit)
                : Fail<Error, Unit>(Error.New($"--loss {lossName}: --optimizer {opt} needs a gradient, which only voltage-mse and smooth-gamma have (cmaes needs none)"));
            return (GradientCommand.ResolveObjective(lossName, o.Spikes, o.Clip, o.Mask, o.Window, o.Tau), needsGradient).Apply((x, _) => x);
        });
        var surrogate = o.Surrogate is null ? Success<Error, string>("none")
            : GradientCommand.Surrogates.Contains(o.Surrogate.Trim()) ? Success<Error, string>(o.Surrogate.Trim())
            : Fail<Error, string>(Error.New($"--surrogate must be one of {string.Join(", ", GradientCommand.Surrogates)}, got '{Excerpt.Of(o.Surrogate)}'"));
        bool cmaes = o.Optimizer is null || o.Optimizer.Trim() == "cmaes";
        var starts = Fields.WholeNumber("--starts", o.Starts, cmaes ? DefaultStartsCmaes : DefaultStarts, 1, 10_000);
        var seed = Fields.Seed("--seed", o.Seed);
        var iterations = Fields.WholeNumber("--iterations", o.Iterations, cmaes ? DefaultGenerations : DefaultIterations, 1, 1_000_000);
        var rate = Fields.Positive("--learning-rate", o.LearningRate, DefaultLearningRate);
        var sigma = Fields.Positive("--sigma", o.Sigma, DefaultSigma);
        var population = o.Population is null ? Success<Error, int>(0) : Fields.WholeNumber("--population", o.Population, 0, 2, 10_000);
        var split = o.Data is null
            ? Fail<Error, (string, ImmutableArray<RecordedStimulus>, ImmutableArray<RecordedStimulus>)>(Error.New("--data is required: a QSNMC 2007 folder or a CSV file t_ms,current_pA,v_mV"))
            : Split(o.Data, o.Stimuli);
        return (point, free, objective, surrogate, optimizer, starts, seed, iterations, rate, split, sigma, population)
            .Apply((p, f, ob, su, op, st, se, it, lr, d, sg, pop) => new FitSpec(d.Item1, d.Item2, d.Item3, p, f, ob, su, st, se, it, lr, op, sg, pop));
    }

    static Validation<Error, ModelPoint> InBounds(ModelPoint p)
    {
        var errors = new List<Error>();
        for (int i = 0; i < p.Names.Length; i++)
        {
            var box = FitBounds.Of(p.Model, p.Names[i]);
            if (!(p.Values[i] >= box.Lower && p.Values[i] <= box.Upper))
            {
                errors.Add(Error.New($"--params/--preset: the starting {p.Names[i]} = {Numbers.Format(p.Values[i])} lies outside fit's bounds [{Numbers.Format(box.Lower)}, {Numbers.Format(box.Upper)}]"));
            }
        }

        return errors.Count == 0 ? Success<Error, ModelPoint>(p) : Fail<Error, ModelPoint>(errors.ToSeq());
    }

    static Validation<Error, (string, ImmutableArray<RecordedStimulus>, ImmutableArray<RecordedStimulus>)> Split(string path, string? stimuliText)
    {
        var all = NeuronRecordings.Read("--data", path, [], "--stimuli");
        return all.Bind(stimuli =>
        {
            var ids = stimuli.Select(s => s.Id).ToImmutableArray();
            ImmutableArray<string> train;
            if (stimuliText is null)
            {
                train = DefaultTrain.All(ids.Contains) && ids.Length > DefaultTrain.Length ? DefaultTrain : ids;
            }
            else
            {
                train = [.. stimuliText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
                var errors = train.Where(t => !ids.Contains(t)).Select(t => Error.New($"--stimuli: '{Excerpt.Of(t)}' is not a stimulus of --data (it has {string.Join(", ", ids)})")).ToList();
                if (train.IsEmpty)
                {
                    errors.Add(Error.New("--stimuli must name at least one stimulus"));
                }

                if (errors.Count > 0)
                {
                    return Fail<Error, (string, ImmutableArray<RecordedStimulus>, ImmutableArray<RecordedStimulus>)>(errors.ToSeq());
                }
            }

            return Success<Error, (string, ImmutableArray<RecordedStimulus>, ImmutableArray<RecordedStimulus>)>((
                Path.GetFullPath(path),
                stimuli.Where(s => train.Contains(s.Id)).ToImmutableArray(),
                stimuli.Where(s => !train.Contains(s.Id)).ToImmutableArray()));
        });
    }

    /// <summary>Fits and writes every file into <paramref name="set"/>, committing it.</summary>
    public static Either<RunFailure, (FitSummary Summary, ArtifactWriter.Written Files)> Produce(FitSpec spec, int threads, OutputSet set, ProgressView? view = null, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var monitor = new FitMonitor(view, log, (long)spec.Starts * spec.Iterations);
        return Write(spec, RunStarts(spec, 0, spec.Starts, threads, monitor), set, view);
    }

    static ImmutableArray<StartResult> RunStarts(FitSpec spec, int first, int count, int threads, FitMonitor? monitor)
    {
        if (spec.Optimizer == "cmaes")
        {
            return MultiStart.RunCmaes(spec.Start, spec.Free, spec.Objective, spec.Train, spec.Validation, first, count, spec.Seed, spec.Iterations, spec.Sigma, spec.Population, threads, monitor);
        }

        return spec.Surrogate switch
        {
            "jaxley" => MultiStart.Run<JaxleySurrogate>(spec.Start, spec.Free, spec.Objective, spec.Train, spec.Validation, first, count, spec.Seed, spec.Iterations, spec.LearningRate, threads, spec.Optimizer, monitor),
            "superspike" => MultiStart.Run<SuperSpikeSurrogate>(spec.Start, spec.Free, spec.Objective, spec.Train, spec.Validation, first, count, spec.Seed, spec.Iterations, spec.LearningRate, threads, spec.Optimizer, monitor),
            "sigmoid" => MultiStart.Run<SigmoidSurrogate>(spec.Start, spec.Free, spec.Objective, spec.Train, spec.Validation, first, count, spec.Seed, spec.Iterations, spec.LearningRate, threads, spec.Optimizer, monitor),
            _ => MultiStart.Run<NoSurrogate>(spec.Start, spec.Free, spec.Objective, spec.Train, spec.Validation, first, count, spec.Seed, spec.Iterations, spec.LearningRate, threads, spec.Optimizer, monitor),
        };
    }

    /// <summary>Runs part <paramref name="shard"/> of the starts and writes their results (starts.json) and a manifest whose spec names the shard.</summary>
    public static ArtifactWriter.Written ProducePart(FitSpec spec, Sweeps.SweepShard shard, int threads, OutputSet set, ProgressView? view = null, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var monitor = new FitMonitor(view, log, (long)shard.Size(spec.Starts) * spec.Iterations);
        var results = RunStarts(spec, shard.First(spec.Starts), shard.Size(spec.Starts), threads, monitor);
        var files = new List<Artifact> { Artifact.Json(StartsFile, w => FitParts.WriteStarts(w, spec, results)) };
        return ArtifactWriter.Write(set, Name, w => WriteSpec(w, spec, shard), files, view);
    }

    /// <summary>Scores the best of <paramref name="results"/> (every start, in start order) and writes every file of the fit, committing the set.</summary>
    public static Either<RunFailure, (FitSummary Summary, ArtifactWriter.Written Files)> Write(FitSpec spec, ImmutableArray<StartResult> results, OutputSet set, ProgressView? view = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var best = MultiStart.Best(results);
        if (best is null)
        {
            return new RunFailure($"no start of {spec.Starts} gave a finite training loss; nothing was written", ExitCodes.NonFinite);
        }

        var scored = spec.Train.Concat(spec.Validation).Select(s => Score(best.Best, s, spec.Validation.Contains(s))).ToImmutableArray();
        int simulations = results.Sum(r => r.Simulations) + scored.Length;
        var summary = new FitSummary(best, results, scored, simulations);
        var files = new List<Artifact>
        {
            Artifact.Json("params.json", w => WriteParams(w, best.Best)),
            Artifact.Text("loss.csv", w =>
            {
                w.WriteLine("start,iteration,loss,validation_gamma_a");
                foreach (var r in results)
                {
                    for (int i = 0; i < r.Curve.Length; i++)
                    {
                        string validation = i < r.Validation.Length && !double.IsNaN(r.Validation[i]) ? Csv.Format(r.Validation[i]) : "";
                        w.Write($"{r.Index},{i + 1},{Csv.Format(r.Curve[i])},{validation}\n");
                    }
                }
            }),
            Artifact.Json("summary.json", w => WriteSummary(w, spec, summary)),
            new Artifact("fit.png", PlotFiles.Png(FitPlot.Traces(best.Best, scored), FitPlot.Width, FitPlot.Height(scored.Length))),
            new Artifact("loss.png", PlotFiles.Png(FitPlot.Losses(results, best.Index, spec.Optimizer, spec.Objective.Loss), FitPlot.Width, 500)),
        };
        return (summary, ArtifactWriter.Write(set, Name, w => WriteSpec(w, spec), files, view));
    }

    static StimulusScore Score(ModelPoint point, RecordedStimulus s, bool validation)
    {
        var run = point.Plain(s);
        double gammaA = Objective.GammaA(run, s);
        double dataSpikes = s.SpikeSamples.Average(r => (double)r.Length);
        return new StimulusScore(s, validation, run, gammaA, run.Spikes.Count, dataSpikes);
    }

    /// <summary>The fitted point as <c>gradient --params</c> and <c>predict</c> read it: model, scheme, rule and every quantity.</summary>
    public static void WriteParams(Utf8JsonWriter w, ModelPoint p)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(p);
        w.WriteStartObject();
        w.WriteString("model", p.Model);
        w.WriteString("scheme", p.Scheme);
        w.WriteString("rule", p.Rule.ToString());
        for (int i = 0; i < p.Names.Length; i++)
        {
            w.WriteNumber(p.Names[i], p.Values[i]);
        }

        w.WriteEndObject();
    }

    static void WriteSummary(Utf8JsonWriter w, FitSpec spec, FitSummary s)
    {
        w.WriteStartObject();
        w.WriteNumber("bestStart", s.Best.Index);
        w.WriteNumber("trainingLoss", s.Best.BestLoss);
        w.WriteNumber("simulations", s.Simulations);
        var validation = s.Scores.Where(x => x.Validation).ToList();
        if (validation.Count > 0)
        {
            w.WriteNumber("validationGammaA", validation.Average(x => x.GammaA));
        }
        else
        {
            w.WriteNull("validationGammaA");
        }

        w.WriteStartArray("stimuli");
        foreach (var x in s.Scores)
        {
            w.WriteStartObject();
            w.WriteString("id", x.Stimulus.Id);
            w.WriteString("set", x.Validation ? "validation" : "training");
            w.WriteNumber("gammaA", x.GammaA);
            w.WriteNumber("modelSpikes", x.ModelSpikes);
            w.WriteNumber("dataSpikes", x.DataSpikes);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("starts");
        foreach (var r in s.Results)
        {
            w.WriteStartObject();
            w.WriteNumber("start", r.Index);
            if (double.IsFinite(r.BestLoss))
            {
                w.WriteNumber("bestLoss", r.BestLoss);
            }
            else
            {
                w.WriteNull("bestLoss");
            }

            w.WriteNumber("iterations", r.Curve.Length);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("optimizer", spec.Optimizer);
        if (spec.Optimizer == "cmaes")
        {
            w.WriteNumber("sigma", spec.Sigma);
        }
        else
        {
            w.WriteNumber("learningRate", spec.LearningRate);
        }

        w.WriteEndObject();
    }

    /// <summary>The resolved spec: what replay re-runs (the thread count is not part of it: it changes no byte).</summary>
    public static void WriteSpec(Utf8JsonWriter w, FitSpec spec, Sweeps.SweepShard? shard = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        w.WriteStartObject();
        w.WriteString("data", spec.DataPath);
        w.WriteString("stimuli", string.Join(",", spec.Train.Select(s => s.Id)));
        w.WriteString("model", spec.Start.Model);
        w.WriteString("scheme", spec.Start.Scheme);
        w.WriteString("rule", spec.Start.Rule.ToString());
        w.WriteStartObject("start");
        for (int i = 0; i < spec.Start.Names.Length; i++)
        {
            w.WriteNumber(spec.Start.Names[i], spec.Start.Values[i]);
        }

        w.WriteEndObject();
        w.WriteString("free", string.Join(",", spec.Free));
        w.WriteString("loss", spec.Objective.Loss);
        w.WriteString("window", double.IsPositiveInfinity(spec.Objective.WindowToMs) ? null : $"{Numbers.Format(spec.Objective.WindowFromMs)},{Numbers.Format(spec.Objective.WindowToMs)}");
        w.WriteString("spikes", spec.Objective.Spikes == SpikeHandling.Clip ? "clip" : "mask");
        w.WriteNumber("clip", spec.Objective.ClipMv);
        w.WriteString("mask", $"{Numbers.Format(spec.Objective.MaskBeforeMs)},{Numbers.Format(spec.Objective.MaskAfterMs)}");
        w.WriteNumber("tau", spec.Objective.TauMs);
        w.WriteString("surrogate", spec.Surrogate);
        w.WriteString("optimizer", spec.Optimizer);
        w.WriteNumber("starts", spec.Starts);
        w.WriteNumber("seed", spec.Seed);
        w.WriteNumber("iterations", spec.Iterations);
        w.WriteNumber("learningRate", spec.LearningRate);
        w.WriteNumber("sigma", spec.Sigma);
        if (spec.Population > 0)
        {
            w.WriteNumber("population", spec.Population); // 0, CMA-ES's default, is left out: --population takes 2 or more
        }

        if (shard is { } part)
        {
            w.WriteString("shard", part.ToString());
        }

        w.WriteEndObject();
    }

    /// <summary>The shard a fit spec names, if any (a part's manifest).</summary>
    public static Validation<Error, LanguageExt.Option<Sweeps.SweepShard>> ReadShard(JsonElement spec) =>
        spec.ValueKind == JsonValueKind.Object && spec.TryGetProperty("shard", out var e)
            ? e.ValueKind == JsonValueKind.String
                ? Sweeps.SweepShard.Parse("$.spec.shard", e.GetString()!).Map(Some)
                : Fail<Error, LanguageExt.Option<Sweeps.SweepShard>>(Error.New("$.spec.shard must be I/N text"))
            : Success<Error, LanguageExt.Option<Sweeps.SweepShard>>(None);

    /// <summary>The shard as a nullable value (null: the whole fit).</summary>
    public static Sweeps.SweepShard? Nullable(LanguageExt.Option<Sweeps.SweepShard> shard) => shard.Map(x => (Sweeps.SweepShard?)x).IfNoneUnsafe((Sweeps.SweepShard?)null);

    /// <summary>Reads a fit spec back (for replay).</summary>
    public static Validation<Error, FitSpec> ReadSpec(JsonElement spec)
    {
        try
        {
            string? Text(string name) => spec.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            string? Number(string name) => spec.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number ? e.GetRawText() : null;
            var start = spec.GetProperty("start").EnumerateObject().Select(p => (p.Name, p.Value.GetDouble())).ToImmutableArray();
            var rule = Enum.Parse<CellRule2007>(Text("rule") ?? nameof(CellRule2007.None));
            var options = new FitOptions(Text("data"), Text("stimuli"), Text("model"), Text("scheme"), null, null, Text("free"), Text("loss"), Text("surrogate"),
                Text("optimizer"), Number("starts"), Number("seed"), Number("iterations"), Number("learningRate"), Text("window"), Number("sigma"),
                Number("population"), Text("spikes"), Number("clip"), Text("mask"), Number("tau"));
            return Resolve(options, start, rule).MapFail(e => Error.New($"$.spec: {e.Message}"));
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            return Fail<Error, FitSpec>(Error.New($"$.spec: not a fit spec ({e.Message})"));
        }
    }

    static int Report(FitSummary s, ArtifactWriter.Written files, TimeSpan elapsed, TextWriter stdout, bool quiet)
    {
        if (quiet)
        {
            return ExitCodes.Ok;
        }

        stdout.WriteLine($"best start {s.Best.Index} of {s.Results.Length}: training loss {Csv.Format(s.Best.BestLoss)} ({s.Simulations} simulations, {elapsed.TotalSeconds:F1} s)");
        foreach (var x in s.Scores)
        {
            stdout.WriteLine($"  {x.Stimulus.Id} ({(x.Validation ? "validation" : "training")}): Γ_A {x.GammaA:F3}, {x.ModelSpikes} model spikes, {x.DataSpikes:F2} data spikes (mean of repetitions)");
        }

        files.ReportManifest(stdout);
        return ExitCodes.Ok;
    }
}

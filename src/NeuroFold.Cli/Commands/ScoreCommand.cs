using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Losses;
using NeuroFold.IO.Recordings;
using static LanguageExt.Prelude;
using static NeuroFold.Cli.Commands.Vocabulary;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold score</c>: the coincidence factors Γ, Γ_int and Γ_A of a model's spike train against repeated recordings, as JSON on stdout.</summary>
internal static class ScoreCommand
{
    /// <summary>The QSNMC 2007 recordings' length, ms (34 000 samples of 0.2 ms).</summary>
    public const double QsnmcDurationMs = 6800.0;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = Text("--model-spikes", "A.csv", "the model's spikes: a CSV with a t_ms column (neurofold's spikes.csv: neuron,t_ms, one neuron), or a .spiketimes[.gz] file");
        var data = new System.CommandLine.Option<string[]>("--data-spikes")
        {
            Description = "the recordings' spikes, one file per repetition (at least 2 for Gamma_int): QSNMC NN-R.spiketimes[.gz] (sample indices) or CSV with t_ms",
            HelpName = "B1 B2 …",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var duration = Text("--duration", "ms", $"the recording's length T, ms (default {QsnmcDurationMs}, the QSNMC 2007 traces)");
        var sampleDt = Text("--sample-dt", "ms", $"the sampling interval of .spiketimes files, ms (default {NeuronRecordings.QsnmcDtMs})");
        var window = Text("--delta", "ms", $"the coincidence window Δ, ms (default {CoincidenceFactor.WindowMs}, the competition's)");
        var quiet = Quiet();
        var command = new Command(
            "score",
            "The QSNMC 2007 coincidence factor of a model's spikes against repeated recordings, as JSON {\"gamma\", \"gammaInt\", \"gammaA\", …} on stdout: " +
            "Gamma (mean over the repetitions), Gamma_int (the recordings' reliability), Gamma_A = Gamma / Gamma_int. Exit codes: 0 ok, 2 invalid input.");
        foreach (var o in new System.CommandLine.Option[] { model, data, duration, sampleDt, window, quiet })
        {
            command.Options.Add(o);
        }

        command.SetAction(r => Execute(r.GetValue(model), r.GetValue(data) ?? [], r.GetValue(duration), r.GetValue(sampleDt), r.GetValue(window), stdout, stderr));
        return command;
    }

    static int Execute(string? modelPath, string[] dataPaths, string? durationText, string? sampleDtText, string? windowText, TextWriter stdout, TextWriter stderr)
    {
        var duration = Fields.Positive("--duration", durationText, QsnmcDurationMs);
        var dt = Fields.Positive("--sample-dt", sampleDtText, NeuronRecordings.QsnmcDtMs);
        var window = Fields.Positive("--delta", windowText, CoincidenceFactor.WindowMs);
        var model = modelPath is null
            ? Fail<Error, ImmutableArray<double>>(Error.New("--model-spikes is required: the model's spikes (CSV with t_ms, or .spiketimes)"))
            : dt.Bind(d => NeuronRecordings.ReadSpikeTimes("--model-spikes", modelPath, d));
        var data = dataPaths.Length < 2
            ? Fail<Error, ImmutableArray<ImmutableArray<double>>>(Error.New($"--data-spikes needs at least 2 repetitions (for Gamma_int), got {dataPaths.Length}"))
            : dt.Bind(d => dataPaths.Select(p => NeuronRecordings.ReadSpikeTimes("--data-spikes", p, d).Map(x => Seq1(x))).Aggregate((a, b) => (a, b).Apply((x, y) => x + y)))
                .Map(s => s.ToImmutableArray());
        var job = (duration, window, model, data).Apply((t, w, m, d) => (T: t, W: w, M: m, D: d)).Bind(x =>
        {
            var late = new List<Error>();
            if (x.M.Length > 0 && x.M[^1] > x.T)
            {
                late.Add(Error.New($"--model-spikes: a spike at {x.M[^1]} ms lies after --duration {x.T} ms"));
            }

            for (int r = 0; r < x.D.Length; r++)
            {
                if (x.D[r].Length > 0 && x.D[r][^1] > x.T)
                {
                    late.Add(Error.New($"--data-spikes: {dataPaths[r]} has a spike at {x.D[r][^1]} ms, after --duration {x.T} ms"));
                }
            }

            return late.Count == 0 ? Success<Error, (double T, double W, ImmutableArray<double> M, ImmutableArray<ImmutableArray<double>> D)>(x) : Fail<Error, (double T, double W, ImmutableArray<double> M, ImmutableArray<ImmutableArray<double>> D)>(late.ToSeq());
        });
        return job.Match(
            Succ: x =>
            {
                var score = CoincidenceFactor.Score(x.M.AsSpan(), x.D, x.T, x.W);
                using var buffer = new MemoryStream();
                using (var w = new Utf8JsonWriter(buffer))
                {
                    w.WriteStartObject();
                    w.WriteNumber("gamma", score.Gamma);
                    w.WriteNumber("gammaInt", score.Intrinsic);
                    w.WriteNumber("gammaA", score.Normalised);
                    w.WriteStartArray("gammaPerRepetition");
                    foreach (var rep in x.D)
                    {
                        w.WriteNumberValue(CoincidenceFactor.Gamma(x.M.AsSpan(), rep.AsSpan(), x.T, x.W));
                    }

                    w.WriteEndArray();
                    w.WriteNumber("modelSpikes", x.M.Length);
                    w.WriteNumber("modelRateHz", x.M.Length / (x.T * 1e-3));
                    w.WriteNumber("dataRateHz", x.D.Sum(d => d.Length) / (double)x.D.Length / (x.T * 1e-3));
                    w.WriteNumber("durationMs", x.T);
                    w.WriteNumber("windowMs", x.W);
                    w.WriteEndObject();
                }

                stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                return ExitCodes.Ok;
            },
            Fail: errors => Problems.Report(stderr, errors));
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.IO.Files;
using static LanguageExt.Prelude;

namespace NeuroFold.IO.Recordings;

/// <summary>Readers of recorded neurons: the QSNMC 2007 folder format and a CSV of <c>t_ms,current_pA,v_mV</c>.</summary>
/// <remarks>
/// QSNMC (data/qsnmc2007-challengeA/README.md): a folder of <c>NN-R.voltage[.gz]</c> (three columns: sample index,
/// current in pA, voltage in mV; 0.2 ms samples) and <c>NN-R.spiketimes[.gz]</c> (the spike's sample index, then a
/// reliability label). CSV: a header <c>t_ms,current_pA,v_mV</c> and one row per sample at a constant step from t = 0;
/// its spikes are the samples after which v crosses 0 mV upwards (the last sample below 0).
/// </remarks>
public static class NeuronRecordings
{
    /// <summary>The QSNMC 2007 sampling interval, ms.</summary>
    public const double QsnmcDtMs = 0.2;

    /// <summary>The largest file read (compressed or not), bytes.</summary>
    public const long MaxFileBytes = 256L << 20;

    /// <summary>The CSV header.</summary>
    public const string CsvHeader = "t_ms,current_pA,v_mV";

    /// <summary>Reads <paramref name="path"/> (a QSNMC folder or a CSV file), keeping the stimuli of <paramref name="stimuli"/> (all when empty), in the order asked.</summary>
    /// <param name="field">The flag that named the path, for messages.</param>
    /// <param name="path">The folder or file.</param>
    /// <param name="stimuli">The stimulus ids to keep ("00", "05"); for a CSV file its name without extension.</param>
    /// <param name="stimuliField">The flag that named the stimuli, for messages.</param>
    public static Validation<Error, ImmutableArray<RecordedStimulus>> Read(string field, string path, ImmutableArray<string> stimuli, string stimuliField)
    {
        if (Directory.Exists(path))
        {
            return ReadFolder(field, path, stimuli, stimuliField);
        }

        return ReadCsv(field, path).Bind(s =>
            stimuli.IsDefaultOrEmpty || (stimuli.Length == 1 && stimuli[0] == s.Id)
                ? Success<Error, ImmutableArray<RecordedStimulus>>([s])
                : Fail<Error, ImmutableArray<RecordedStimulus>>(Error.New($"{stimuliField}: the CSV file {Excerpt.Of(path)} holds one stimulus, '{s.Id}', not {string.Join(",", stimuli)}")));
    }

    static Validation<Error, ImmutableArray<RecordedStimulus>> ReadFolder(string field, string folder, ImmutableArray<string> stimuli, string stimuliField)
    {
        var byStimulus = new SortedDictionary<string, SortedDictionary<int, (string Voltage, string? Spikes)>>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(folder))
        {
            string name = Path.GetFileName(file);
            string bare = name.EndsWith(".gz", StringComparison.Ordinal) ? name[..^3] : name;
            bool voltage = bare.EndsWith(".voltage", StringComparison.Ordinal);
            bool spikes = bare.EndsWith(".spiketimes", StringComparison.Ordinal);
            if (!voltage && !spikes)
            {
                continue;
            }

            string stem = bare[..bare.LastIndexOf('.')];
            int dash = stem.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(stem[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int repetition))
            {
                continue;
            }

            string id = stem[..dash];
            if (!byStimulus.TryGetValue(id, out var reps))
            {
                reps = [];
                byStimulus[id] = reps;
            }

            reps.TryGetValue(repetition, out var pair);
            reps[repetition] = voltage ? (file, pair.Spikes) : (pair.Voltage, file);
        }

        if (byStimulus.Count == 0)
        {
            return Fail<Error, ImmutableArray<RecordedStimulus>>(Error.New($"{field}: the folder {Excerpt.Of(folder)} holds no NN-R.voltage[.gz] files (the QSNMC 2007 format)"));
        }

        var wanted = stimuli.IsDefaultOrEmpty ? [.. byStimulus.Keys] : stimuli;
        var problems = new List<Error>();
        foreach (string id in wanted)
        {
            if (!byStimulus.ContainsKey(id))
            {
                problems.Add(Error.New($"{stimuliField}: stimulus '{Excerpt.Of(id)}' is not in {Excerpt.Of(folder)} (it has {string.Join(", ", byStimulus.Keys)})"));
            }
        }

        if (problems.Count > 0)
        {
            return Fail<Error, ImmutableArray<RecordedStimulus>>(problems.ToSeq());
        }

        var result = ImmutableArray.CreateBuilder<RecordedStimulus>(wanted.Length);
        foreach (string id in wanted)
        {
            var read = ReadStimulus(field, id, byStimulus[id]);
            read.Match(Succ: s => result.Add(s), Fail: es => problems.AddRange(es));
        }

        return problems.Count > 0 ? Fail<Error, ImmutableArray<RecordedStimulus>>(problems.ToSeq()) : Success<Error, ImmutableArray<RecordedStimulus>>(result.MoveToImmutable());
    }

    static Validation<Error, RecordedStimulus> ReadStimulus(string field, string id, SortedDictionary<int, (string Voltage, string? Spikes)> reps)
    {
        var problems = new List<Error>();
        var currents = new List<double[]>();
        var voltages = ImmutableArray.CreateBuilder<ImmutableArray<double>>();
        var spikes = ImmutableArray.CreateBuilder<ImmutableArray<int>>();
        foreach (var (repetition, files) in reps)
        {
            if (files.Voltage is null || files.Spikes is null)
            {
                problems.Add(Error.New($"{field}: stimulus {id} repetition {repetition} needs both {id}-{repetition}.voltage[.gz] and {id}-{repetition}.spiketimes[.gz]"));
                continue;
            }

            var v = Text(field, files.Voltage).Bind(t => ParseVoltage(field, files.Voltage, t));
            var s = Text(field, files.Spikes).Bind(t => ParseSpikes(field, files.Spikes, t));
            (v, s).Apply((a, b) => (a, b)).Match(
                Succ: x =>
                {
                    currents.Add(x.a.Current);
                    voltages.Add(ImmutableArray.Create(x.a.Voltage));
                    spikes.Add(x.b);
                },
                Fail: es => problems.AddRange(es));
        }

        if (problems.Count == 0)
        {
            for (int r = 1; r < currents.Count; r++)
            {
                if (currents[r].Length != currents[0].Length)
                {
                    problems.Add(Error.New($"{field}: stimulus {id}: repetition files have {currents[0].Length} and {currents[r].Length} samples"));
                }
            }
        }

        if (problems.Count > 0)
        {
            return Fail<Error, RecordedStimulus>(problems.ToSeq());
        }

        var mean = new double[currents[0].Length];
        for (int k = 0; k < mean.Length; k++)
        {
            double sum = 0;
            foreach (var c in currents)
            {
                sum += c[k];
            }

            mean[k] = sum / currents.Count;
        }

        return new RecordedStimulus(id, QsnmcDtMs, ImmutableArray.Create(mean), voltages.ToImmutable(), spikes.ToImmutable());
    }

    /// <summary>The text of a file, gunzipped when its name ends in <c>.gz</c>.</summary>
    static Validation<Error, string> Text(string field, string path) =>
        InputFile.ReadAll(field, path, MaxFileBytes, "recording").Bind(bytes =>
        {
            if (!path.EndsWith(".gz", StringComparison.Ordinal))
            {
                return Success<Error, string>(Encoding.UTF8.GetString(bytes));
            }

            try
            {
                using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var reader = new StreamReader(gz, Encoding.UTF8);
                var buffer = new char[1 << 16];
                var text = new StringBuilder();
                int n;
                while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
                {
                    text.Append(buffer, 0, n);
                    if (text.Length > MaxFileBytes)
                    {
                        return Fail<Error, string>(Error.New($"{field}: {Excerpt.Of(path)} expands to more than {MaxFileBytes} characters"));
                    }
                }

                return Success<Error, string>(text.ToString());
            }
            catch (InvalidDataException e)
            {
                return Fail<Error, string>(Error.New($"{field}: {Excerpt.Of(path)} is not a valid gzip file ({e.Message})"));
            }
        });

    static Validation<Error, (double[] Current, double[] Voltage)> ParseVoltage(string field, string path, string text)
    {
        var current = new List<double>();
        var voltage = new List<double>();
        int line = 0;
        Span<Range> parts = stackalloc Range[4];
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            line++;
            var row = raw.Trim();
            if (row.IsEmpty)
            {
                continue;
            }

            int n = row.SplitAny(parts, " \t", StringSplitOptions.RemoveEmptyEntries);
            if (n != 3 || !double.TryParse(row[parts[1]], NumberStyles.Float, CultureInfo.InvariantCulture, out double i)
                || !double.TryParse(row[parts[2]], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(i) || !double.IsFinite(v))
            {
                return Fail<Error, (double[], double[])>(Error.New($"{field}: {Excerpt.Of(path)} line {line}: expected three numbers (sample, current pA, voltage mV), got '{Excerpt.Of(row.ToString())}'"));
            }

            current.Add(i);
            voltage.Add(v);
        }

        return current.Count == 0
            ? Fail<Error, (double[], double[])>(Error.New($"{field}: {Excerpt.Of(path)} has no samples"))
            : Success<Error, (double[], double[])>(([.. current], [.. voltage]));
    }

    static Validation<Error, ImmutableArray<int>> ParseSpikes(string field, string path, string text)
    {
        var spikes = ImmutableArray.CreateBuilder<int>();
        int line = 0;
        Span<Range> parts = stackalloc Range[3];
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            line++;
            var row = raw.Trim();
            if (row.IsEmpty)
            {
                continue;
            }

            int n = row.SplitAny(parts, " \t", StringSplitOptions.RemoveEmptyEntries);
            if (n < 1 || !double.TryParse(row[parts[0]], NumberStyles.Float, CultureInfo.InvariantCulture, out double k) || k < 0 || k != Math.Floor(k) || k > int.MaxValue
                || (spikes.Count > 0 && k <= spikes[^1]))
            {
                return Fail<Error, ImmutableArray<int>>(Error.New($"{field}: {Excerpt.Of(path)} line {line}: expected an increasing whole sample index, got '{Excerpt.Of(row.ToString())}'"));
            }

            spikes.Add((int)k);
        }

        return spikes.ToImmutable();
    }

    /// <summary>Reads a CSV recording: <c>t_ms,current_pA,v_mV</c>, a constant step from t = 0.</summary>
    public static Validation<Error, RecordedStimulus> ReadCsv(string field, string path) =>
        Text(field, path).Bind(text =>
        {
            var lines = text.Split('\n');
            if (lines.Length == 0 || lines[0].Trim() != CsvHeader)
            {
                return Fail<Error, RecordedStimulus>(Error.New($"{field}: {Excerpt.Of(path)} must start with the header '{CsvHeader}'"));
            }

            var t = new List<double>();
            var current = new List<double>();
            var voltage = new List<double>();
            for (int l = 1; l < lines.Length; l++)
            {
                string row = lines[l].Trim();
                if (row.Length == 0)
                {
                    continue;
                }

                var cells = row.Split(',');
                if (cells.Length != 3 || !Number(cells[0], out double tm) || !Number(cells[1], out double i) || !Number(cells[2], out double v))
                {
                    return Fail<Error, RecordedStimulus>(Error.New($"{field}: {Excerpt.Of(path)} line {l + 1}: expected three finite numbers t_ms,current_pA,v_mV, got '{Excerpt.Of(row)}'"));
                }

                t.Add(tm);
                current.Add(i);
                voltage.Add(v);
            }

            if (t.Count < 2 || t[0] != 0.0 || !(t[1] > 0))
            {
                return Fail<Error, RecordedStimulus>(Error.New($"{field}: {Excerpt.Of(path)} needs at least two rows, the first at t_ms = 0, times increasing"));
            }

            double dt = t[1];
            for (int k = 2; k < t.Count; k++)
            {
                if (Math.Abs(t[k] - (k * dt)) > 1e-6 * dt * k)
                {
                    return Fail<Error, RecordedStimulus>(Error.New($"{field}: {Excerpt.Of(path)} line {k + 2}: t_ms must be k·{dt} (a constant step), got {t[k]}"));
                }
            }

            var spikes = ImmutableArray.CreateBuilder<int>();
            for (int k = 0; k + 1 < voltage.Count; k++)
            {
                if (voltage[k] < 0 && voltage[k + 1] >= 0)
                {
                    spikes.Add(k);
                }
            }

            string id = Path.GetFileNameWithoutExtension(path.EndsWith(".gz", StringComparison.Ordinal) ? path[..^3] : path);
            return Success<Error, RecordedStimulus>(new RecordedStimulus(id, dt, [.. current], [ImmutableArray.CreateRange(voltage)], [spikes.ToImmutable()]));
        });

    static bool Number(string text, out double x) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out x) && double.IsFinite(x);

    /// <summary>Reads a spike-time file: a QSNMC <c>.spiketimes[.gz]</c> (sample indices × <paramref name="sampleDtMs"/>), or a CSV with a <c>t_ms</c> column (<c>neuron,t_ms</c> of NeuroFold's spikes.csv, one neuron) in ms.</summary>
    public static Validation<Error, ImmutableArray<double>> ReadSpikeTimes(string field, string path, double sampleDtMs) =>
        Text(field, path).Bind(text =>
        {
            string bare = path.EndsWith(".gz", StringComparison.Ordinal) ? path[..^3] : path;
            if (bare.EndsWith(".spiketimes", StringComparison.Ordinal))
            {
                return ParseSpikes(field, path, text).Map(samples => samples.Select(k => k * sampleDtMs).ToImmutableArray());
            }

            var lines = text.Split('\n');
            var header = lines.Length > 0 ? lines[0].Trim().Split(',') : [];
            int column = System.Array.IndexOf(header, "t_ms");
            int neuron = System.Array.IndexOf(header, "neuron");
            if (column < 0)
            {
                return Fail<Error, ImmutableArray<double>>(Error.New($"{field}: {Excerpt.Of(path)} is neither a .spiketimes[.gz] file nor a CSV with a t_ms column (header 'neuron,t_ms' or 't_ms')"));
            }

            var times = ImmutableArray.CreateBuilder<double>();
            for (int l = 1; l < lines.Length; l++)
            {
                string row = lines[l].Trim();
                if (row.Length == 0)
                {
                    continue;
                }

                var cells = row.Split(',');
                if (cells.Length != header.Length || !Number(cells[column], out double tm) || (neuron >= 0 && cells[neuron].Trim() != "0")
                    || (times.Count > 0 && tm < times[^1]))
                {
                    return Fail<Error, ImmutableArray<double>>(Error.New($"{field}: {Excerpt.Of(path)} line {l + 1}: expected one neuron (0) and non-decreasing finite t_ms, got '{Excerpt.Of(row)}'"));
                }

                times.Add(tm);
            }

            return Success<Error, ImmutableArray<double>>(times.ToImmutable());
        });
}

using System.Globalization;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Networks;
using static LanguageExt.Prelude;

namespace NeuroFold.IO;

/// <summary>Per-neuron parameters from CSV: header <c>neuron,a,b,c,d</c>, one row per neuron 0 … N − 1 in order.</summary>
public static class NeuronTable
{
    /// <summary>How many problems of one table are listed before the rest are counted.</summary>
    public const int MaxListedProblems = 20;

    /// <summary>The largest table file read, bytes (about four million neurons).</summary>
    public const long MaxFileBytes = 256L << 20;

    /// <summary>The required header line.</summary>
    public const string Header = "neuron,a,b,c,d";

    /// <summary>Parses the table into neurons starting at <paramref name="v0Mv"/> with <c>u0 = b·v0</c>; every problem is listed.</summary>
    /// <param name="name">File name for messages.</param>
    /// <param name="text">The CSV text.</param>
    /// <param name="v0Mv">Initial membrane potential of every neuron, mV.</param>
    /// <param name="excitatory">How many leading neurons count as excitatory in summaries; null: those with <c>a = 0.02</c> and <c>b = 0.2</c> up to the first that is not.</param>
    public static Validation<Error, NetworkNeurons> Parse(string name, string text, double v0Mv, int? excitatory)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var errors = new List<Error>();
        if (lines.Length == 0 || !string.Equals(lines[0].Trim(), Header, StringComparison.Ordinal))
        {
            return Fail<Error, NetworkNeurons>(Error.New($"{name} must start with the header '{Header}', got '{Excerpt.Of(lines.Length > 0 ? lines[0].Trim() : string.Empty)}'"));
        }

        var a = new List<double>();
        var b = new List<double>();
        var c = new List<double>();
        var d = new List<double>();
        int more = 0;
        void Problem(string message)
        {
            if (errors.Count < MaxListedProblems)
            {
                errors.Add(Error.New(message));
            }
            else
            {
                more++;
            }
        }

        for (int row = 1; row < lines.Length; row++)
        {
            string line = lines[row].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != 5)
            {
                Problem($"{name} line {row + 1}: expected 5 fields (neuron,a,b,c,d), got {cells.Length}");
                continue;
            }

            if (!int.TryParse(cells[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int neuron) || neuron != a.Count)
            {
                Problem($"{name} line {row + 1}: neuron must be {a.Count} (rows in order 0, 1, 2, ...), got '{Excerpt.Of(cells[0].Trim())}'");
            }

            var parsed = new double[4];
            for (int k = 0; k < 4; k++)
            {
                if (!double.TryParse(cells[k + 1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out parsed[k]) || !double.IsFinite(parsed[k]))
                {
                    Problem($"{name} line {row + 1}: {"abcd"[k]} must be a finite number, got '{Excerpt.Of(cells[k + 1].Trim())}'");
                }
            }

            a.Add(parsed[0]);
            b.Add(parsed[1]);
            c.Add(parsed[2]);
            d.Add(parsed[3]);
        }

        if (a.Count == 0)
        {
            Problem($"{name} has no neuron rows");
        }

        if (more > 0)
        {
            errors.Add(Error.New($"{name}: and {more} more problems (the first {MaxListedProblems} are listed)"));
        }

        if (errors.Count > 0)
        {
            return Fail<Error, NetworkNeurons>(errors.ToSeq());
        }

        int ne = excitatory ?? LeadingRegularSpiking(a, b);
        return NetworkNeurons.Create(a.ToArray(), b.ToArray(), c.ToArray(), d.ToArray(), v0Mv, ne)
            .MapFail(e => Error.New($"{name}: {e.Message}"));
    }

    /// <summary>Reads and parses a table file; a missing file is reported, not thrown.</summary>
    public static Validation<Error, NetworkNeurons> ReadFile(string path, double v0Mv, int? excitatory) =>
        ReadFile(path, path, v0Mv, excitatory).Map(x => x.Neurons);

    /// <summary>Reads and parses a table file of at most <see cref="MaxFileBytes"/> bytes, with the SHA-256 of the bytes read.</summary>
    /// <remarks>Folders, pipes and devices are refused without being opened; the text must be valid UTF-8.</remarks>
    public static Validation<Error, (NetworkNeurons Neurons, string Sha256)> ReadFile(string field, string path, double v0Mv, int? excitatory) =>
        Files.InputFile.ReadAll(field, path, MaxFileBytes, "neuron table").Bind(bytes =>
        {
            string text;
            try
            {
                text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (System.Text.DecoderFallbackException)
            {
                return Fail<Error, (NetworkNeurons, string)>(Error.New($"{field}: '{Excerpt.Of(path)}' is not valid UTF-8 text"));
            }

            string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            return Parse(path, text, v0Mv, excitatory).Map(n => (n, sha));
        });

    static int LeadingRegularSpiking(List<double> a, List<double> b)
    {
        int k = 0;
        while (k < a.Count && a[k] == 0.02 && b[k] == 0.2)
        {
            k++;
        }

        return k;
    }
}

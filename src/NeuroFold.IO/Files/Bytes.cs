using System.Globalization;

namespace NeuroFold.IO.Files;

/// <summary>Byte counts as people read them, and as <c>--max-memory</c> takes them.</summary>
public static class Bytes
{
    /// <summary>One mebibyte.</summary>
    public const long MiB = 1L << 20;

    /// <summary>One gibibyte.</summary>
    public const long GiB = 1L << 30;

    /// <summary>"1234 bytes", "12.3 MiB", "4.0 GiB".</summary>
    public static string Describe(long bytes) =>
        bytes < 10_000 ? $"{bytes} bytes"
        : bytes < GiB ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)MiB:0.#} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)GiB:0.#} GiB");

    /// <summary>Parses "4G", "512M", "800k", "1.5GiB", "1000000" (bytes); null when it is not a size.</summary>
    public static long? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string s = text.Trim();
        int end = s.Length;
        while (end > 0 && char.IsLetter(s[end - 1]))
        {
            end--;
        }

        string unit = s[end..].ToUpperInvariant();
        double scale = unit switch
        {
            "" or "B" => 1,
            "K" or "KB" or "KIB" => 1L << 10,
            "M" or "MB" or "MIB" => MiB,
            "G" or "GB" or "GIB" => GiB,
            "T" or "TB" or "TIB" => 1L << 40,
            _ => double.NaN,
        };
        if (double.IsNaN(scale) || !double.TryParse(s[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value >= 0) || !double.IsFinite(value))
        {
            return null;
        }

        double bytes = value * scale;
        return bytes >= long.MaxValue ? null : (long)bytes;
    }
}

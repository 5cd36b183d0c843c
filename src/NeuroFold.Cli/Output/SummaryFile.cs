using System.Text.Json;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Cli.Output;

/// <summary><c>summary.json</c>: spike count, mean rate and inter-spike-interval statistics of a run (null where undefined).</summary>
internal static class SummaryFile
{
    /// <summary>Writes the statistics as one JSON object.</summary>
    public static void Write(Utf8JsonWriter w, SpikeStatistics s)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(s);
        w.WriteStartObject();
        w.WriteNumber("spikeCount", s.SpikeCount);
        w.WriteNumber("durationMs", s.DurationMs);
        w.WriteNumber("meanRateHz", s.MeanRateHz);
        Json.NumberOrNull(w, "firstSpikeMs", s.FirstSpikeMs);
        Json.NumberOrNull(w, "lastSpikeMs", s.LastSpikeMs);
        w.WriteStartObject("isi");
        Json.NumberOrNull(w, "meanMs", s.IsiMeanMs);
        Json.NumberOrNull(w, "sdMs", s.IsiSdMs);
        Json.NumberOrNull(w, "cv", s.IsiCv);
        Json.NumberOrNull(w, "minMs", s.IsiMinMs);
        Json.NumberOrNull(w, "maxMs", s.IsiMaxMs);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}

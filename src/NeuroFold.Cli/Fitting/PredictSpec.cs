using NeuroFold.IO.Recordings;

namespace NeuroFold.Cli.Fitting;

/// <summary>A resolved prediction: the fitted point and the current it is driven by.</summary>
/// <param name="ParamsPath">The params.json read (full path).</param>
/// <param name="Point">The fitted model.</param>
/// <param name="CurrentPath">The current file (full path).</param>
/// <param name="Current">Its current, as a stimulus with no recording.</param>
/// <param name="StartMs">The time of its first row, ms.</param>
internal sealed record PredictSpec(string ParamsPath, ModelPoint Point, string CurrentPath, RecordedStimulus Current, double StartMs);

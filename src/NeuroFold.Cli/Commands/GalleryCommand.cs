using System.CommandLine;
using NeuroFold.Cli.Output;
using NeuroFold.Cli.Plots;
using NeuroFold.Core.Published;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Cli.Commands;

/// <summary><c>neurofold gallery</c>: Izhikevich's published protocols (2004 Fig. 1 features, 2003 Fig. 2 classes) under <c>PaperScheme</c>.</summary>
internal static class GalleryCommand
{
    /// <summary>Output folder when <c>--out</c> is not given.</summary>
    public const string DefaultOut = "neurofold-out/gallery";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var outDir = new Option<string?>("--out") { Description = $"output folder (default {DefaultOut})", HelpName = "DIR" };
        var feature = new Option<string?>("--feature")
        {
            Description = "run one protocol only, by id: " + string.Join(", ", PaperProtocols.All.Select(p => p.Id)),
            HelpName = "ID",
        };
        var command = new Command(
            "gallery",
            "Run the 20 features of Izhikevich (2004) and the 2003 classes exactly as his MATLAB code does; writes DIR/<id>/trace.csv, DIR/<id>/spikes.csv and DIR/features.png/.svg.");
        command.Options.Add(outDir);
        command.Options.Add(feature);
        command.SetAction(r => Execute(r.GetValue(outDir), r.GetValue(feature), stdout, stderr));
        return command;
    }

    /// <summary>Runs the gallery (or one entry) and writes its files; returns the exit code.</summary>
    public static int Execute(string? outDir, string? feature, TextWriter stdout, TextWriter stderr)
    {
        var errors = new List<string>();
        string dir = outDir ?? DefaultOut;
        if (dir.Length == 0)
        {
            errors.Add("out must be a folder path, got an empty string");
        }
        else if (File.Exists(dir))
        {
            errors.Add($"out must be a folder, but '{dir}' is a file");
        }

        var selected = PaperProtocols.All;
        if (feature is not null)
        {
            var found = PaperProtocols.Find(feature);
            if (found.IsNone)
            {
                errors.Add($"feature must be one of {string.Join(", ", PaperProtocols.All.Select(p => p.Id))}; got '{feature}'");
            }

            selected = found.Match(p => [p], () => selected.Clear());
        }

        if (errors.Count > 0)
        {
            foreach (string e in errors)
            {
                stderr.WriteLine($"error: {e}");
            }

            stderr.WriteLine("nothing was written (exit code 2: invalid input)");
            return ExitCodes.InvalidInput;
        }

        var runs = new List<(PaperProtocol Protocol, SimulationResult Result)>(selected.Length);
        foreach (var protocol in selected)
        {
            var result = protocol.Run();
            if (result.Status is RunStatus.NonFinite nf)
            {
                stderr.WriteLine($"error: {protocol.Id} left the finite range at step {nf.Step} (t = {Csv.Format(nf.TimeMs)} ms); nothing was written");
                return ExitCodes.NonFinite;
            }

            runs.Add((protocol, result));
        }

        var files = new List<(string Path, Action<Stream> Write)>();
        foreach (var (protocol, result) in runs)
        {
            files.Add((Path.Combine(dir, protocol.Id, "trace.csv"), AtomicWriter.Text(w => Csv.WriteTrace(w, result.Trace))));
            files.Add((Path.Combine(dir, protocol.Id, "spikes.csv"), AtomicWriter.Text(w => Csv.WriteSpikes(w, 0, result.Spikes))));
        }

        if (feature is null)
        {
            var panels = runs.Where(r => PaperProtocols.Features.Contains(r.Protocol)).ToList();
            var figure = FeatureFigure.Build(panels);
            files.Add((Path.Combine(dir, "features.png"), PlotFiles.Png(figure, FeatureFigure.Width, FeatureFigure.Height)));
            files.Add((Path.Combine(dir, "features.svg"), FeatureFigure.Svg(figure, panels.Count)));
        }

        AtomicWriter.WriteAll(files);
        foreach (var (protocol, result) in runs)
        {
            stdout.WriteLine($"{protocol.Id}: {result.Trace.Count} steps of {Csv.Format(protocol.TauMs)} ms, {result.Spikes.Count} spikes");
        }

        stdout.WriteLine(feature is null
            ? $"wrote {runs.Count} protocols and {Path.Combine(dir, "features.png")} (+ .svg) under {Path.GetFullPath(dir)}"
            : $"wrote {Path.Combine(dir, feature.ToLowerInvariant())} (the figure is drawn only when every feature runs)");
        return ExitCodes.Ok;
    }
}

using System.Collections.Immutable;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Specs;
using NeuroFold.Core.Cells;
using NeuroFold.Core.Models;
using NeuroFold.Core.Stimuli;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Sweeps;

/// <summary>Turns raw <c>sweep</c> options into a <see cref="SweepSpec"/>, reporting every problem at once.</summary>
internal static class SweepResolver
{
    /// <summary>Run length when <c>--t-max</c> is not given, ms (long enough for rates and ISI statistics).</summary>
    public const double DefaultTMaxMs = 1000.0;

    /// <summary>Output folder when <c>--out</c> is not given.</summary>
    public const string DefaultOut = "neurofold-out/sweep";

    /// <summary>The most grid points a sweep may have.</summary>
    public const int MaxPoints = 10_000_000;

    public static Validation<Error, SweepSpec> Resolve(
        IReadOnlyList<string> grids, string? preset, string? dt, string? tMax, string? v0, string? input, string? capacitance, int? threads, string? outDir)
    {
        var axes = grids.Count is < 1 or > 2
            ? Fail<Error, ImmutableArray<SweepAxis>>(Error.New($"give one --grid (an F–I curve) or two (a heat map), got {grids.Count}"))
            : grids.Select(SweepAxis.Parse).ToList()
                .Aggregate(Success<Error, ImmutableArray<SweepAxis>>([]), (acc, a) => (acc, a).Apply((xs, x) => xs.Add(x)))
                .Bind(CheckAxes);

        string presetName = preset ?? "rs";
        var basis = Presets.Find(presetName).Match(
            Some: p => Success<Error, IzhikevichParameters>(p),
            None: () => Fail<Error, IzhikevichParameters>(Error.New(
                $"preset must be one of {string.Join(", ", Presets.All.Select(x => x.Name))}; got '{presetName}'")));
        var grid = (Numbers.ParseOptional("dt", dt, SimulateResolver.DefaultDtMs), Numbers.ParseOptional("t-max", tMax, DefaultTMaxMs))
            .Apply((d, t) => (d, t))
            .Bind(x => TimeGrid.Create(x.d, x.t));
        var cell = (Numbers.ParseOptional("v0", v0, SimulateResolver.DefaultV0Mv).Bind(x => Core.Validation.Checks.Finite("v0", x)),
                    Numbers.ParseOptional("input", input, 0.0).Bind(x => Core.Validation.Checks.Finite("input", x)),
                    Numbers.ParseOptional("capacitance", capacitance, Compartment.Default.CapacitanceUfPerCm2).Bind(x => Core.Validation.Checks.Positive("capacitance", x)))
            .Apply((v, i, c) => (v, i, c));
        int t = threads ?? Environment.ProcessorCount;
        var threadCount = t >= 1 ? Success<Error, int>(t) : Fail<Error, int>(Error.New($"--threads must be at least 1, got {t}"));

        return (axes, basis, grid, cell, threadCount).Apply((ax, p, g, c, th) =>
            new SweepSpec(ax, presetName.ToLowerInvariant(), p, c.v, c.i, g, c.c, th, outDir ?? DefaultOut));
    }

    static Validation<Error, ImmutableArray<SweepAxis>> CheckAxes(ImmutableArray<SweepAxis> axes)
    {
        var errors = new List<Error>();
        if (axes.Length == 2 && axes[0].Name == axes[1].Name)
        {
            errors.Add(Error.New($"--grid {axes[0].Name} is given twice"));
        }

        foreach (var axis in axes.Where(a => a.Name == "c" && a.Values.Any(x => x >= Izhikevich.PeakMv)))
        {
            errors.Add(Error.New($"--grid c must stay below {Numbers.Format(Izhikevich.PeakMv)} mV (the reset must lie below the spike peak), got up to {Numbers.Format(axis.Values.Max())}"));
        }

        long points = axes.Aggregate(1L, (n, a) => n * a.Values.Length);
        if (points > MaxPoints)
        {
            errors.Add(Error.New($"the grid has {points} points; at most {MaxPoints} are allowed"));
        }

        return errors.Count == 0 ? Success<Error, ImmutableArray<SweepAxis>>(axes) : Fail<Error, ImmutableArray<SweepAxis>>(Seq(errors));
    }
}

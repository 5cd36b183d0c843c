using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Core.Populations;

namespace NeuroFold.Cli.Sweeps;

/// <summary>Runs a sweep as one population (one neuron per grid point) and summarises each neuron's spikes.</summary>
internal static partial class SweepRunner
{
    /// <summary>The population of a sweep: neuron i is grid point <c>FirstPoint + i</c> (grid point i of a whole sweep), every quantity not swept taken from the spec.</summary>
    /// <remarks>A shard's population holds its points only; each neuron's parameters and start are those of its grid point in the whole sweep.</remarks>
    public static Validation<Error, Population> Build(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        int n = spec.PartPoints;
        int firstPoint = spec.FirstPoint;
        var a = new double[n];
        var b = new double[n];
        var c = new double[n];
        var d = new double[n];
        var v0 = new double[n];
        var u0 = new double[n];
        var input = new double[n];
        for (int i = 0; i < n; i++)
        {
            (a[i], b[i], c[i], d[i], v0[i], input[i]) = (spec.Base.A, spec.Base.B, spec.Base.C, spec.Base.D, spec.V0Mv, spec.InputUaPerCm2);
            var x = spec.Coordinates(firstPoint + i);
            for (int k = 0; k < x.Length; k++)
            {
                switch (spec.Axes[k].Name)
                {
                    case "a": a[i] = x[k]; break;
                    case "b": b[i] = x[k]; break;
                    case "c": c[i] = x[k]; break;
                    case "d": d[i] = x[k]; break;
                    case "I": input[i] = x[k]; break;
                    default: v0[i] = x[k]; break;
                }
            }

            u0[i] = b[i] * v0[i];
        }

        var population = Population.Create([.. a], [.. b], [.. c], [.. d], [.. v0], [.. u0], [.. input]);

        // The population numbers a shard's neurons from 0: name each by its grid point, as the whole sweep does.
        return firstPoint == 0 ? population : population.MapFail(e => Error.New(NeuronIndex().Replace(
            e.Message, m => $"{m.Groups[1].Value}[{firstPoint + int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)}]", 1)));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\w+)\[(\d+)\]")]
    private static partial System.Text.RegularExpressions.Regex NeuronIndex();

    /// <summary>Runs the sweep's population under its scheme (counts and ISI statistics only, no spike list).</summary>
    public static PopulationResult Run(SweepSpec spec, Population population) =>
        spec.Scheme.RunPopulation(
            population, spec.Grid, spec.Compartment.CapacitanceUfPerCm2,
            new PopulationOptions(spec.Threads, PopulationOptions.DefaultBlockSize, VectorWidth.Auto, RecordSpikes: false));
}

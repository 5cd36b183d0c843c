using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.Cli.Execution;
using NeuroFold.Core.Networks;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Specs;

/// <summary>Turns raw <c>network --model dopamine-stdp</c> options into a <see cref="ResolvedDopamine"/>, reporting every problem at once.</summary>
/// <remarks>The network, its noise and the reward delays all come from <c>--seed</c>; <c>--t-max</c> is in ms and must be whole seconds.</remarks>
internal static class DopamineResolver
{
    /// <summary>Validates, checks the estimate against the budget (a bad <c>--max-memory</c> is listed with every other problem) and builds the network.</summary>
    public static Validation<Error, ResolvedDopamine> Resolve(NetworkOptions o, FieldNames names, Validation<Error, Budget> given)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(names);
        var budget = given.IfFail(Budget.Default);
        string N(string field) => names.Of(field);
        var errors = new List<Error>(given.FailToSeq());
        long seed = NetworkResolver.Take(Fields.Seed(N("seed"), o.Seed), errors, 0L);
        int threads = NetworkResolver.Take(Fields.Threads(N("threads"), o.Threads), errors, 1);
        int tMax = NetworkResolver.Take(Fields.WholeNumber(N("tMax"), o.TMax, PlasticResolver.DefaultTMaxMs, 1000, PlasticResolver.MaxTMaxMs), errors, PlasticResolver.DefaultTMaxMs);
        string outDir = NetworkResolver.Take(Fields.Out(N("out"), o.Out, NetworkResolver.DefaultOut), errors, NetworkResolver.DefaultOut);
        if (tMax % 1000 != 0)
        {
            errors.Add(Error.New($"{N("tMax")} must be whole seconds (a multiple of 1000 ms: the summary is per second), got {tMax}"));
        }

        int seconds = tMax / 1000;
        foreach (var (field, named) in new[]
        {
            ("neurons", o.Neurons is not null), ("neuronTable", o.NeuronTable is not null), ("k", o.K is not null), ("maxDelay", o.MaxDelay is not null),
            ("g", o.G is not null), ("inputFile", o.InputFile is not null), ("weights", o.Weights is not null), ("targets", o.Targets is not null),
            ("delays", o.Delays is not null), ("drive", o.Drive is not null), ("snapshotAt", o.SnapshotAt is not null), ("plasticity", o.Plasticity is not null),
        })
        {
            if (named)
            {
                errors.Add(Error.New($"{N(field)} does not apply to {N("model")} {NetworkResolver.DopamineStdp} (1000 neurons, 100 synapses each with delay 1, generated from {N("seed")}; its input is noise)"));
            }
        }

        var estimate = Estimates.Network(PolychronizationNetwork.Neurons, PolychronizationNetwork.Neurons * (double)PolychronizationNetwork.SynapsesPerNeuron, PlasticBytesPerSynapse, 32, 0)
            .Add("spikes (at most 20 per ms)", 20.0 * seconds * 1000, 24);
        if (errors.Count == 0)
        {
            errors.AddRange(budget.CheckMemory("--max-memory", estimate, "a shorter --t-max").FailToSeq());
        }

        if (errors.Count > 0)
        {
            return Fail<Error, ResolvedDopamine>(errors.ToSeq());
        }

        return DopamineStdpNetwork.Create(seed)
            .MapFail(e => Error.New($"{N("seed")}: {e.Message}"))
            .Map(network => new ResolvedDopamine(network, DopamineProtocol.Izhikevich2007(seed), seconds, seed, threads, outDir));
    }

    /// <summary>Bytes a plastic synapse takes while built and run.</summary>
    const double PlasticBytesPerSynapse = 64;

    /// <summary>Writes the resolved spec, every default explicit (threads and folder are left out).</summary>
    public static void Write(Utf8JsonWriter w, ResolvedDopamine spec)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(spec);
        w.WriteStartObject();
        w.WriteString("model", ResolvedDopamine.Model);
        w.WriteNumber("tMax", spec.Steps);
        w.WriteNumber("seed", spec.Seed);
        w.WriteEndObject();
    }
}

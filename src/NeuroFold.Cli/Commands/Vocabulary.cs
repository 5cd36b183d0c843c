using System.CommandLine;
using System.CommandLine.Parsing;

namespace NeuroFold.Cli.Commands;

/// <summary>The one CLI vocabulary: every option that several commands share is made here, with one name, type, help and default rule.</summary>
/// <remarks>
/// <para>
/// Values are read as text and parsed by the command's resolver, so that every problem of a command line is reported at
/// once, each naming its flag. <c>--seed</c>, <c>--threads</c> and <c>--quiet</c> have the same default everywhere;
/// <c>--dt</c>, <c>--t-max</c> and <c>--out</c> have the same meaning everywhere and a default that is the command's own
/// (its workload's step, its demonstration's length, <c>neurofold-out/&lt;command&gt;</c>), stated in the help.
/// </para>
/// <para>
/// An alias of an option is always an old spelling kept for compatibility: using it works and prints a deprecation
/// warning on stderr (<see cref="WarnDeprecated"/>). A test walks the command tree and checks that same-named options agree.
/// </para>
/// </remarks>
internal static class Vocabulary
{
    /// <summary>The default of <c>--seed</c> in every command.</summary>
    public const long DefaultSeed = 1;

    /// <summary>The default of <c>--threads</c> in every command: every core of this machine.</summary>
    public static int DefaultThreads => Environment.ProcessorCount;

    /// <summary><c>--dt MS</c>: the step size.</summary>
    public static Option<string?> Dt(string defaultMs) => Text("--dt", "ms", $"step size in ms (default {defaultMs})");

    /// <summary><c>--t-max MS</c>: the run length (how it becomes a number of steps is the command's grid rule, in its description).</summary>
    public static Option<string?> TMax(string defaultMs) => Text("--t-max", "ms", $"run length in ms (default {defaultMs})");

    /// <summary><c>--seed N</c>: the seed of every random number.</summary>
    public static Option<string?> Seed() =>
        Text("--seed", "N", $"seed of every random number of the run, a whole number >= 0 (default {DefaultSeed}); the same seed gives the same bytes");

    /// <summary><c>--threads N</c>: worker threads.</summary>
    public static Option<string?> Threads() =>
        Text("--threads", "N", "worker threads, a whole number >= 1 (default: every core); results do not depend on it");

    /// <summary><c>--out DIR</c>: the output folder.</summary>
    public static Option<string?> Out(string command) => Text("--out", "DIR", $"output folder (default neurofold-out/{command})");

    /// <summary><c>--max-memory SIZE</c>: the memory a run may plan to use.</summary>
    public static Option<string?> MaxMemory() => Text("--max-memory", "SIZE", Execution.Budget.Help);

    /// <summary><c>--shard I/N</c>: part I (0-based) of N balanced parts of a run's independent work (a sweep's grid points).</summary>
    /// <param name="what">What is cut into parts ("the grid points").</param>
    public static Option<string?> Shard(string what) =>
        Text("--shard", "I/N",
            $"run only part I of N balanced, contiguous parts of {what} (0-based: 0/4 … 3/4), into its own folder, for neurofold merge " +
            $"(default: {Sweeps.SweepShard.TaskIdVariable}/{Sweeps.SweepShard.TaskCountVariable} when both are set, as in a Slurm array 0..N-1; else everything)");

    /// <summary><c>--data DIR|FILE</c>: a recorded neuron (a QSNMC 2007 folder or a CSV of t_ms,current_pA,v_mV).</summary>
    public static Option<string?> Data() =>
        Text("--data", "DIR|FILE", "a recorded neuron: a folder of NN-R.voltage[.gz] + NN-R.spiketimes[.gz] (the QSNMC 2007 format, e.g. data/qsnmc2007-challengeA) or a CSV file t_ms,current_pA,v_mV");

    /// <summary><c>--stimuli 00,05</c>: which stimuli of the recording.</summary>
    public static Option<string?> Stimuli(string fallback) => Text("--stimuli", "NN,NN", $"the stimuli of --data to use, comma-separated (default {fallback})");

    /// <summary><c>--model NAME</c>: the model fitted or differentiated.</summary>
    public static Option<string?> Model() => Text("--model", "NAME", "izhikevich2007 (C, k, vr, vt, vpeak, a, b, c, d; currents in pA) or izhikevich2003 (a, b, c, d; the current scaled into uA/cm2)");

    /// <summary><c>--spikes mask|clip</c>: how the voltage loss treats spikes.</summary>
    public static Option<string?> Spikes() =>
        Text("--spikes", "mask|clip", "voltage-mse: leave out samples near spikes (mask, default) or clip both voltages (clip)");

    /// <summary><c>--clip mV</c>: the voltage loss's clip level.</summary>
    public static Option<string?> Clip() => Text("--clip", "mV", "voltage-mse with --spikes clip: the clip level (default -30)");

    /// <summary><c>--mask BEFORE,AFTER</c>: what the voltage loss leaves out around each spike.</summary>
    public static Option<string?> Mask() =>
        Text("--mask", "BEFORE,AFTER", "voltage-mse with --spikes mask: ms left out before and after each spike, the data's and the model's (default 0.4,4)");

    /// <summary><c>--window FROM,TO</c>: the part of the recording the voltage loss compares.</summary>
    public static Option<string?> Window() => Text("--window", "FROM,TO", "voltage-mse: the time window compared, ms (default the whole recording)");

    /// <summary><c>--tau ms</c>: the van Rossum kernel's time constant.</summary>
    public static Option<string?> Tau() => Text("--tau", "ms", "van-rossum: the kernel's time constant (default 10)");

    /// <summary><c>--loss NAME</c>: what a fit or a gradient minimises.</summary>
    public static Option<string?> Loss() =>
        Text("--loss", "NAME", "voltage-mse (spikes masked or clipped; differentiable), smooth-gamma (Gamma_int - smooth Gamma, Gaussian window; differentiable through the spike times), spike-count, van-rossum (--tau), gamma (1 - Gamma_A, the QSNMC score) or gamma-rate (Gamma_int - Gamma + 0.2 ln^2 of the rate ratio; fit's default with cmaes) (default voltage-mse)");

    /// <summary><c>--surrogate NAME</c>: the derivative given to the spike's Heaviside step.</summary>
    public static Option<string?> Surrogate() =>
        Text("--surrogate", "NAME", "derivative of the spike step in tangents only (values never change): none (the exact map, Jaxley's behaviour), jaxley (1/(10|x|+1)^2), superspike (1/(|x|+1)^2), sigmoid (default none)");

    /// <summary><c>--quiet</c>: nothing on stdout but what the command exists to print, and no progress.</summary>
    public static Option<bool> Quiet() => new("--quiet")
    {
        Description = "no progress and no report on stdout (a command whose output is its report still prints it); errors and warnings still go to stderr",
    };

    /// <summary>An option whose value is read as text and checked by the command's resolver.</summary>
    public static Option<string?> Text(string name, string helpName, string description) =>
        new(name) { Description = description, HelpName = helpName };

    /// <summary>Adds <paramref name="oldName"/> as a deprecated spelling of <paramref name="option"/>.</summary>
    public static T Deprecated<T>(T option, string oldName)
        where T : Option
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Aliases.Add(oldName);
        return option;
    }

    /// <summary>Warns on <paramref name="stderr"/> about every deprecated spelling <paramref name="result"/> used (options and commands).</summary>
    public static void WarnDeprecated(ParseResult result, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stderr);
        for (SymbolResult? at = result.CommandResult; at is CommandResult command; at = at.Parent)
        {
            string? used = command.IdentifierToken?.Value;
            if (used is not null && used != command.Command.Name)
            {
                stderr.WriteLine($"warning: '{used}' is deprecated; use '{command.Command.Name}'");
            }

            foreach (var option in command.Command.Options)
            {
                string? token = command.GetResult(option)?.IdentifierToken?.Value;
                if (token is not null && token != option.Name)
                {
                    stderr.WriteLine($"warning: {token} is deprecated; use {option.Name}");
                }
            }
        }
    }
}

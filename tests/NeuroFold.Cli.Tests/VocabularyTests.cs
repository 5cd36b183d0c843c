using System.CommandLine;
using System.Text.RegularExpressions;
using NeuroFold.Cli.Commands;

namespace NeuroFold.Cli.Tests;

/// <summary>One CLI vocabulary: same-named options agree across the command tree, and errors name fields by their flag.</summary>
public sealed class VocabularyTests
{
    /// <summary>The options every command shares by design, with the description each must have ({0}: the command's default).</summary>
    static readonly Dictionary<string, Regex> SharedDescriptions = new()
    {
        ["--dt"] = new(@"^step size in ms \(default [^)]+\)$"),
        ["--t-max"] = new(@"^run length in ms \(default .+\)$"),
        ["--out"] = new(@"^output folder \(default neurofold-out/.+\)$"),
    };

    static List<(string Path, Option Option)> AllOptions()
    {
        var root = App.Build(TextWriter.Null, TextWriter.Null);
        var list = new List<(string, Option)>();
        void Walk(Command command, string path)
        {
            foreach (var o in command.Options.Where(o => !o.Name.StartsWith("--help", StringComparison.Ordinal) && o.Name != "--version" && o.Name != "-h" && o.Name != "-?"))
            {
                list.Add((path, o));
            }

            foreach (var sub in command.Subcommands)
            {
                Walk(sub, path.Length == 0 ? sub.Name : $"{path} {sub.Name}");
            }
        }

        Walk(root, "");
        return list.Where(x => x.Item1.Length > 0 && !x.Item2.GetType().Name.StartsWith("Help", StringComparison.Ordinal)).ToList();
    }

    static IEnumerable<Command> Leaves()
    {
        var root = App.Build(TextWriter.Null, TextWriter.Null);
        var stack = new Stack<Command>(root.Subcommands);
        while (stack.Count > 0)
        {
            var c = stack.Pop();
            if (c.Subcommands.Count == 0)
            {
                yield return c;
            }

            foreach (var s in c.Subcommands)
            {
                stack.Push(s);
            }
        }
    }

    [Fact]
    public void Same_named_options_have_the_same_type_and_unit_in_every_command()
    {
        var groups = AllOptions().GroupBy(x => x.Option.Name).Where(g => g.Count() > 1).ToList();
        Assert.Contains(groups, g => g.Key == "--threads");
        foreach (var g in groups)
        {
            var first = g.First();
            foreach (var (path, option) in g)
            {
                Assert.True(option.ValueType == first.Option.ValueType, $"{option.Name}: {path} reads {option.ValueType.Name}, {first.Path} {first.Option.ValueType.Name}");
                Assert.True(option.HelpName == first.Option.HelpName, $"{option.Name}: {path} says {option.HelpName}, {first.Path} {first.Option.HelpName}");
            }
        }
    }

    [Theory]
    [InlineData("--seed")]
    [InlineData("--threads")]
    [InlineData("--quiet")]
    public void The_shared_options_have_one_help_and_one_default(string name)
    {
        var all = AllOptions().Where(x => x.Option.Name == name).ToList();
        Assert.True(all.Count >= 2, $"{name} is in {all.Count} commands");
        Assert.Single(all.Select(x => x.Option.Description).Distinct());
        Assert.Empty(all.SelectMany(x => x.Option.Aliases));
    }

    [Fact]
    public void Step_length_and_folder_options_say_their_command_default_in_one_wording()
    {
        foreach (var (path, option) in AllOptions().Where(x => SharedDescriptions.ContainsKey(x.Option.Name)))
        {
            Assert.Matches(SharedDescriptions[option.Name], option.Description ?? "");
            Assert.True(option.ValueType == typeof(string), $"{path} {option.Name}");
        }
    }

    [Fact]
    public void Every_command_takes_quiet_and_every_command_that_writes_files_takes_out()
    {
        foreach (var command in Leaves())
        {
            Assert.True(command.Options.Any(o => o.Name == "--quiet"), $"{command.Name} has no --quiet");
        }

        foreach (string name in new[] { "simulate", "run", "gallery", "sweep", "network", "merge" })
        {
            Assert.Contains(Leaves().Single(c => c.Name == name).Options, o => o.Name == "--out");
        }
    }

    [Fact]
    public void Bench_takes_t_max_and_the_old_steps_only_with_a_warning()
    {
        foreach (string workload in new[] { "single", "population", "izhikevich2003", "sparse" })
        {
            Assert.Contains(Leaves().Single(c => c.Name == workload).Options, o => o.Name == "--t-max");
        }

        var r = Cli.Run("bench", "population", "--neurons", "40", "--steps", "100", "--threads", "1");
        Assert.True(r.Exit == 0, r.ToString());
        Assert.Contains("warning: --steps is deprecated; use --t-max", r.Err, StringComparison.Ordinal);
        Assert.Contains("\"steps\":100,", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_alias_is_an_old_spelling_that_works_and_warns()
    {
        using var tmp = new TempFolder();
        var sweep = Cli.Run("sweep", "--grid", "I=0:20:3", "--t-max", "50", "--input", "2", "--out", tmp["s"]);
        Assert.True(sweep.Exit == 0, sweep.ToString());
        Assert.Contains("warning: --input is deprecated; use --constant", sweep.Err, StringComparison.Ordinal);
        var modern = Cli.Run("sweep", "--grid", "I=0:20:3", "--t-max", "50", "--constant", "2", "--out", tmp["t"]);
        Assert.True(modern.Exit == 0, modern.ToString());
        Assert.Equal("", modern.Err);
        Assert.Equal(File.ReadAllBytes(tmp["s/sweep.csv"]), File.ReadAllBytes(tmp["t/sweep.csv"]));
        foreach (var (path, option) in AllOptions().Where(x => x.Option.Aliases.Count > 0))
        {
            Assert.All(option.Aliases, alias => Assert.True(alias.StartsWith("--", StringComparison.Ordinal), $"{path} {option.Name}: {alias}"));
        }
    }

    [Theory]
    [InlineData("--dt", "-1", "simulate")]
    [InlineData("--dt", "x", "sweep", "--grid", "I=0:1:2")]
    [InlineData("--dt", "0", "bench", "single")]
    [InlineData("--t-max", "-5", "simulate")]
    [InlineData("--t-max", "-5", "sweep", "--grid", "I=0:1:2")]
    [InlineData("--t-max", "1.5", "network")]
    [InlineData("--t-max", "-1", "bench", "population")]
    [InlineData("--t-max", "0", "bench", "sparse")]
    [InlineData("--seed", "-3", "network")]
    [InlineData("--seed", "abc", "bench", "population")]
    [InlineData("--seed", "1.5", "bench", "izhikevich2003")]
    [InlineData("--threads", "0", "sweep", "--grid", "I=0:1:2")]
    [InlineData("--threads", "many", "network")]
    [InlineData("--threads", "0", "bench", "single")]
    [InlineData("--out", "", "simulate")]
    [InlineData("--out", "", "gallery")]
    [InlineData("--out", "", "sweep", "--grid", "I=0:1:2")]
    [InlineData("--out", "", "network")]
    public void A_bad_shared_option_is_named_by_its_flag(string flag, string value, params string[] command)
    {
        var r = Cli.Run([.. command, flag, value]);
        Assert.True(r.Exit == ExitCodes.InvalidInput, r.ToString());
        Assert.Matches(new Regex($"(?m)^error: {Regex.Escape(flag)}[ :/]"), r.Err);
    }
}

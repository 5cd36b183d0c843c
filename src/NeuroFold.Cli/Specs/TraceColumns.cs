using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using NeuroFold.IO;

namespace NeuroFold.Cli.Specs;

/// <summary>Which state variables <c>trace.csv</c> holds besides time: <c>v</c> (mV), <c>u</c> (mV/ms), or both.</summary>
/// <param name="V">Keep the membrane potential column <c>v_mV</c>.</param>
/// <param name="U">Keep the recovery variable column <c>u</c>.</param>
internal readonly record struct TraceColumns(bool V, bool U)
{
    /// <summary>Both columns (the default).</summary>
    public static TraceColumns Both => new(true, true);

    /// <summary>The names in the syntax <see cref="Parse"/> reads, in file order (<c>v</c>, <c>u</c>).</summary>
    public IReadOnlyList<string> Names => (V, U) switch
    {
        (true, true) => ["v", "u"],
        (true, false) => ["v"],
        (false, true) => ["u"],
        _ => [],
    };

    /// <summary>Reads a comma-separated list of <c>v</c> and <c>u</c> (at least one, each at most once).</summary>
    public static Validation<Error, TraceColumns> Parse(string field, string text)
    {
        bool v = false;
        bool u = false;
        foreach (string raw in text.Split(','))
        {
            string name = raw.Trim().ToLowerInvariant();
            if (name == "v" && !v)
            {
                v = true;
            }
            else if (name == "u" && !u)
            {
                u = true;
            }
            else
            {
                return Fail<Error, TraceColumns>(Error.New($"{field} must list v and/or u once each, separated by commas; got '{Excerpt.Of(text)}'"));
            }
        }

        return Success<Error, TraceColumns>(new TraceColumns(v, u));
    }

    /// <summary>The list written back as <see cref="Parse"/> reads it.</summary>
    public override string ToString() => string.Join(',', Names);
}

using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using NeuroFold.IO;

namespace NeuroFold.Cli.Specs;

/// <summary>Reads a JSON run spec into the same raw <see cref="SimulateOptions"/> the <c>simulate</c> flags give.</summary>
/// <remarks>
/// The schema is flat and camelCase, one field per <c>simulate</c> flag (see README, "Run specs"). Numbers are passed on
/// as their exact JSON text, so the resolver reads them exactly as it reads flags. Unknown fields, wrong JSON types and
/// missing step parts are all collected, each with its JSON path; a field with the wrong type is left out (as if not
/// given) so the range checks of the other fields still run and every problem is reported at once.
/// </remarks>
internal static class RunSpecReader
{
    /// <summary>The top-level fields a spec may have.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "preset", "a", "b", "c", "d", "v0", "u0", "dt", "tMax", "steps", "constant", "radius", "length", "capacitance",
        "scheme", "record", "recordEvery", "trace", "plot", "out",
    ];

    static readonly string[] StepFields = ["delay", "duration", "amplitude"];

    /// <summary>Parses <paramref name="json"/> (the text of <paramref name="source"/>); malformed JSON is one problem naming line and position.</summary>
    public static (SimulateOptions Options, Seq<Error> Problems) Parse(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            return Read(document.RootElement, "$");
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is long line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            return (SimulateOptions.Empty, Problems.One($"{source}: malformed JSON{where}: {FirstSentence(e.Message)}"));
        }
    }

    /// <summary>Reads the spec object <paramref name="root"/> found at JSON path <paramref name="path"/>.</summary>
    public static (SimulateOptions Options, Seq<Error> Problems) Read(JsonElement root, string path)
    {
        var problems = new List<Error>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Error.New($"{path} must be a JSON object of spec fields, got {Kind(root)}"));
            return (SimulateOptions.Empty, problems.ToSeq().Strict());
        }

        var seen = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        var o = SimulateOptions.Empty;
        foreach (var property in root.EnumerateObject())
        {
            string name = property.Name;
            string at = $"{path}.{name}";
            var value = property.Value;
            if (!seen.Add(name))
            {
                problems.Add(Error.New($"{at} is given twice"));
                continue;
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            o = name switch
            {
                "preset" => o with { Preset = Text(at, value, problems) },
                "a" => o with { A = Number(at, value, problems) },
                "b" => o with { B = Number(at, value, problems) },
                "c" => o with { C = Number(at, value, problems) },
                "d" => o with { D = Number(at, value, problems) },
                "v0" => o with { V0 = Number(at, value, problems) },
                "u0" => o with { U0 = Number(at, value, problems) },
                "dt" => o with { Dt = Number(at, value, problems) },
                "tMax" => o with { TMax = Number(at, value, problems) },
                "steps" => o with { Steps = Steps(at, value, problems) },
                "constant" => o with { Constant = AmplitudeText(at, value, problems) },
                "radius" => o with { Radius = Number(at, value, problems) },
                "length" => o with { Length = Number(at, value, problems) },
                "capacitance" => o with { Capacitance = Number(at, value, problems) },
                "scheme" => o with { Scheme = Text(at, value, problems) },
                "record" => o with { Record = Record(at, value, problems) },
                "recordEvery" => o with { RecordEvery = Number(at, value, problems) },
                "trace" => o with { Trace = Flag(at, value, problems) },
                "plot" => o with { Plot = Flag(at, value, problems) },
                "out" => o with { Out = Text(at, value, problems) },
                _ => Unknown(o, at, problems, Fields),
            };
        }

        return (o, problems.ToSeq().Strict());
    }

    static SimulateOptions Unknown(SimulateOptions o, string at, List<Error> problems, IReadOnlyList<string> known)
    {
        problems.Add(Error.New($"{at} is not a known field; known fields: {string.Join(", ", known)}"));
        return o;
    }

    static string? Number(string at, JsonElement value, List<Error> problems)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetRawText();
        }

        problems.Add(Error.New($"{at} must be a number, got {Kind(value)}"));
        return null;
    }

    static string? Text(string at, JsonElement value, List<Error> problems)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problems.Add(Error.New($"{at} must be a string, got {Kind(value)}"));
        return null;
    }

    static bool? Flag(string at, JsonElement value, List<Error> problems)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        problems.Add(Error.New($"{at} must be true or false, got {Kind(value)}"));
        return null;
    }

    static string? AmplitudeText(string at, JsonElement value, List<Error> problems)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.String:
                string text = value.GetString() ?? "";
                if (text.Contains(',', StringComparison.Ordinal))
                {
                    problems.Add(Error.New($"{at} must be one current such as \"0.012nA\" or \"19uA/cm2\", got '{Excerpt.Of(text)}'"));
                    return null;
                }

                return text;
            default:
                problems.Add(Error.New($"{at} must be a number (uA/cm2) or a string with a unit such as \"0.012nA\", got {Kind(value)}"));
                return null;
        }
    }

    static string? Record(string at, JsonElement value, List<Error> problems)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(Error.New($"{at} must be an array of \"v\" and/or \"u\", got {Kind(value)}"));
            return null;
        }

        var names = new List<string>();
        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (Text($"{at}[{i}]", item, problems) is string s)
            {
                names.Add(s);
            }

            i++;
        }

        return string.Join(',', names);
    }

    static List<string> Steps(string at, JsonElement value, List<Error> problems)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(Error.New($"{at} must be an array of {{\"delay\": ms, \"duration\": ms, \"amplitude\": current}} objects, got {Kind(value)}"));
            return [];
        }

        var steps = new List<string>();
        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            string here = $"{at}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(Error.New($"{here} must be an object {{\"delay\": ms, \"duration\": ms, \"amplitude\": current}}, got {Kind(item)}"));
                steps.Add("0,0,0");
                continue;
            }

            string? delay = null;
            string? duration = null;
            string? amplitude = null;
            foreach (var part in item.EnumerateObject())
            {
                string partAt = $"{here}.{part.Name}";
                switch (part.Name)
                {
                    case "delay":
                        delay = Number(partAt, part.Value, problems);
                        break;
                    case "duration":
                        duration = Number(partAt, part.Value, problems);
                        break;
                    case "amplitude":
                        amplitude = AmplitudeText(partAt, part.Value, problems);
                        break;
                    default:
                        problems.Add(Error.New($"{partAt} is not a known field; known fields: {string.Join(", ", StepFields)}"));
                        break;
                }
            }

            Require(here, "delay", delay, problems);
            Require(here, "duration", duration, problems);
            Require(here, "amplitude", amplitude, problems);
            // A part that is missing or of the wrong type is held by a valid placeholder, so the resolver still checks the
            // other parts and its messages keep the JSON indices; the reader's problem already makes the run fail.
            steps.Add($"{delay ?? "0"},{duration ?? "0"},{amplitude ?? "0"}");
        }

        return steps;
    }

    static void Require(string at, string part, string? value, List<Error> problems)
    {
        if (value is null && !problems.Exists(e => e.Message.StartsWith($"{at}.{part} ", StringComparison.Ordinal)))
        {
            problems.Add(Error.New($"{at}.{part} is required"));
        }
    }

    static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    static string FirstSentence(string message)
    {
        foreach (string marker in new[] { " Path:", " LineNumber:" })
        {
            int cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message;
    }
}

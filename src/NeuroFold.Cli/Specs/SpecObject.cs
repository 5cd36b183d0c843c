using System.Text.Json;
using LanguageExt.Common;

namespace NeuroFold.Cli.Specs;

/// <summary>Reads the fields of a JSON spec object as the text a flag would give, collecting every problem with its JSON path.</summary>
/// <remarks>
/// Numbers are passed on as their exact JSON text, so a resolver reads a spec field exactly as it reads the flag. A field
/// of the wrong type is reported and then treated as not given, so the checks of the other fields still run. Unknown
/// fields and fields given twice are reported.
/// </remarks>
internal sealed class SpecObject
{
    readonly Dictionary<string, JsonElement> fields = new(StringComparer.Ordinal);
    readonly FieldNames names;

    public SpecObject(JsonElement element, FieldNames names, IReadOnlyList<string> known, string path = "$")
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(known);
        this.names = names;
        if (element.ValueKind != JsonValueKind.Object)
        {
            Problems.Add(Error.New($"{path} must be a JSON object of spec fields, got {Kind(element)}"));
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                Problems.Add(Error.New($"{names.Of(property.Name)} is not a known field; known fields: {string.Join(", ", known)}"));
            }
            else if (!fields.TryAdd(property.Name, property.Value))
            {
                Problems.Add(Error.New($"{names.Of(property.Name)} is given twice"));
            }
        }
    }

    /// <summary>Every problem found so far.</summary>
    public List<Error> Problems { get; } = [];

    /// <summary>A number field as its JSON text; null when absent or null.</summary>
    public string? Number(string field) => Get(field, JsonValueKind.Number, "a number", v => v.GetRawText());

    /// <summary>A string field; null when absent or null.</summary>
    public string? Text(string field) => Get(field, JsonValueKind.String, "a string", v => v.GetString());

    /// <summary>A number or string field as text (amplitudes: <c>19</c> or <c>"0.012nA"</c>); null when absent or null.</summary>
    public string? NumberOrText(string field)
    {
        if (!fields.TryGetValue(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind is JsonValueKind.Number or JsonValueKind.String)
        {
            return v.ValueKind == JsonValueKind.Number ? v.GetRawText() : v.GetString();
        }

        Problems.Add(Error.New($"{names.Of(field)} must be a number or a string, got {Kind(v)}"));
        return null;
    }

    /// <summary>A true/false field; null when absent or null.</summary>
    public bool? Flag(string field)
    {
        if (!fields.TryGetValue(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        Problems.Add(Error.New($"{names.Of(field)} must be true or false, got {Kind(v)}"));
        return null;
    }

    /// <summary>An array of strings; empty when absent or null.</summary>
    public IReadOnlyList<string> Texts(string field)
    {
        if (!fields.TryGetValue(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            Problems.Add(Error.New($"{names.Of(field)} must be an array of strings, got {Kind(v)}"));
            return [];
        }

        var list = new List<string>();
        int i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(item.GetString() ?? "");
            }
            else
            {
                Problems.Add(Error.New($"{names.Item(field, i)} must be a string, got {Kind(item)}"));
            }

            i++;
        }

        return list;
    }

    /// <summary>A file recorded as <c>{"path": …, "sha256": …}</c> (or null); the hash is kept to check the file is unchanged.</summary>
    public (string Path, string? Sha256)? File(string field)
    {
        if (!fields.TryGetValue(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.String)
        {
            return (v.GetString() ?? "", null);
        }

        if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String)
        {
            string? sha = v.TryGetProperty("sha256", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            return (p.GetString() ?? "", sha);
        }

        Problems.Add(Error.New($"{names.Of(field)} must be a path, or an object {{\"path\": …, \"sha256\": …}}, or null"));
        return null;
    }

    /// <summary>Describes a JSON value for a message.</summary>
    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Shorten(value.GetString() ?? "")}\"",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>At most 80 characters of a value, for messages.</summary>
    public static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    string? Get(string field, JsonValueKind kind, string what, Func<JsonElement, string?> read)
    {
        if (!fields.TryGetValue(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == kind)
        {
            return read(v);
        }

        Problems.Add(Error.New($"{names.Of(field)} must be {what}, got {Kind(v)}"));
        return null;
    }
}

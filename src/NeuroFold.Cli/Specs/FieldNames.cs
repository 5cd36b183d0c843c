namespace NeuroFold.Cli.Specs;

/// <summary>How a validation message names a field: as a command-line flag (<c>--t-max</c>) or as a JSON path (<c>$.tMax</c>).</summary>
/// <remarks>
/// Fields are keyed by their spec (camelCase) name; <see cref="Of"/> gives the name the user wrote. Every command's
/// resolver names its fields through this, so a flag is always called by its flag and a spec field by its JSON path.
/// </remarks>
internal abstract record FieldNames
{
    /// <summary>Names fields as flags: <c>tMax</c> is <c>--t-max</c>.</summary>
    public static FieldNames Flags { get; } = new FlagNames();

    /// <summary>Names fields as JSON paths into a spec (<c>$.dt</c>).</summary>
    public static FieldNames Json { get; } = new JsonNames("$");

    /// <summary>Names fields as JSON paths into a spec object found at <paramref name="root"/> (e.g. <c>$.spec</c>).</summary>
    public static FieldNames JsonAt(string root) => new JsonNames(root);

    /// <summary>These names, except that <paramref name="field"/> is called <paramref name="name"/> (a field set by a flag instead).</summary>
    public FieldNames With(string field, string name) => new Renamed(this, field, name);

    /// <summary>The name of spec field <paramref name="field"/> (camelCase, e.g. <c>tMax</c>).</summary>
    public abstract string Of(string field);

    /// <summary>The name of element <paramref name="index"/> (0-based) of list field <paramref name="field"/>, or of its part <paramref name="part"/>.</summary>
    public abstract string Item(string field, int index, string part = "");

    /// <summary>The name of part <paramref name="part"/> (delay, duration, amplitude; empty for the whole) of step <paramref name="index"/> (0-based).</summary>
    public string Step(int index, string part) => Item("steps", index, part);

    /// <summary>The flag of a spec field: camelCase becomes kebab-case; a few fields have flags of their own.</summary>
    public static string FlagOf(string field) => field switch
    {
        "steps" => "--step",
        "trace" => "--no-trace",
        "plot" => "--no-plot",
        _ => "--" + string.Concat(field.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString())),
    };

    sealed record FlagNames : FieldNames
    {
        public override string Of(string field) => FlagOf(field);

        public override string Item(string field, int index, string part = "") =>
            part.Length == 0 ? $"{FlagOf(field)} #{index + 1}" : $"{FlagOf(field)} #{index + 1} {part}";
    }

    sealed record JsonNames(string Root) : FieldNames
    {
        public override string Of(string field) => $"{Root}.{field}";

        public override string Item(string field, int index, string part = "") =>
            part.Length == 0 ? $"{Root}.{field}[{index}]" : $"{Root}.{field}[{index}].{part}";
    }

    sealed record Renamed(FieldNames Inner, string Field, string Name) : FieldNames
    {
        public override string Of(string field) => field == Field ? Name : Inner.Of(field);

        public override string Item(string field, int index, string part = "") => Inner.Item(field, index, part);
    }
}

using System.Globalization;
using System.Text;

namespace NeuroFold.IO;

/// <summary>A parser of the Python literals a <c>.npy</c> header is made of (what <c>ast.literal_eval</c> would accept of them).</summary>
/// <remarks>
/// Accepts dicts, tuples, lists, strings ('…' or "…", with backslash escapes), integers (an old trailing <c>L</c>
/// included), <c>True</c>, <c>False</c> and <c>None</c>, with Python's spacing and trailing commas. A dict that gives
/// a key twice is an error (Python would silently keep the last value).
/// </remarks>
internal static class PythonLiteral
{
    /// <summary>A parsed value: <see cref="string"/>, <see cref="long"/>, <see cref="bool"/>, null (None), <see cref="Tuple"/>, <see cref="List"/> or <see cref="Dict"/>.</summary>
    internal sealed record Tuple(IReadOnlyList<object?> Items);

    /// <summary>A list literal.</summary>
    internal sealed record List(IReadOnlyList<object?> Items);

    /// <summary>A dict literal with string keys, in the order written.</summary>
    internal sealed record Dict(IReadOnlyList<KeyValuePair<string, object?>> Entries);

    /// <summary>Parses <paramref name="text"/> as one literal; the error says where it stops making sense.</summary>
    public static (object? Value, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var p = new Parser(text);
        try
        {
            p.Skip();
            object? value = p.Value(0);
            p.Skip();
            return p.AtEnd ? (value, null) : (null, $"unexpected '{p.Peek}' at character {p.Position + 1}");
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    sealed class Parser(string text)
    {
        const int MaxDepth = 32;
        int pos;

        public bool AtEnd => pos >= text.Length;

        public int Position => pos;

        public char Peek => pos < text.Length ? text[pos] : '\0';

        public void Skip()
        {
            while (pos < text.Length && text[pos] is ' ' or '\t' or '\n' or '\r')
            {
                pos++;
            }
        }

        public object? Value(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new FormatException($"nesting deeper than {MaxDepth} at character {pos + 1}");
            }

            Skip();
            if (AtEnd)
            {
                throw new FormatException("the literal ends too early");
            }

            char c = text[pos];
            switch (c)
            {
                case '{':
                    return DictLiteral(depth);
                case '(':
                    pos++;
                    return new Tuple(Items(')', depth, tuple: true));
                case '[':
                    pos++;
                    return new List(Items(']', depth, tuple: false));
                case '\'' or '"':
                    return StringLiteral();
                default:
                    if (c is '-' or '+' || char.IsAsciiDigit(c))
                    {
                        return Integer();
                    }

                    foreach (var (word, value) in new (string, object?)[] { ("True", true), ("False", false), ("None", null) })
                    {
                        if (string.CompareOrdinal(text, pos, word, 0, word.Length) == 0 && (pos + word.Length == text.Length || !char.IsAsciiLetterOrDigit(text[pos + word.Length])))
                        {
                            pos += word.Length;
                            return value;
                        }
                    }

                    throw new FormatException($"unexpected '{c}' at character {pos + 1}");
            }
        }

        Dict DictLiteral(int depth)
        {
            pos++;
            var entries = new List<KeyValuePair<string, object?>>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                Skip();
                if (Peek == '}')
                {
                    pos++;
                    return new Dict(entries);
                }

                int at = pos;
                if (Value(depth + 1) is not string key)
                {
                    throw new FormatException($"a dict key must be a string (at character {at + 1})");
                }

                if (!seen.Add(key))
                {
                    throw new FormatException($"the key '{Excerpt.Of(key)}' is given twice (Python would keep the last value silently)");
                }

                Skip();
                Expect(':');
                entries.Add(new(key, Value(depth + 1)));
                Skip();
                if (Peek == ',')
                {
                    pos++;
                }
                else if (Peek != '}')
                {
                    throw new FormatException($"expected ',' or '}}' at character {pos + 1}");
                }
            }
        }

        List<object?> Items(char close, int depth, bool tuple)
        {
            var items = new List<object?>();
            bool comma = false;
            while (true)
            {
                Skip();
                if (Peek == close)
                {
                    pos++;
                    if (tuple && items.Count == 1 && !comma)
                    {
                        // (x) is x in Python, not a tuple; a header's one-dimensional shape is written (n,).
                        throw new FormatException("a one-element tuple must be written (x,)");
                    }

                    return items;
                }

                items.Add(Value(depth + 1));
                Skip();
                comma = false;
                if (Peek == ',')
                {
                    pos++;
                    comma = true;
                }
                else if (Peek != close)
                {
                    throw new FormatException($"expected ',' or '{close}' at character {pos + 1}");
                }
            }
        }

        string StringLiteral()
        {
            char quote = text[pos++];
            var s = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw new FormatException("a string is not closed");
                }

                char c = text[pos++];
                if (c == quote)
                {
                    return s.ToString();
                }

                if (c is '\n' or '\r')
                {
                    throw new FormatException("a string runs over a line end");
                }

                if (c != '\\')
                {
                    s.Append(c);
                    continue;
                }

                if (AtEnd)
                {
                    throw new FormatException("a string ends in a backslash");
                }

                char e = text[pos++];
                s.Append(e switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '0' => '\0',
                    '\\' or '\'' or '"' => e,
                    _ => throw new FormatException($"the escape '\\{e}' is not supported in a .npy header"),
                });
            }
        }

        long Integer()
        {
            int start = pos;
            if (text[pos] is '-' or '+')
            {
                pos++;
            }

            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                pos++;
            }

            string digits = text[start..pos];
            if (pos < text.Length && text[pos] is 'L' or 'l')
            {
                pos++; // Python 2 long, as old NumPy wrote shapes
            }

            if (pos < text.Length && (text[pos] is '.' or 'e' or 'E' or 'j' || char.IsAsciiLetter(text[pos])))
            {
                throw new FormatException($"only whole numbers are expected here (at character {start + 1})");
            }

            return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n)
                ? n
                : throw new FormatException($"the number '{Excerpt.Of(digits)}' at character {start + 1} is not a whole number in range");
        }

        void Expect(char c)
        {
            if (Peek != c)
            {
                throw new FormatException($"expected '{c}' at character {pos + 1}");
            }

            pos++;
        }
    }
}

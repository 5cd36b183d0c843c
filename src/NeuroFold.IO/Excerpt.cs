namespace NeuroFold.IO;

/// <summary>How a message quotes a value the user gave: at most about 100 characters of it, so a huge value never floods the terminal.</summary>
public static class Excerpt
{
    /// <summary>The longest part of a value a message quotes.</summary>
    public const int MaxCharacters = 100;

    /// <summary><paramref name="text"/> itself when short; else its first characters and how many were left out.</summary>
    /// <remarks>Control characters (a newline, an escape sequence) are shown as <c>\uXXXX</c>, so a value cannot rewrite the terminal.</remarks>
    public static string Of(string? text)
    {
        if (text is null)
        {
            return "(null)";
        }

        int shown = Math.Min(text.Length, MaxCharacters);
        var builder = new System.Text.StringBuilder(shown + 40);
        for (int i = 0; i < shown; i++)
        {
            char ch = text[i];
            if (char.IsControl(ch))
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)ch:x4}");
            }
            else
            {
                builder.Append(ch);
            }
        }

        if (text.Length > shown)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"… ({text.Length - shown} more characters)");
        }

        return builder.ToString();
    }
}

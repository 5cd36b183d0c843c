using LanguageExt;
using LanguageExt.Common;
using NeuroFold.IO;
using NeuroFold.IO.Files;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Execution;

/// <summary>The rules an output folder must meet, checked before a run starts, so that a bad folder costs no simulation time.</summary>
/// <remarks>
/// A run replaces its folder as a whole (<see cref="Output.Transactions.OutputSet"/>), staging the new set beside it:
/// so the folder must not be the root, the current working folder or a mount point, its parent must be writable, and
/// a link to a folder stands for the folder it names.
/// </remarks>
internal static class OutputFolder
{
    /// <summary>The longest folder name (a transaction's entries beside it add up to 40 characters to it).</summary>
    public const int MaxNameLength = 200;

    /// <summary>Succeeds with the full path of <paramref name="dir"/> when a run can write there; creates nothing that stays.</summary>
    public static Validation<Error, string> Check(string field, string dir) =>
        Locate(field, dir).Bind(full => Writable(field, dir, Path.GetDirectoryName(full)!).Map(_ => full));

    /// <summary>The full path of the folder <paramref name="dir"/> names (a link resolved), when it may be an output folder.</summary>
    public static Validation<Error, string> Locate(string field, string dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        string quoted = Excerpt.Of(dir);
        if (string.IsNullOrWhiteSpace(dir))
        {
            return Fail<Error, string>(Error.New($"{field} must be a folder path, got {(dir.Length == 0 ? "an empty string" : "only blanks")}"));
        }

        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
            var link = new DirectoryInfo(full);
            if (link.LinkTarget is not null)
            {
                full = Path.TrimEndingDirectorySeparator(link.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full);
            }
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            return Fail<Error, string>(Error.New($"{field} is not a usable folder path ('{quoted}': {e.Message})"));
        }

        string? parent = Path.GetDirectoryName(full);
        if (parent is null)
        {
            return Fail<Error, string>(Error.New($"{field} cannot be the root folder ('{quoted}'); a run replaces its folder as a whole"));
        }

        if (Path.GetFileName(full).Length > MaxNameLength)
        {
            return Fail<Error, string>(Error.New($"{field}: the folder name is longer than {MaxNameLength} characters ('{quoted}')"));
        }

        string cwd = Path.TrimEndingDirectorySeparator(Environment.CurrentDirectory);
        if (string.Equals(full, cwd, StringComparison.Ordinal))
        {
            return Fail<Error, string>(Error.New($"{field} is the current working folder ('{quoted}'); a run replaces its folder as a whole, so give a folder inside it (for example {field} ./out)"));
        }

        var facts = FileFacts.Of(full);
        string? kind = facts.Kind switch
        {
            FileKind.Missing or FileKind.Directory => null,
            FileKind.Regular => "a file",
            FileKind.SymbolicLink => "a link that leads nowhere",
            _ => "not a folder (a pipe, device or socket)",
        };
        if (kind is not null)
        {
            return Fail<Error, string>(Error.New($"{field} must be a folder, but '{quoted}' is {kind}"));
        }

        for (string? p = parent; p is not null; p = Path.GetDirectoryName(p))
        {
            var up = FileFacts.Of(p);
            if (up.Kind == FileKind.Missing)
            {
                continue;
            }

            if (up.Kind != FileKind.Directory && !(up.Kind == FileKind.SymbolicLink && Directory.Exists(p)))
            {
                return Fail<Error, string>(Error.New($"{field} cannot be created: '{Excerpt.Of(p)}' is a file, not a folder"));
            }

            break;
        }

        if (facts.Kind == FileKind.Directory && FileFacts.Of(parent) is { Kind: FileKind.Directory } above && above.Device != 0 && above.Device != facts.Device)
        {
            return Fail<Error, string>(Error.New($"{field}: '{quoted}' is a mount point; a run replaces its folder as a whole, so give a folder inside it"));
        }

        return Success<Error, string>(full);
    }

    /// <summary>Succeeds when files can be created in <paramref name="parent"/>, or in its nearest existing ancestor.</summary>
    static Validation<Error, Unit> Writable(string field, string dir, string parent)
    {
        string? existing = parent;
        while (existing is not null && !Directory.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing);
        }

        if (existing is null)
        {
            return Fail<Error, Unit>(Error.New($"{field} cannot be created: no part of '{Excerpt.Of(dir)}' exists"));
        }

        try
        {
            string probe = Path.Combine(existing, $".neurofold-probe-{Guid.NewGuid():N}.tmp");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return Success<Error, Unit>(unit);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return Fail<Error, Unit>(Error.New($"{field} is not writable: a run stages its files in '{Excerpt.Of(existing)}', which cannot be written ({e.Message})"));
        }
    }
}

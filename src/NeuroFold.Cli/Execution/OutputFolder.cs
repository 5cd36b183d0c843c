using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace NeuroFold.Cli.Execution;

/// <summary>Checks, before a run starts, that its output folder can be created and written, so that a bad folder costs no simulation time.</summary>
internal static class OutputFolder
{
    /// <summary>Succeeds with the full path of <paramref name="dir"/> when files can be written there; creates nothing that stays.</summary>
    /// <remarks>
    /// Walks up to the nearest folder that exists and creates (and at once deletes) a probe file in it; a path that is a
    /// file, or runs through a file, or lies where the user may not write, is reported under <paramref name="field"/>.
    /// </remarks>
    public static Validation<Error, string> Check(string field, string dir)
    {
        string full;
        try
        {
            full = Path.GetFullPath(dir);
        }
        catch (ArgumentException e)
        {
            return Fail<Error, string>(Error.New($"{field} is not a valid folder path ('{dir}': {e.Message})"));
        }

        if (File.Exists(full))
        {
            return Fail<Error, string>(Error.New($"{field} must be a folder, but '{dir}' is a file"));
        }

        string? existing = full;
        while (existing is not null && !Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                return Fail<Error, string>(Error.New($"{field} cannot be created: '{existing}' is a file, not a folder"));
            }

            existing = Path.GetDirectoryName(existing);
        }

        if (existing is null)
        {
            return Fail<Error, string>(Error.New($"{field} cannot be created: no part of '{dir}' exists"));
        }

        try
        {
            string probe = Path.Combine(existing, $".neurofold-probe-{Guid.NewGuid():N}.tmp");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return Success<Error, string>(full);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail<Error, string>(Error.New($"{field} is not writable: cannot write in '{existing}' ({e.Message})"));
        }
        catch (IOException e)
        {
            return Fail<Error, string>(Error.New($"{field} is not writable: cannot write in '{existing}' ({e.Message})"));
        }
    }
}

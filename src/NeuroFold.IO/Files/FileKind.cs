namespace NeuroFold.IO.Files;

/// <summary>What a path names, without following a final symbolic link.</summary>
public enum FileKind
{
    /// <summary>Nothing exists there.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A symbolic link (not followed).</summary>
    SymbolicLink,

    /// <summary>A named pipe: reading it waits for a writer.</summary>
    Fifo,

    /// <summary>A character device such as <c>/dev/zero</c>: reading it may never end.</summary>
    CharacterDevice,

    /// <summary>A block device.</summary>
    BlockDevice,

    /// <summary>A socket.</summary>
    Socket,

    /// <summary>Something else, or a kind this platform cannot tell.</summary>
    Other,
}

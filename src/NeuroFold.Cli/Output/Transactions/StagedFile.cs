using NeuroFold.Cli.Execution;

namespace NeuroFold.Cli.Output.Transactions;

/// <summary>One output being written into a transaction's stage; its bytes are hashed and counted as they are written.</summary>
internal sealed class StagedFile : IDisposable
{
    readonly OutputSet set;
    readonly string name;
    readonly FileStream file;
    readonly HashingStream hashing;
    bool done;

    internal StagedFile(OutputSet set, string name, FileStream file)
    {
        this.set = set;
        this.name = name;
        this.file = file;
        hashing = new HashingStream(file);
    }

    /// <summary>Where to write the bytes.</summary>
    public Stream Stream => hashing;

    /// <summary>Flushes the file to the disk and records it as an output of the set.</summary>
    public void Complete()
    {
        if (done)
        {
            return;
        }

        hashing.Flush();
        set.Ops.Flush(file);
        set.Completed(name, hashing.BytesWritten, hashing.Sha256Hex());
        done = true;
    }

    /// <summary>Closes the file; an incomplete one stays in the stage, which is deleted unless the set is committed.</summary>
    public void Dispose()
    {
        hashing.Dispose();
        file.Dispose();
    }
}

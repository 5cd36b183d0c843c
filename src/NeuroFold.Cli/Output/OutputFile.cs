namespace NeuroFold.Cli.Output;

/// <summary>One output file as the manifest records it.</summary>
/// <param name="File">File name inside the output folder (no folder part).</param>
/// <param name="Bytes">Length in bytes.</param>
/// <param name="Sha256">SHA-256 of the contents, lower-case hex.</param>
internal sealed record OutputFile(string File, long Bytes, string Sha256);

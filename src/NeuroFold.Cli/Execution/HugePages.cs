using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NeuroFold.Core.Networks;

namespace NeuroFold.Cli.Execution;

/// <summary>Asks Linux to back the rows of a sparse network with 2 MB pages (<c>madvise(MADV_COLLAPSE)</c>), a placement hint that changes no value.</summary>
/// <remarks>
/// <para>
/// A spike reads its neuron's row, a random place in the network's 12 bytes per synapse (120 MB for W4). With 4 kB
/// pages nearly every row is also a miss of the address-translation cache, and under a hypervisor each miss is a
/// nested page walk. With 2 MB pages the 120 MB are 60 entries. In a stand-alone delivery loop (W4's rows, 1322
/// random spikes per step) this took the time per event down by 13–20 %.
/// </para>
/// <para>
/// <c>MADV_COLLAPSE</c> (Linux 6.1 and later) copies the already written pages of the 2 MB-aligned interior of each
/// array into huge pages at once, whatever the system's transparent-huge-page mode. Where it is missing, refused or
/// out of huge pages, or where no C library answers to "libc", nothing happens and the run is the same, only slower; on
/// other systems this does nothing. The
/// arrays are large-object-heap arrays, which the collector does not move.
/// </para>
/// </remarks>
internal static class HugePages
{
    const int MadvCollapse = 25;
    const long Huge = 2L << 20;

    /// <summary>Advises the targets and weights of <paramref name="connectivity"/> when it is sparse; returns how many bytes were collapsed (0 when none).</summary>
    public static long Collapse(Connectivity connectivity) =>
        connectivity is Connectivity.Sparse sparse ? Collapse(sparse.Targets) + Collapse(sparse.Weights) : 0;

    static long Collapse<T>(ImmutableArray<T> array)
        where T : unmanaged
    {
        long bytes = (long)array.Length * Unsafe.SizeOf<T>();
        if (!OperatingSystem.IsLinux() || bytes < 2 * Huge)
        {
            return 0;
        }

        var handle = GCHandle.Alloc(ImmutableCollectionsMarshal.AsArray(array), GCHandleType.Pinned);
        try
        {
            long start = handle.AddrOfPinnedObject();
            long first = (start + Huge - 1) & ~(Huge - 1);
            long last = (start + bytes) & ~(Huge - 1);
            return last > first && Madvise((nint)first, (nuint)(last - first), MadvCollapse) == 0 ? last - first : 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 0; // a C library this process cannot open by the name "libc": no advice, the same run
        }
        finally
        {
            handle.Free();
        }
    }

    [DllImport("libc", EntryPoint = "madvise", SetLastError = true)]
    static extern int Madvise(nint address, nuint length, int advice);
}

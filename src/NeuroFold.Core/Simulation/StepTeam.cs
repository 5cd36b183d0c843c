using System.Runtime.ExceptionServices;
using System.Threading;

namespace NeuroFold.Core.Simulation;

/// <summary>
/// Runs one action for members 0 … n − 1 at once, many times in a row (once per simulation step): member 0 on the
/// calling thread, the others on threads of their own that wait for the next round by spinning; with one member, on
/// the calling thread alone.
/// </summary>
/// <remarks>
/// <para>
/// A network step takes well under a millisecond, and the kernels start one round per step. <see cref="System.Threading.Tasks.Parallel.For(int, int, Action{int})"/>
/// hands each round to the thread pool, whose workers park between rounds and are woken again: tens of microseconds
/// per step on a virtual machine, several percent of W4's run. Here the members wait with a <see cref="SpinWait"/> (it
/// spins, then yields, never sleeps), so a round starts and ends within a few hundred nanoseconds on free cores.
/// </para>
/// <para>
/// Which member does what never depends on timing, so the results are those of any other schedule. A member's
/// exception ends the round; the first one is rethrown by <see cref="Run"/> once every member has finished. A waiting
/// member soon only yields its processor, so a team with more members than processors (a thread count the caller
/// chose) still gets through its rounds, only without the gain. The team does not look at the machine: how many
/// members, and so threads, is the caller's choice. Dispose the team to stop its threads.
/// </para>
/// </remarks>
internal sealed class StepTeam : IDisposable
{
    readonly Action<int> body;
    readonly int members;
    readonly Thread[] helpers;
    int round;
    int remaining;
    volatile bool stopping;
    Exception? failure;

    /// <summary>Starts the <paramref name="members"/> − 1 helper threads; <paramref name="body"/>(k) is member k's part of a round.</summary>
    public StepTeam(int members, Action<int> body)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        this.body = body;
        this.members = members;
        helpers = new Thread[members - 1];
        for (int k = 0; k < helpers.Length; k++)
        {
            int member = k + 1;
            helpers[k] = new Thread(() => Serve(member)) { IsBackground = true, Name = $"neurofold step member {member}" };
            helpers[k].Start();
        }
    }

    /// <summary>Runs one round: <c>body(k)</c> for every member k; returns when all have finished.</summary>
    public void Run()
    {
        ObjectDisposedException.ThrowIf(stopping, this);
        if (members == 1)
        {
            body(0);
            return;
        }

        Volatile.Write(ref remaining, helpers.Length);
        Interlocked.Increment(ref round);
        try
        {
            body(0);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref failure, e, null);
        }

        var spin = default(SpinWait);
        while (Volatile.Read(ref remaining) > 0)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        var error = Interlocked.Exchange(ref failure, null);
        if (error is not null)
        {
            ExceptionDispatchInfo.Capture(error).Throw();
        }
    }

    /// <summary>Stops the helper threads (after the round in progress, if any).</summary>
    public void Dispose()
    {
        if (stopping)
        {
            return;
        }

        stopping = true;
        foreach (var helper in helpers)
        {
            helper.Join();
        }
    }

    void Serve(int member)
    {
        int seen = 0;
        while (true)
        {
            var spin = default(SpinWait);
            int next;
            while ((next = Volatile.Read(ref round)) == seen)
            {
                if (stopping)
                {
                    return;
                }

                spin.SpinOnce(sleep1Threshold: -1);
            }

            seen = next;
            try
            {
                body(member);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }

            Interlocked.Decrement(ref remaining);
        }
    }
}

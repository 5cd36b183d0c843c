using NeuroFold.Core.Simulation;
using Xunit;

namespace NeuroFold.Core.Tests.Kernels;

/// <summary>The per-step team of the network kernels: every member runs exactly once per round, a round ends only when all have, failures reach the caller.</summary>
public sealed class StepTeamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(64)] // more members than processors: waiting members yield theirs
    public void Every_member_runs_once_per_round_and_the_round_ends_after_all(int members)
    {
        var last = new int[members];
        var runs = new int[members];
        int round = 0;
        using var team = new StepTeam(members, k =>
        {
            runs[k]++;
            Volatile.Write(ref last[k], Volatile.Read(ref round));
        });
        for (round = 1; round <= 2000; round++)
        {
            team.Run();
            for (int k = 0; k < members; k++)
            {
                Assert.Equal(round, Volatile.Read(ref last[k]));
            }
        }

        Assert.All(runs, r => Assert.Equal(2000, r));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_members_exception_reaches_the_caller_after_the_round_and_the_team_goes_on(int failing)
    {
        var runs = new int[2];
        bool fail = true;
        using var team = new StepTeam(2, k =>
        {
            Interlocked.Increment(ref runs[k]);
            if (fail && k == failing)
            {
                throw new InvalidOperationException($"member {k}");
            }
        });
        var error = Assert.Throws<InvalidOperationException>(team.Run);
        Assert.Equal($"member {failing}", error.Message);
        Assert.Equal([1, 1], runs);
        fail = false;
        team.Run();
        Assert.Equal([2, 2], runs);
    }

    [Fact]
    public void A_disposed_team_refuses_a_round()
    {
        var team = new StepTeam(2, _ => { });
        team.Run();
        team.Dispose();
        team.Dispose();
        Assert.Throws<ObjectDisposedException>(team.Run);
    }
}

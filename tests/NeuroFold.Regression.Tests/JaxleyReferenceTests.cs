using NeuroFold.Core.Cells;
using NeuroFold.Core.Models;
using NeuroFold.Core.Simulation;
using NeuroFold.Core.Stimuli;

namespace NeuroFold.Regression.Tests;

/// <summary>NeuroFold's default scheme against a transcription of Jaxley's own code path (Reference/jaxley_reference.py).</summary>
public class JaxleyReferenceTests
{
    /// <summary>
    /// Default <c>jx.Cell()</c> with the <c>Izhikevich</c> channel, <c>jx.step_current(10, 180, 0.012, 0.1, 200)</c>,
    /// v0 = −70, u0 = 0 (uninitialised channel state): 2001 rows, agreement to 1e-8 mV (measured: 2.1e-11 mV).
    /// </summary>
    [Fact]
    public void Step_current_run_matches_the_Jaxley_code_path_to_1e_8_mV()
    {
        var reference = ReferenceData.Rows("jaxley_step_current.csv");
        var grid = TimeGrid.Create(0.1, 200).Match(Succ: g => g, Fail: _ => throw new InvalidOperationException());
        var compartment = Compartment.Default;
        var stimulus = new StepCurrent(10, 180, compartment.ToCurrentDensity(0.012));
        var result = Simulation.Run(IzhikevichParameters.Default, new IzhikevichState(-70, 0), grid, stimulus, compartment);

        Assert.Equal(2001, reference.Count);
        Assert.Equal(2001, result.Trace.Count);
        for (int i = 0; i < reference.Count; i++)
        {
            Assert.Equal(reference[i][0], result.Trace.TimeMs[i], 1e-12);
            Assert.True(Math.Abs(reference[i][1] - result.Trace.VMv[i]) <= 1e-8, $"row {i}: v {result.Trace.VMv[i]} vs {reference[i][1]}");
            Assert.True(Math.Abs(reference[i][2] - result.Trace.U[i]) <= 1e-8, $"row {i}: u {result.Trace.U[i]} vs {reference[i][2]}");
        }
    }
}

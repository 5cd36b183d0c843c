using NeuroFold.Core.Stimuli;

namespace NeuroFold.Regression.Tests;

/// <summary>Step counts and stimulus windows against values CPython computed (Reference/python_grid.py).</summary>
public class PythonGridTests
{
    [Fact]
    public void Step_counts_and_windows_equal_CPython_for_every_tabulated_case()
    {
        var rows = ReferenceData.Rows("python_grid.csv");
        Assert.True(rows.Count > 400);
        foreach (var r in rows)
        {
            double dt = r[0], tMax = r[1], delay = r[2], dur = r[3];
            var grid = TimeGrid.Create(dt, tMax).Match(Succ: g => g, Fail: _ => throw new InvalidOperationException());
            var step = new StepCurrent(delay, dur, 1.0);
            Assert.True((int)r[4] == grid.Steps, $"dt={dt}, t_max={tMax}: steps {grid.Steps}, CPython {r[4]}");
            Assert.True((long)r[5] == step.FirstStep(dt), $"dt={dt}, delay={delay}: start {step.FirstStep(dt)}, CPython {r[5]}");
            Assert.True((long)r[6] == step.EndStep(dt), $"dt={dt}, delay+dur={delay + dur}: end {step.EndStep(dt)}, CPython {r[6]}");
        }
    }
}

using NeuroFold.Core.Cells;
using NeuroFold.Core.Stimuli;
using NeuroFold.Core.Tests.Support;

namespace NeuroFold.Core.Tests;

public class StimulusTests
{
    static readonly TimeGrid Grid = Grids.Steps(0.1, 6);

    [Fact]
    public void Constant_current_is_the_same_on_every_step() =>
        Assert.Equal([2.5, 2.5, 2.5, 2.5, 2.5, 2.5], new ConstantCurrent(2.5).Sample(Grid).ToArray());

    [Fact]
    public void Sampled_current_is_zero_past_its_end_and_ignores_extra_samples()
    {
        Assert.Equal([1.0, 2.0, 0, 0, 0, 0], new SampledCurrent([1.0, 2.0]).Sample(Grid).ToArray());
        Assert.Equal([1.0, 2, 3, 4, 5, 6], new SampledCurrent([1.0, 2, 3, 4, 5, 6, 7, 8]).Sample(Grid).ToArray());
    }

    [Fact]
    public void Composite_stimuli_add_up_in_order()
    {
        var s = new CompositeStimulus([new ConstantCurrent(1), new StepCurrent(0.2, 0.2, 10)]);
        // int(0.2/0.1) = 2, int(0.4/0.1) = 4 (CPython): steps 2 and 3 carry the step.
        Assert.Equal([1.0, 1, 11, 11, 1, 1], s.Sample(Grid).ToArray());
    }

    [Fact]
    public void Step_windows_truncate_the_float_quotient_like_Python_int()
    {
        // 0.3 / 0.1 = 2.9999999999999996 in IEEE doubles, so int() gives 2 (CPython: int(0.3/0.1) == 2).
        var s = new StepCurrent(0.3, 0.2, 1.0);
        Assert.Equal(2, s.FirstStep(0.1));
        Assert.Equal(5, s.EndStep(0.1));
        Assert.Equal([0.0, 0, 1, 1, 1, 0], s.Sample(Grid).ToArray());
    }

    [Fact]
    public void Nothing_is_no_input() => Assert.Equal([0.0, 0, 0, 0, 0, 0], Stimulus.None.Sample(Grid).ToArray());

    [Fact]
    public void Point_current_becomes_Izhikevich_dimensionless_current_on_the_default_compartment() =>
        // 0.012 nA / (2π · 1 µm · 10 µm) · 1e5 = 19.098593171027442 µA/cm² (DESIGN.md: 19.0986).
        Assert.Equal(19.098593171027442, Compartment.Default.ToCurrentDensity(0.012), 12);

    [Fact]
    public void Invalid_steps_and_compartments_name_every_field()
    {
        string Describe<T>(LanguageExt.Validation<LanguageExt.Common.Error, T> v) =>
            v.Match(Succ: _ => "", Fail: es => string.Join("|", es.Map(e => e.Message)));

        var step = Describe(StepCurrent.Create(-1, double.NaN, double.PositiveInfinity));
        Assert.Contains("step delay", step, StringComparison.Ordinal);
        Assert.Contains("step duration", step, StringComparison.Ordinal);
        Assert.Contains("step amplitude", step, StringComparison.Ordinal);

        var comp = Describe(Compartment.Create(-1, 0, double.NaN));
        Assert.Contains("radius", comp, StringComparison.Ordinal);
        Assert.Contains("length", comp, StringComparison.Ordinal);
        Assert.Contains("capacitance", comp, StringComparison.Ordinal);
    }
}

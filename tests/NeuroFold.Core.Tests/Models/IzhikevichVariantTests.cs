using FsCheck.Xunit;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Tests.Generators;
using NeuroFold.Core.Tests.Support;
using Xunit;

namespace NeuroFold.Core.Tests.Models;

/// <summary>The 2004 model variants: the standard variant is the 2003 model bit for bit; the others change what they say.</summary>
[Properties(Arbitrary = new[] { typeof(SchemeArbs) }, MaxTest = 300)]
public sealed class IzhikevichVariantTests
{
    [Property]
    public bool The_standard_variant_is_PaperScheme_bit_for_bit(StepCase x)
    {
        var viaScheme = Stepping.Step(PaperScheme.Prepare(x.Parameters, x.DtMs, 1.0), x.State, x.Input);
        var viaVariant = Stepping.Step(PaperScheme.Prepare(IzhikevichVariant.Standard(x.Parameters), x.DtMs, 1.0), x.State, x.Input);
        return viaScheme == viaVariant
            && BitConverter.DoubleToInt64Bits(viaScheme.State.V) == BitConverter.DoubleToInt64Bits(viaVariant.State.V)
            && IzhikevichVariant.Standard(x.Parameters).Drive(x.State.V, x.State.U) == Izhikevich.Drive(x.State.V, x.State.U);
    }

    [Fact]
    public void Class_one_uses_4_1_v_plus_108()
    {
        var m = IzhikevichVariant.ClassOne(new(0.02, -0.1, -55, 6));
        Assert.Equal((((0.04 * (-60.0 * -60.0)) + (4.1 * -60.0)) + 108.0) - 6.0, m.Drive(-60, 6));
        Assert.NotEqual(Izhikevich.Drive(-60, 6), m.Drive(-60, 6));
    }

    [Fact]
    public void Accommodation_recovery_has_no_minus_u_term()
    {
        var m = IzhikevichVariant.Accommodation(new(0.02, 1, -55, 4));
        var s = new IzhikevichState(-65, -16);
        var outcome = Stepping.Step(PaperScheme.Prepare(m, 0.5, 1.0), s, 0.0);
        double v = -65 + (0.5 * (Izhikevich.Drive(-65, -16) + 0.0));
        Assert.Equal(v, outcome.State.V);
        Assert.Equal(-16 + ((0.5 * 0.02) * (1 * (v + 65))), outcome.State.U);
        Assert.NotEqual(-16 + ((0.5 * 0.02) * ((1 * v) - -16)), outcome.State.U);
    }
}

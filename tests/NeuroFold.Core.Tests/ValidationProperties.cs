using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NeuroFold.Core.Models;
using NeuroFold.Testing;

namespace NeuroFold.Core.Tests;

/// <summary>Invalid parameters are rejected with every offending field named, and valid ones accepted unchanged.</summary>
[Properties(Arbitrary = new[] { typeof(NeuroArbitraries) }, MaxTest = 300)]
public class ValidationProperties
{
    static readonly double[] NonFinite = [double.NaN, double.PositiveInfinity, double.NegativeInfinity];

    /// <summary>Guards error accumulation: any subset of broken fields is reported in full, and nothing else.</summary>
    [Property]
    public Property Every_offending_parameter_is_named(IzhikevichParameters valid) =>
        Prop.ForAll(Gen.Choose(0, 15).ToArbitrary(), Gen.Elements(NonFinite).ToArbitrary(), NeuroGen.Range(30, 100).ToArbitrary(), (mask, bad, highC) =>
        {
            double a = (mask & 1) != 0 ? bad : valid.A;
            double b = (mask & 2) != 0 ? bad : valid.B;
            double c = (mask & 4) != 0 ? highC : valid.C; // c at or above the 30 mV peak is meaningless
            double d = (mask & 8) != 0 ? bad : valid.D;
            return IzhikevichParameters.Create(a, b, c, d).Match(
                Succ: p => mask == 0 && p == valid,
                Fail: es =>
                {
                    var names = es.Map(e => e.Message.Split(' ')[0]).ToHashSet();
                    var expected = new HashSet<string>();
                    if ((mask & 1) != 0) expected.Add("a");
                    if ((mask & 2) != 0) expected.Add("b");
                    if ((mask & 4) != 0) expected.Add("c");
                    if ((mask & 8) != 0) expected.Add("d");
                    return mask != 0 && names.SetEquals(expected);
                });
        });

    [Fact]
    public void States_must_be_finite()
    {
        var messages = IzhikevichState.Create(double.NaN, double.NegativeInfinity).Match(Succ: _ => "", Fail: es => string.Join("|", es.Map(e => e.Message)));
        Assert.Contains("v0 must be a finite number", messages, StringComparison.Ordinal);
        Assert.Contains("u0 must be a finite number", messages, StringComparison.Ordinal);
    }

    [Fact]
    public void The_published_presets_are_valid_and_found_by_name()
    {
        foreach (var (name, p) in Presets.All)
        {
            Assert.True(IzhikevichParameters.Create(p.A, p.B, p.C, p.D).IsSuccess, name);
            Assert.Equal(p, Presets.Find(name.ToUpperInvariant()).IfNone(default(IzhikevichParameters)));
        }

        Assert.True(Presets.Find("nope").IsNone);
        Assert.Equal(IzhikevichParameters.Default, Presets.RegularSpiking);
    }
}

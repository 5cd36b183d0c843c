using System.Reflection;
using System.Runtime.CompilerServices;
using NeuroFold.Core.Models;

namespace NeuroFold.Core.Tests;

/// <summary>The core's public surface is immutable by construction (NodaTime's PurityTest idea).</summary>
public class PurityTests
{
    static readonly Type[] PublicTypes =
        [.. typeof(IzhikevichParameters).Assembly.GetExportedTypes(), .. typeof(NeuroFold.Testing.NeuroGen).Assembly.GetExportedTypes()];

    static bool IsRecord(Type t) => t.GetMethod("<Clone>$") is not null || t.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null;

    static bool IsStatic(Type t) => t.IsAbstract && t.IsSealed;

    /// <summary>An exception can be no record; a sealed one whose own properties are get-only is as immutable (checked below).</summary>
    static bool IsSealedException(Type t) => t.IsSealed && typeof(Exception).IsAssignableFrom(t);

    [Fact]
    public void Public_types_are_records_readonly_structs_static_classes_or_interfaces()
    {
        var offenders = PublicTypes
            .Where(t => !(t.IsInterface || IsStatic(t) || IsRecord(t) || IsSealedException(t) || (t.IsValueType && (t.IsDefined(typeof(IsReadOnlyAttribute)) || t.IsEnum))))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Public_value_types_are_readonly()
    {
        var offenders = PublicTypes.Where(t => t.IsValueType && !t.IsEnum && !t.IsDefined(typeof(IsReadOnlyAttribute))).Select(t => t.FullName).ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Public_properties_have_no_public_setters_except_init()
    {
        var offenders = PublicTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } set
                        && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_core_references_nothing_but_the_runtime_and_LanguageExt()
    {
        var names = typeof(IzhikevichParameters).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(names, n => Assert.True(n.StartsWith("System", StringComparison.Ordinal) || n == "LanguageExt.Core" || n == "netstandard", n));
    }

    /// <summary>Inputs with rules are made only by their validating factories: no public constructor, no init accessor (so no <c>with</c>).</summary>
    [Theory]
    [InlineData(typeof(Core.Models.IzhikevichParameters))]
    [InlineData(typeof(Core.Models.Izhikevich2007Parameters))]
    [InlineData(typeof(Core.Models.IzhikevichVariant))]
    [InlineData(typeof(Core.Cells.Compartment))]
    [InlineData(typeof(Core.Simulation.Recording))]
    [InlineData(typeof(Core.Stimuli.TimeGrid))]
    [InlineData(typeof(Core.Stimuli.StepCurrent))]
    [InlineData(typeof(Core.Stimuli.ConstantCurrent))]
    [InlineData(typeof(Core.Stimuli.SampledCurrent))]
    [InlineData(typeof(Core.Stimuli.CompositeStimulus))]
    [InlineData(typeof(Core.Populations.Population))]
    [InlineData(typeof(Core.Networks.Network))]
    [InlineData(typeof(Core.Networks.NetworkNeurons))]
    [InlineData(typeof(Core.Networks.NetworkState))]
    [InlineData(typeof(Core.Networks.NetworkInput.Thalamic))]
    [InlineData(typeof(Core.Networks.NetworkInput.Sampled))]
    [InlineData(typeof(Core.Networks.NetworkInput.Constant))]
    [InlineData(typeof(Core.Published.PaperProtocol))]
    public void Validated_inputs_have_no_public_constructor_and_no_init_accessor(Type type)
    {
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .Where(c => c.GetParameters().Length > 0 && !(c.GetParameters().Length == 1 && c.GetParameters()[0].ParameterType == type)); // the record copy constructor is protected
        Assert.Empty(constructors);
        var init = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true });
        Assert.Empty(init);
    }
}

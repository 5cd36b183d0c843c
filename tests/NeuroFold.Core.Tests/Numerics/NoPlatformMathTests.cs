using System.Reflection;
using System.Reflection.Emit;
using NeuroFold.Core.Models;
using Xunit;

namespace NeuroFold.Core.Tests.Numerics;

/// <summary>
/// No method of the core calls a transcendental function of the platform (System.Math, MathF, double's generic math):
/// the IL of every method body is decoded and every call target resolved. √, |x|, ⌊x⌋, rounding and min/max are
/// IEEE-exact and allowed.
/// </summary>
public sealed class NoPlatformMathTests
{
    static readonly HashSet<string> Transcendental =
    [
        "Exp", "Exp2", "Exp10", "ExpM1", "Exp2M1", "Exp10M1", "Log", "Log2", "Log10", "LogP1", "Log2P1", "Log10P1", "ILogB",
        "Pow", "Sin", "Cos", "Tan", "SinCos", "SinPi", "CosPi", "TanPi", "SinCosPi", "Asin", "Acos", "Atan", "Atan2",
        "AsinPi", "AcosPi", "AtanPi", "Atan2Pi", "Sinh", "Cosh", "Tanh", "Asinh", "Acosh", "Atanh", "Cbrt", "RootN", "Hypot",
    ];

    static readonly Type[] PlatformMath = [typeof(Math), typeof(MathF), typeof(double), typeof(float), typeof(Half)];

    static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void The_core_calls_no_transcendental_function_of_the_platform()
    {
        var calls = CallsIn(typeof(IzhikevichParameters).Assembly);
        var offenders = calls
            .Where(c => c.Target.DeclaringType is { } t && PlatformMath.Contains(t) && Transcendental.Contains(c.Target.Name))
            .Select(c => $"{c.Caller} calls {c.Target.DeclaringType!.Name}.{c.Target.Name}")
            .Distinct()
            .ToList();
        Assert.Empty(offenders);

        // The scan sees calls: the core does call the allowed Math.Sqrt and its own correctly rounded functions.
        Assert.Contains(calls, c => c.Target.DeclaringType == typeof(Math) && c.Target.Name == nameof(Math.Sqrt));
        Assert.Contains(calls, c => c.Target.DeclaringType?.Name == "CorrectlyRounded" && c.Target.Name == "Log");
    }

    /// <summary>The scanner finds a transcendental call where there is one (this test class calls Math.Exp below).</summary>
    [Fact]
    public void The_scanner_finds_a_call_to_Math_Exp()
    {
        Assert.True(Reference(1.0) > 2.7);
        var calls = CallsIn(typeof(NoPlatformMathTests).Assembly);
        Assert.Contains(calls, c => c.Target.DeclaringType == typeof(Math) && c.Target.Name == nameof(Math.Exp) && c.Caller.Contains(nameof(Reference), StringComparison.Ordinal));
    }

    static double Reference(double x) => Math.Exp(x);

    static List<(string Caller, MethodBase Target)> CallsIn(Assembly assembly)
    {
        var calls = new List<(string, MethodBase)>();
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            var methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)).Concat(type.TypeInitializer is { } init ? [init] : []);
            foreach (var method in methods)
            {
                byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
                if (il is null)
                {
                    continue;
                }

                foreach (int token in CallTokens(il))
                {
                    MethodBase? target = Resolve(method, token);
                    if (target is not null)
                    {
                        calls.Add(($"{type.FullName}.{method.Name}", target));
                    }
                }
            }
        }

        return calls;
    }

    static MethodBase? Resolve(MethodBase method, int token)
    {
        try
        {
            Type[]? typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
            Type[]? methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            return method.Module.ResolveMethod(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The metadata tokens of call, callvirt, newobj, ldftn and ldvirtftn instructions, decoding each instruction by its operand size.</summary>
    static IEnumerable<int> CallTokens(byte[] il)
    {
        int i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? unchecked((short)(0xFE00 | il[i + 1])) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            OpCode op = OpCodesByValue[value];
            if (op.OperandType == OperandType.InlineMethod)
            {
                yield return BitConverter.ToInt32(il, i);
            }

            i += op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
        }
    }
}

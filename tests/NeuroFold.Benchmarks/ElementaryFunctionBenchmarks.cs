using BenchmarkDotNet.Attributes;
using NeuroFold.Core.Numerics;
using NeuroFold.Core.Random;

namespace NeuroFold.Benchmarks;

/// <summary>The core's correctly rounded exp, ln, sin and cos against System.Math's (the platform's libm), over 4096 arguments of the ranges the core uses.</summary>
/// <remarks>Run: <c>dotnet run -c Release --project tests/NeuroFold.Benchmarks -- --filter '*ElementaryFunction*'</c>. Each benchmark is one pass over the 4096 arguments.</remarks>
public class ElementaryFunctionBenchmarks
{
    const int Count = 4096;
    readonly double[] expArgs = new double[Count];
    readonly double[] logArgs = new double[Count];
    readonly double[] trigArgs = new double[Count];

    /// <summary>exp's arguments in [−10, 0] (the ziggurat's wedges, the Jaxley decay), ln's in (0, 1] (1 − U), sin's and cos's in [0, 2π) (Box–Muller).</summary>
    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < Count; i++)
        {
            expArgs[i] = -10.0 * CounterRandom.Uniform(7, 0, i);
            logArgs[i] = 1.0 - CounterRandom.Uniform(7, 1, i);
            trigArgs[i] = 2.0 * Math.PI * CounterRandom.Uniform(7, 2, i);
        }
    }

    /// <summary>System.Math.Exp.</summary>
    [Benchmark(Baseline = true)]
    public double SystemExp() => Sum(expArgs, Math.Exp);

    /// <summary>CorrectlyRounded.Exp.</summary>
    [Benchmark]
    public double CorrectlyRoundedExp() => Sum(expArgs, CorrectlyRounded.Exp);

    /// <summary>System.Math.Log.</summary>
    [Benchmark]
    public double SystemLog() => Sum(logArgs, Math.Log);

    /// <summary>CorrectlyRounded.Log.</summary>
    [Benchmark]
    public double CorrectlyRoundedLog() => Sum(logArgs, CorrectlyRounded.Log);

    /// <summary>System.Math.Cos.</summary>
    [Benchmark]
    public double SystemCos() => Sum(trigArgs, Math.Cos);

    /// <summary>CorrectlyRounded.Cos.</summary>
    [Benchmark]
    public double CorrectlyRoundedCos() => Sum(trigArgs, CorrectlyRounded.Cos);

    /// <summary>System.Math.Sin.</summary>
    [Benchmark]
    public double SystemSin() => Sum(trigArgs, Math.Sin);

    /// <summary>CorrectlyRounded.Sin.</summary>
    [Benchmark]
    public double CorrectlyRoundedSin() => Sum(trigArgs, CorrectlyRounded.Sin);

    static double Sum(double[] args, Func<double, double> f)
    {
        double sum = 0.0;
        foreach (double x in args)
        {
            sum += f(x);
        }

        return sum;
    }
}

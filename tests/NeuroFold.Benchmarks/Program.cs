using BenchmarkDotNet.Running;

namespace NeuroFold.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project tests/NeuroFold.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line (or, with <c>crmath …</c> first, <see cref="CorrectlyRoundedTool"/>; with <c>surrogates</c>, <see cref="SurrogateComparisonTool"/>).</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "crmath")
        {
            return CorrectlyRoundedTool.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "surrogates")
        {
            return SurrogateComparisonTool.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create());
        return 0;
    }
}

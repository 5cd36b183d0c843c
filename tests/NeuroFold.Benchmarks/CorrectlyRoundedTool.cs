using System.Globalization;
using NeuroFold.Core.Numerics;

namespace NeuroFold.Benchmarks;

/// <summary>
/// <c>crmath FUNCTION IN OUT [--system]</c>: evaluates exp, log, sin or cos on the argument bits in IN (one 16-digit hex
/// word per line) and writes the result bits to OUT, one per line; <c>--system</c> evaluates <see cref="Math"/>'s
/// function instead (the platform's libm), to compare. Used by <c>tools/crmath/reference.py</c>.
/// </summary>
internal static class CorrectlyRoundedTool
{
    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: crmath exp|log|sin|cos IN OUT [--system]");
            return 2;
        }

        bool system = args.Length > 3 && args[3] == "--system";
        Func<double, double> f = (args[0], system) switch
        {
            ("exp", false) => CorrectlyRounded.Exp,
            ("log", false) => CorrectlyRounded.Log,
            ("sin", false) => CorrectlyRounded.Sin,
            ("cos", false) => CorrectlyRounded.Cos,
            ("exp", true) => Math.Exp,
            ("log", true) => Math.Log,
            ("sin", true) => Math.Sin,
            ("cos", true) => Math.Cos,
            _ => throw new ArgumentException($"unknown function {args[0]}"),
        };
        var lines = File.ReadAllLines(args[1]);
        var output = new string[lines.Length];
        Parallel.For(0, lines.Length, i =>
        {
            double x = BitConverter.UInt64BitsToDouble(ulong.Parse(lines[i].AsSpan().Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            output[i] = BitConverter.DoubleToUInt64Bits(f(x)).ToString("X16", CultureInfo.InvariantCulture);
        });
        File.WriteAllLines(args[2], output);
        return 0;
    }
}

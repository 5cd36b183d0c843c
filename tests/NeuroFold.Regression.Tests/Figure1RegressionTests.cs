using System.Globalization;
using NeuroFold.Core.Published;
using Xunit;

namespace NeuroFold.Regression.Tests;

/// <summary>
/// The gallery against an independent transcription of Izhikevich's figure1.m (Reference/figure1_spikes.csv, see
/// Reference/README.md): every spike to the step, every spike time and the final state bit for bit.
/// </summary>
public sealed class Figure1RegressionTests
{
    static readonly Lazy<Reference> Data = new(Reference.Load);

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var p in PaperProtocols.All)
        {
            data.Add(p.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Spike_steps_and_times_equal_the_published_code(string id)
    {
        var protocol = PaperProtocols.Find(id).IfNone(() => throw new InvalidOperationException(id));
        var result = protocol.Run();
        var expected = Data.Value.Spikes.TryGetValue(id, out var s) ? s : [];

        Assert.True(result.Status.IsCompleted);
        Assert.Equal(expected.Select(x => x.Step).ToArray(), result.Spikes.Steps.ToArray());
        Assert.Equal(expected.Select(x => BitConverter.DoubleToInt64Bits(x.TimeMs)).ToArray(),
            result.Spikes.TimesMs.Select(BitConverter.DoubleToInt64Bits).ToArray());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Step_count_and_final_state_equal_the_published_code_bit_for_bit(string id)
    {
        var protocol = PaperProtocols.Find(id).IfNone(() => throw new InvalidOperationException(id));
        var result = protocol.Run();
        var (count, v, u) = Data.Value.Finals[id];

        Assert.Equal(count, result.Trace.Count);
        Assert.Equal(BitConverter.DoubleToInt64Bits(v), BitConverter.DoubleToInt64Bits(result.Final.V));
        Assert.Equal(BitConverter.DoubleToInt64Bits(u), BitConverter.DoubleToInt64Bits(result.Final.U));
    }

    [Fact]
    public void The_reference_covers_every_gallery_entry_and_nothing_else()
    {
        Assert.Equal(PaperProtocols.All.Select(p => p.Id).Order(StringComparer.Ordinal), Data.Value.Finals.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(28, PaperProtocols.All.Length);
        Assert.Equal(182, Data.Value.Spikes.Values.Sum(x => x.Count));
    }

    sealed record Reference(Dictionary<string, List<(int Step, double TimeMs)>> Spikes, Dictionary<string, (int Count, double V, double U)> Finals)
    {
        public static Reference Load()
        {
            var spikes = new Dictionary<string, List<(int, double)>>(StringComparer.Ordinal);
            var finals = new Dictionary<string, (int, double, double)>(StringComparer.Ordinal);
            string path = Path.Combine(AppContext.BaseDirectory, "Reference", "figure1_spikes.csv");
            foreach (string line in File.ReadLines(path))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                string[] f = line.Split(',');
                if (f[0] == "#final")
                {
                    finals[f[1]] = (int.Parse(f[2], CultureInfo.InvariantCulture), D(f[3]), D(f[4]));
                }
                else
                {
                    if (!spikes.TryGetValue(f[0], out var list))
                    {
                        spikes[f[0]] = list = [];
                    }

                    list.Add((int.Parse(f[1], CultureInfo.InvariantCulture), D(f[2])));
                }
            }

            return new Reference(spikes, finals);
        }

        static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}

using System.Collections.Immutable;
using LanguageExt;
using NeuroFold.Core.Models;
using static LanguageExt.Prelude;

namespace NeuroFold.Core.Published;

/// <summary>The 20 neuro-computational features of Izhikevich (2004), Fig. 1, and the classes of Izhikevich (2003), Fig. 2.</summary>
/// <remarks>
/// Every number and comparison is copied from Izhikevich's MATLAB file ("use MATLAB R13 or later. November 2003"),
/// including expressions such as <c>tspan(end)/10</c> and <c>0.7*tspan(end)</c>, which are written here the same way
/// so that they round the same way. DESIGN.md, "Presets", tabulates them.
/// </remarks>
public static class PaperProtocols
{
    /// <summary>The 20 features of Fig. 1 (A–T), in the paper's order.</summary>
    public static ImmutableArray<PaperProtocol> Features { get; } =
    [
        Std("tonic-spiking", "(A) tonic spiking", 0.02, 0.2, -65, 6, -70, 0.25, 100, t => t > 100.0 / 10 ? 14 : 0),
        Std("phasic-spiking", "(B) phasic spiking", 0.02, 0.25, -65, 6, -64, 0.25, 200, t => t > 20 ? 0.5 : 0),
        Std("tonic-bursting", "(C) tonic bursting", 0.02, 0.2, -50, 2, -70, 0.25, 220, t => t > 22 ? 15 : 0),
        Std("phasic-bursting", "(D) phasic bursting", 0.02, 0.25, -55, 0.05, -64, 0.2, 200, t => t > 20 ? 0.6 : 0),
        Std("mixed-mode", "(E) mixed mode", 0.02, 0.2, -55, 4, -70, 0.25, 160, t => t > 160.0 / 10 ? 10 : 0),
        Std("spike-frequency-adaptation", "(F) spike freq. adapt", 0.01, 0.2, -65, 8, -70, 0.25, 85, t => t > 85.0 / 10 ? 30 : 0),
        Variant(IzhikevichVariant.ClassOne(new(0.02, -0.1, -55, 6)), "class-1-excitable", "(G) Class 1 excitable", -60, 0.25, 300,
            t => t > 30 ? 0.075 * (t - 30) : 0),
        Std("class-2-excitable", "(H) Class 2 excitable", 0.2, 0.26, -65, 0, -64, 0.25, 300, t => t > 30 ? -0.5 + (0.015 * (t - 30)) : -0.5),
        Std("spike-latency", "(I) spike latency", 0.02, 0.2, -65, 6, -70, 0.2, 100, SpikeLatency),
        Std("subthreshold-oscillations", "(J) subthreshold osc.", 0.05, 0.26, -60, 0, -62, 0.25, 200, Subthreshold),
        Std("resonator", "(K) resonator", 0.1, 0.26, -60, -1, -62, 0.25, 400, Resonator),
        Variant(IzhikevichVariant.ClassOne(new(0.02, -0.1, -55, 6)), "integrator", "(L) integrator", -60, 0.25, 100, Integrator),
        Std("rebound-spike", "(M) rebound spike", 0.03, 0.25, -60, 4, -64, 0.2, 200, t => t > 20 && t < 20 + 5 ? -15 : 0),
        Std("rebound-burst", "(N) rebound burst", 0.03, 0.25, -52, 0, -64, 0.2, 200, t => t > 20 && t < 20 + 5 ? -15 : 0),
        Std("threshold-variability", "(O) thresh. variability", 0.03, 0.25, -60, 4, -64, 0.25, 100, ThresholdVariability),
        Std("bistability", "(P) bistability", 0.1, 0.26, -60, 0, -61, 0.25, 300, Bistability),
        Std("depolarizing-after-potential", "(Q) DAP", 1, 0.2, -60, -21, -70, 0.1, 50, t => Math.Abs(t - 10) < 1 ? 20 : 0),
        new PaperProtocol("accommodation", "(R) accommodation", IzhikevichVariant.Accommodation(new(0.02, 1, -55, 4)), -65, -16, 0.5, 400, Accommodation),
        Std("inhibition-induced-spiking", "(S) inh. induced sp.", -0.02, -1, -60, 8, -63.8, 0.5, 350, InhibitionInduced),
        Std("inhibition-induced-bursting", "(T) inh. induced brst.", -0.026, -1, -45, -2, -63.8, 0.5, 350, InhibitionInduced),
    ];

    /// <summary>The cell classes of Izhikevich (2003), Fig. 2, with the protocols of the same MATLAB file.</summary>
    public static ImmutableArray<PaperProtocol> Classes { get; } =
    [
        Std("rs", "regular spiking (RS)", 0.02, 0.2, -65, 8, -63, 0.25, 150, t => t > 150.0 / 10 ? 14 : 0),
        Std("ib", "intrinsically bursting (IB)", 0.02, 0.2, -55, 4, -70, 0.25, 150, t => t > 150.0 / 10 ? 11 : 0),
        Std("ch", "chattering (CH)", 0.02, 0.2, -50, 2, -70, 0.25, 150, t => t > 150.0 / 10 ? 10 : 0),
        Std("fs", "fast spiking (FS)", 0.1, 0.2, -65, 2, -70, 0.25, 150, t => t > 150.0 / 10 ? 10 : 0),
        Std("tc", "thalamo-cortical (TC)", 0.02, 0.25, -65, 0.05, -63, 0.25, 150, t => t > 2 * 150.0 / 10 ? 1.5 : 0),
        Std("tc-burst", "thalamo-cortical burst (TC)", 0.02, 0.25, -65, 0.05, -87, 0.25, 150, t => t > 3 * 150.0 / 10 ? 0.0 : -25),
        Std("rz", "resonator (RZ)", 0.1, 0.26, -65, 2, -70, 0.25, 100, ResonatorClass),
        Std("lts", "low-threshold spiking (LTS)", 0.02, 0.25, -65, 2, -63, 0.25, 250, t => t > 1 * 250.0 / 10 ? 10.0 : 0),
    ];

    /// <summary>Features then classes.</summary>
    public static ImmutableArray<PaperProtocol> All { get; } = Features.AddRange(Classes);

    /// <summary>Looks a protocol up by id, ignoring case.</summary>
    public static Option<PaperProtocol> Find(string id)
    {
        foreach (var p in All)
        {
            if (string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return Some(p);
            }
        }

        return None;
    }

    static PaperProtocol Std(string id, string title, double a, double b, double c, double d, double v0, double tau, double tMax, Func<double, double> input) =>
        Variant(IzhikevichVariant.Standard(new IzhikevichParameters(a, b, c, d)), id, title, v0, tau, tMax, input);

    static PaperProtocol Variant(IzhikevichVariant model, string id, string title, double v0, double tau, double tMax, Func<double, double> input) =>
        new(id, title, model, v0, model.Cell.B * v0, tau, tMax, input);

    static double SpikeLatency(double t)
    {
        const double t1 = 100.0 / 10;
        return t > t1 && t < t1 + 3 ? 7.04 : 0;
    }

    static double Subthreshold(double t)
    {
        const double t1 = 200.0 / 10;
        return t > t1 && t < t1 + 5 ? 2 : 0;
    }

    static double Resonator(double t)
    {
        double t1 = 400.0 / 10;
        double t2 = t1 + 20;
        double t3 = 0.7 * 400.0;
        double t4 = t3 + 40;
        return (t > t1 && t < t1 + 4) || (t > t2 && t < t2 + 4) || (t > t3 && t < t3 + 4) || (t > t4 && t < t4 + 4) ? 0.65 : 0;
    }

    static double Integrator(double t)
    {
        double t1 = 100.0 / 11;
        double t2 = t1 + 5;
        double t3 = 0.7 * 100.0;
        double t4 = t3 + 10;
        return (t > t1 && t < t1 + 2) || (t > t2 && t < t2 + 2) || (t > t3 && t < t3 + 2) || (t > t4 && t < t4 + 2) ? 9 : 0;
    }

    static double ThresholdVariability(double t) =>
        (t > 10 && t < 15) || (t > 80 && t < 85) ? 1
        : t > 70 && t < 75 ? -6
        : 0;

    static double Bistability(double t)
    {
        const double t1 = 300.0 / 8;
        const double t2 = 216;
        return (t > t1 && t < t1 + 5) || (t > t2 && t < t2 + 5) ? 1.24 : 0.24;
    }

    static double Accommodation(double t) =>
        t < 200 ? t / 25
        : t < 300 ? 0
        : t < 312.5 ? (t - 300) / 12.5 * 4
        : 0;

    static double InhibitionInduced(double t) => t < 50 || t > 250 ? 80 : 75;

    static double ResonatorClass(double t)
    {
        const double t1 = 100.0 / 10;
        const double t2 = t1 + 50;
        return t > t2 && t < t2 + 5 ? 10
            : t > t1 ? -0.5
            : -2;
    }
}

using System.Globalization;
using LandUse.Scoring.Quantization;

namespace LandUse.Cli.Commands;

/// <summary>The text `landuse model quantize` prints: what was quantized, then FP32 and INT8 side by side on the held-out tiles.</summary>
internal static class QuantizeReportText
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Format(QuantizeReport report)
    {
        var lines = new List<string>
        {
            string.Create(C, $"calibrated on {report.Calibration.Tiles} tiles ({report.Calibration.Method}); {report.QuantizedConvs} Convs int8 per channel ({report.SevenBitConvs} with 7-bit weights), {report.QuantizedActivations} activations uint8"),
            string.Create(C, $"model {Mib(report.ParentBytes)} -> {Mib(report.Bytes)}"),
        };
        if (report.CalibrationFailed.Count > 0)
        {
            lines.Add(string.Create(C, $"skipped {report.CalibrationFailed.Count} undecodable calibration tiles, first: {report.CalibrationFailed[0]}"));
        }

        if (report.Comparison is { } c)
        {
            lines.Add(string.Create(C, $"held out of calibration: {c.Tiles} tiles{(c.Failed.Count > 0 ? $" ({c.Failed.Count} undecodable skipped)" : string.Empty)}"));
            lines.Add(string.Create(C, $"{string.Empty,-38}{"FP32",10}{"INT8",10}"));
            lines.Add(Row("6-class accuracy", Percent(c.Reference.Accuracy6), Percent(c.Candidate.Accuracy6), string.Create(C, $"{(c.Candidate.Accuracy6 - c.Reference.Accuracy6) * 100:+0.0;-0.0;0.0} points")));
            lines.Add(Row("3-class accuracy", Percent(c.Reference.Accuracy3), Percent(c.Candidate.Accuracy3), string.Create(C, $"{(c.Candidate.Accuracy3 - c.Reference.Accuracy3) * 100:+0.0;-0.0;0.0} points")));
            lines.Add(Row(string.Create(C, $"tiles/s (model only, batch {c.BatchSize})"), c.Reference.TilesPerSecond.ToString("F1", C), c.Candidate.TilesPerSecond.ToString("F1", C),
                string.Create(C, $"{c.SpeedUp:F2}x, timed in alternating rounds")));
            lines.Add(string.Create(C, $"agreement (same class) {c.Agreement:P1}; feature cosine ({c.FeatureTensor}, the head's input) mean {c.MeanCosine:F4}, min {c.MinCosine:F4}"));
        }
        else
        {
            lines.Add("nothing held out (--held-out 0): no comparison");
        }

        lines.Add($"bundle {report.Bundle.Version} (precision {report.Bundle.Precision}, parent {report.Parent.Version}) -> {report.Bundle.Folder}");
        return string.Join(Environment.NewLine, lines);
    }

    private static string Row(string what, string fp32, string int8, string note) => string.Create(C, $"{what,-38}{fp32,10}{int8,10}   {note}");

    private static string Percent(double value) => value.ToString("P1", C);

    private static string Mib(long bytes) => string.Create(C, $"{bytes / (1024.0 * 1024.0):F1} MiB");
}

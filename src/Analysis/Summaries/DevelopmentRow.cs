using System.Globalization;

namespace LandUse.Analysis.Summaries;

/// <summary>Tiles of one label and their share of all labelled tiles, printed as the study prints them: "27,584 (42.1 %)".</summary>
public sealed record DevelopmentRow(string Label, long Tiles, double Percent)
{
    /// <summary>The study's cell format: thousands separators, one decimal, a space before the percent sign.</summary>
    public string Format() => FormatCell(Tiles, Percent);

    public static string FormatCell(long tiles, double percent) =>
        string.Create(CultureInfo.InvariantCulture, $"{tiles:N0} ({Math.Round(percent, 1, MidpointRounding.AwayFromZero):0.0} %)");
}

using LandUse.Analysis.Change;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Maps;

/// <summary>
/// Where change happened: candidate tiles (the selected transition) in magenta, other group changes in orange,
/// unchanged tiles in run B's group colour faded, grey where either run has no label.
/// </summary>
public static class ChangeMapRenderer
{
    public static byte[] Render(ChangeResult result, int? scale = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var a = result.GridA;
        var b = result.GridB;
        var from = result.Summary.From;
        var to = result.Summary.To;
        return PixelMap.Render(b.Rows, b.Cols, scale ?? PixelMap.AutoScale(b.Rows, b.Cols), (r, c) => (a[r, c], b[r, c]) switch
        {
            ({ } ga, { } gb) when ga == from && gb == to => MapColors.Candidate,
            ({ } ga, { } gb) when ga != gb => MapColors.OtherChange,
            ({ }, { } gb) => MapColors.Faded(MapColors.Of(gb)),
            _ => MapColors.Missing,
        });
    }

    /// <summary>Legend entries (colour, meaning) for the HTML report.</summary>
    public static IReadOnlyList<(SkiaSharp.SKColor Color, string Meaning)> Legend(LandGroup from, LandGroup to) =>
    [
        (MapColors.Candidate, $"{from} → {to} (candidate)"),
        (MapColors.OtherChange, "other change"),
        (MapColors.Faded(MapColors.Developed), "unchanged, developed"),
        (MapColors.Faded(MapColors.Cultivated), "unchanged, cultivated"),
        (MapColors.Faded(MapColors.Undeveloped), "unchanged, undeveloped"),
        (MapColors.Missing, "missing or failed"),
    ];
}

using LandUse.Scoring.Labels;

namespace LandUse.Geo.Labeling;

/// <summary>
/// Turns a tile's sampled NLCD codes into a label under either rule, through <see cref="LabelScheme.TryFromNlcd"/>.
/// Plurality counts every point that is no class (water, wetland, outside) as one "no class" value, so a tile that is
/// mostly water gets a blank label; a tie for the highest count is blank too.
/// </summary>
public static class PointVote
{
    /// <summary>The <see cref="AgreeMode.All"/> rule: the class every point maps to, or why there is none.</summary>
    public static (LandCover? Label, DropReason? Dropped) All(IReadOnlyList<int?> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0 || codes.Any(c => c is null))
        {
            return (null, DropReason.OutsideNlcd);
        }

        var classes = codes.Select(Class).Distinct().ToArray();
        return classes switch
        {
            [{ } only] => (only, null),
            [null] => (null, DropReason.NotAClass),
            _ => (null, DropReason.Disagree),
        };
    }

    /// <summary>The <see cref="AgreeMode.Plurality"/> rule: the most frequent class, or why the label is blank.</summary>
    public static (LandCover? Label, DropReason? Dropped) Plurality(IReadOnlyList<int?> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.All(c => c is null))
        {
            return (null, DropReason.OutsideNlcd);
        }

        var counts = codes.GroupBy(Class).Select(g => (Class: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToArray();
        if (counts.Length > 1 && counts[0].Count == counts[1].Count)
        {
            return (null, DropReason.Tie);
        }

        return counts[0].Class is { } winner ? (winner, null) : (null, DropReason.NotAClass);
    }

    private static LandCover? Class(int? code) => code is { } c && LabelScheme.TryFromNlcd(c, out var cover) ? cover : null;
}

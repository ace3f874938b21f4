using LandUse.Analysis.Runs;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Change;

/// <summary>
/// The model's probabilities behind a candidate: each side's label probability and the probability of the group it
/// is compared in (summed over that group's classes). A side compared by its truth labels is certain (1).
/// </summary>
public static class CandidateConfidence
{
    public static ChangeCandidate With(ChangeCandidate candidate, TileResult tileA, TileResult tileB, ChangeOptions options)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(tileA);
        ArgumentNullException.ThrowIfNull(tileB);
        ArgumentNullException.ThrowIfNull(options);
        var (aLabel, from) = Side(tileA, options.ATruth, candidate.ALabel, candidate.From);
        var (bLabel, to) = Side(tileB, options.BTruth, candidate.BLabel, candidate.To);
        return candidate with { ALabelProbability = aLabel, FromProbability = from, BLabelProbability = bLabel, ToProbability = to };
    }

    private static (double? Label, double? Group) Side(TileResult tile, bool truth, LandCover? label, LandGroup group)
    {
        if (truth)
        {
            return (1, 1);
        }

        if (tile.Probabilities is not { Count: var n } p || n != LabelScheme.ClassCount)
        {
            return (null, null);
        }

        var groupP = 0.0;
        foreach (var cover in LabelScheme.Classes)
        {
            groupP += LabelScheme.GroupOf(cover) == group ? p[(int)cover] : 0;
        }

        return (label is { } l ? p[(int)l] : null, Math.Clamp(groupP, 0, 1));
    }
}

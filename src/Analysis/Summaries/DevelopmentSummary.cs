using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Summaries;

/// <summary>
/// How much of an area is developed, cultivated or undeveloped (and each of the six classes): the study's headline table.
/// Built from label counts only, so tiles without truth count here even though they do not count toward accuracy.
/// </summary>
public sealed record DevelopmentSummary(long Total, IReadOnlyList<DevelopmentRow> Groups, IReadOnlyList<DevelopmentRow> Classes)
{
    /// <summary>From counts per class, in <see cref="LabelScheme.Classes"/> order; groups are summed via <see cref="LabelScheme.GroupOf"/>.</summary>
    public static DevelopmentSummary FromClassCounts(IReadOnlyList<long> classCounts)
    {
        ArgumentNullException.ThrowIfNull(classCounts);
        if (classCounts.Count != LabelScheme.ClassCount)
        {
            throw new ArgumentException($"Expected {LabelScheme.ClassCount} class counts, got {classCounts.Count}.", nameof(classCounts));
        }

        var groupCounts = new long[LabelScheme.GroupCount];
        for (var c = 0; c < classCounts.Count; c++)
        {
            groupCounts[(int)LabelScheme.GroupOf((LandCover)c)] += classCounts[c];
        }

        var total = classCounts.Sum();
        return new DevelopmentSummary(total, Rows(LabelScheme.GroupNames, groupCounts, total), Rows(LabelScheme.ClassNames, classCounts, total));
    }

    /// <summary>
    /// From counts per group only (Developed, Cultivated, Undeveloped), as the study's table gives them;
    /// the class rows are then empty because the split of Undeveloped is unknown.
    /// </summary>
    public static DevelopmentSummary FromGroupCounts(IReadOnlyList<long> groupCounts)
    {
        ArgumentNullException.ThrowIfNull(groupCounts);
        if (groupCounts.Count != LabelScheme.GroupCount)
        {
            throw new ArgumentException($"Expected {LabelScheme.GroupCount} group counts, got {groupCounts.Count}.", nameof(groupCounts));
        }

        var total = groupCounts.Sum();
        return new DevelopmentSummary(total, Rows(LabelScheme.GroupNames, groupCounts, total), []);
    }

    /// <summary>The group row for <paramref name="group"/>.</summary>
    public DevelopmentRow this[LandGroup group] => Groups[(int)group];

    private static DevelopmentRow[] Rows(IReadOnlyList<string> names, IReadOnlyList<long> counts, long total)
    {
        var rows = new DevelopmentRow[names.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            if (counts[i] < 0)
            {
                throw new ArgumentException($"Count for {names[i]} is negative ({counts[i]}).", nameof(counts));
            }

            rows[i] = new DevelopmentRow(names[i], counts[i], total == 0 ? 0 : 100.0 * counts[i] / total);
        }

        return rows;
    }
}

using LandUse.Analysis.Metrics;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;

namespace LandUse.Analysis.Summaries;

/// <summary>Turns a run's merged counts into its summary: the fan-in step calls this, no per-tile data needed.</summary>
public static class RunSummaryBuilder
{
    /// <summary>Builds the summary; it lists the first <see cref="TileCounts.FailureCap"/> failures (the total is always kept).</summary>
    public static RunSummary Build(RunTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var counts = totals.Counts;
        if (counts.Predicted.Count != LabelScheme.ClassCount)
        {
            throw new ArgumentException(
                $"Run {totals.RunId}: expected {LabelScheme.ClassCount} predicted counts, got {counts.Predicted.Count}.", nameof(totals));
        }

        var confusion6 = counts.Confusion.Count == 0
            ? ConfusionMatrix.ForClasses()
            : ConfusionMatrix.FromCounts(LabelScheme.ClassCount, counts.Confusion);
        var confusion3 = confusion6.Regroup();
        var hasTruth = confusion6.Total > 0;
        var development = DevelopmentSummary.FromClassCounts(counts.Predicted);

        return new RunSummary(
            totals.RunId,
            totals.Source,
            totals.ModelVersion,
            totals.Status,
            new RunCounts(totals.Listed, counts.Scored, counts.Failed, counts.Skipped, counts.Resized),
            Named(LabelScheme.ClassNames, counts.Predicted),
            Named(LabelScheme.GroupNames, development.Groups.Select(g => g.Tiles).ToArray()),
            development,
            confusion6.Total,
            hasTruth ? ConfusionTable.From(confusion6, LabelScheme.ClassNames) : null,
            hasTruth ? ConfusionTable.From(confusion3, LabelScheme.GroupNames) : null,
            hasTruth ? ClassificationMetrics.From(confusion6, LabelScheme.ClassNames) : null,
            hasTruth ? ClassificationMetrics.From(confusion3, LabelScheme.GroupNames) : null,
            new FailureSummary(Math.Max(counts.Failed, counts.Failures.Count), counts.Failures.Take(TileCounts.FailureCap).ToArray()),
            Timings(totals));
    }

    private static RunTimings Timings(RunTotals totals)
    {
        if (totals.Started is not { } started || totals.Finished is not { } finished)
        {
            return new RunTimings(totals.Started, totals.Finished, null, null);
        }

        var seconds = Math.Max(0, (finished - started).TotalSeconds);
        double? rate = seconds > 0 ? Throughput.TilesPerSecond(totals.Counts.Fresh, seconds) : null;
        return new RunTimings(started, finished, seconds, rate);
    }

    private static Dictionary<string, long> Named(IReadOnlyList<string> names, IReadOnlyList<long> counts)
    {
        var named = new Dictionary<string, long>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            named[names[i]] = counts[i];
        }

        return named;
    }
}

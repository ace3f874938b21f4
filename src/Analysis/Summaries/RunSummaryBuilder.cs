using LandUse.Analysis.Metrics;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Summaries;

/// <summary>Turns a run's merged counts into its summary: the fan-in step calls this, no per-tile data needed.</summary>
public static class RunSummaryBuilder
{
    /// <summary>How many failures a summary lists by default (the total is always kept).</summary>
    public const int DefaultFailureCap = 100;

    public static RunSummary Build(RunTotals totals, int failureCap = DefaultFailureCap)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentOutOfRangeException.ThrowIfNegative(failureCap);
        if (totals.Predicted.Count != LabelScheme.ClassCount)
        {
            throw new ArgumentException(
                $"Run {totals.RunId}: expected {LabelScheme.ClassCount} predicted counts, got {totals.Predicted.Count}.", nameof(totals));
        }

        var confusion6 = totals.Confusion.Count == 0
            ? ConfusionMatrix.ForClasses()
            : ConfusionMatrix.FromCounts(LabelScheme.ClassCount, totals.Confusion);
        var confusion3 = confusion6.Regroup();
        var hasTruth = confusion6.Total > 0;
        var development = DevelopmentSummary.FromClassCounts(totals.Predicted);

        return new RunSummary(
            totals.RunId,
            totals.Source,
            totals.ModelVersion,
            totals.Status,
            new RunCounts(totals.Listed, totals.Scored, totals.Failed, totals.Skipped, totals.Resized),
            Named(LabelScheme.ClassNames, totals.Predicted),
            Named(LabelScheme.GroupNames, development.Groups.Select(g => g.Tiles).ToArray()),
            development,
            confusion6.Total,
            hasTruth ? ConfusionTable.From(confusion6, LabelScheme.ClassNames) : null,
            hasTruth ? ConfusionTable.From(confusion3, LabelScheme.GroupNames) : null,
            hasTruth ? ClassificationMetrics.From(confusion6, LabelScheme.ClassNames) : null,
            hasTruth ? ClassificationMetrics.From(confusion3, LabelScheme.GroupNames) : null,
            new FailureSummary(Math.Max(totals.Failed, totals.Failures.Count), totals.Failures.Take(failureCap).ToArray()),
            Timings(totals));
    }

    private static RunTimings Timings(RunTotals totals)
    {
        if (totals.Started is not { } started || totals.Finished is not { } finished)
        {
            return new RunTimings(totals.Started, totals.Finished, null, null);
        }

        var seconds = Math.Max(0, (finished - started).TotalSeconds);
        double? rate = seconds > 0 ? totals.Scored / seconds : null;
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

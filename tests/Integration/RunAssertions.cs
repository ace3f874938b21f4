using LandUse.Analysis.Summaries;
using LandUse.Pipeline.Ledger;
using LandUse.Pipeline.Orchestration;
using LandUse.Scoring.Output;

namespace LandUse.Integration;

/// <summary>The checks every full run must pass: exact counts, one prediction per tile, a summary that adds up.</summary>
internal static class RunAssertions
{
    public static void ExactlyOnce(RunOutcome outcome, int tiles, int failed)
    {
        Assert.True(outcome.Status == RunStatus.Completed, $"run {outcome.RunId} ended {outcome.Status} after {outcome.Listed} listed, {outcome.Scored} scored, {outcome.Failed} failed");
        Assert.Equal(tiles, outcome.Listed);
        Assert.Equal(tiles - failed, outcome.Scored);
        Assert.Equal(failed, outcome.Failed);
    }

    public static IReadOnlyList<PredictionRow> PredictionsCsv(string runFolder, int tiles)
    {
        var rows = PredictionCsv.ReadFile(Path.Combine(runFolder, "predictions.csv"));
        Assert.Equal(tiles, rows.Count);
        Assert.Equal(tiles, rows.Select(r => r.Path).Distinct(StringComparer.Ordinal).Count());
        return rows;
    }

    public static RunSummary Summary(string runFolder, RunOutcome outcome)
    {
        var summary = RunSummary.FromJson(File.ReadAllText(Path.Combine(runFolder, "summary.json")));
        Assert.Equal(outcome.Listed, summary.Counts.Listed);
        Assert.Equal(outcome.Scored, summary.Counts.Scored);
        Assert.Equal(outcome.Failed, summary.Counts.Failed);
        Assert.NotNull(summary.Confusion6);
        Assert.Equal(outcome.Scored, summary.Confusion6!.Counts.Sum(row => row.Sum()));
        Assert.Equal(outcome.Scored, summary.PredictedByClass.Values.Sum());
        return summary;
    }
}

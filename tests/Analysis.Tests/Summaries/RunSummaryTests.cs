using LandUse.Analysis.Summaries;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Tests.Summaries;

public sealed class RunSummaryTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static RunTotals Totals(bool withTruth)
    {
        var confusion = new long[36];
        if (withTruth)
        {
            confusion[(5 * 6) + 5] = 8; // Developed → Developed
            confusion[(1 * 6) + 2] = 2; // Forest predicted as Shrub
        }

        return new RunTotals
        {
            RunId = "run-1",
            Source = "tiles/2016",
            ModelVersion = "demo-1",
            Listed = 14,
            Counts = new TileCounts
            {
                Scored = 12,
                Failed = 2,
                Skipped = 0,
                Resized = 1,
                Predicted = [0, 0, 2, 2, 0, 8],
                Confusion = confusion,
                Failures = [new TileFailure("tiles/bad1.png", "not a PNG"), new TileFailure("tiles/bad2.png", "truncated")],
            },
            Started = Start,
            Finished = Start.AddSeconds(4),
        };
    }

    [Fact]
    public void Builder_turns_merged_counts_into_counts_groups_metrics_and_timings()
    {
        var s = RunSummaryBuilder.Build(Totals(withTruth: true));

        Assert.Equal(new RunCounts(14, 12, 2, 0, 1), s.Counts);
        Assert.Equal(8, s.PredictedByClass["Developed"]);
        Assert.Equal([8L, 2L, 2L], LabelScheme.GroupNames.Select(g => s.PredictedByGroup[g]));
        Assert.Equal("8 (66.7 %)", s.Development[LandGroup.Developed].Format());
        Assert.Equal(10, s.WithTruth);
        Assert.Equal(0.8, s.Metrics6!.Accuracy, 12);
        Assert.Equal(1.0, s.Metrics3!.Accuracy, 12);
        Assert.Equal(2, s.Confusion3!.Counts[2][2]);
        Assert.Equal(4, s.Timings.Seconds);
        Assert.Equal(3, s.Timings.TilesPerSecond);
        Assert.Equal(2, s.Failures.Total);
    }

    [Fact]
    public void Without_truth_the_metrics_and_confusion_are_null_but_development_is_kept()
    {
        var s = RunSummaryBuilder.Build(Totals(withTruth: false) is var t ? t with { Counts = t.Counts with { Confusion = [] } } : null!);

        Assert.Null(s.Metrics6);
        Assert.Null(s.Metrics3);
        Assert.Null(s.Confusion6);
        Assert.Equal(0, s.WithTruth);
        Assert.Equal(12, s.Development.Total);
    }

    [Fact]
    public void Failure_list_is_capped_but_the_total_kept()
    {
        var totals = Totals(withTruth: false);
        var failures = Enumerable.Range(0, TileCounts.FailureCap + 10).Select(i => new TileFailure($"bad{i}.png", "broken")).ToArray();
        var s = RunSummaryBuilder.Build(totals with { Counts = totals.Counts with { Failed = 500, Failures = failures } });

        Assert.Equal(TileCounts.FailureCap, s.Failures.Items.Count);
        Assert.Equal(500, s.Failures.Total);
    }

    [Fact]
    public void Json_is_camel_case_and_round_trips()
    {
        var s = RunSummaryBuilder.Build(Totals(withTruth: true));

        var json = s.ToJson();
        var back = RunSummary.FromJson(json);

        Assert.Contains("\"runId\": \"run-1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"predictedByClass\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Developed\": 8", json, StringComparison.Ordinal);
        Assert.Equal(s.Counts, back.Counts);
        Assert.Equal(s.Metrics6!.Kappa, back.Metrics6!.Kappa);
        Assert.Equal(s.Confusion6!.ToMatrix().ToRowMajor(), back.Confusion6!.ToMatrix().ToRowMajor());
        Assert.Equal(s.Development.Groups, back.Development.Groups);
        Assert.Equal(s.Timings, back.Timings);
        Assert.Equal(back.ToJson(), json);
    }

    [Fact]
    public void Bad_json_is_reported_with_what_is_wrong()
    {
        Assert.Contains("not valid JSON", Assert.Throws<InvalidDataException>(() => RunSummary.FromJson("{ nope")).Message, StringComparison.Ordinal);
        Assert.Contains("lacks 'counts'", Assert.Throws<InvalidDataException>(() => RunSummary.FromJson("{\"runId\":\"x\"}")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_number_of_predicted_counts_names_the_run()
    {
        var ex = Assert.Throws<ArgumentException>(() => RunSummaryBuilder.Build(Totals(false) is var t ? t with { Counts = t.Counts with { Predicted = [1, 2] } } : null!));
        Assert.Contains("Run run-1: expected 6 predicted counts, got 2", ex.Message, StringComparison.Ordinal);
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LandUse.Analysis.Summaries;
using LandUse.Scoring.Labels;
using LandUse.Scoring.Output;

namespace LandUse.Analysis.Tests.Summaries;

public sealed class TileCountsTests
{
    [Property(MaxTest = 50)]
    public Property Merging_batch_partials_equals_summing_all_rows_at_once()
    {
        var outcome = Gen.Choose(-1, 5).Two();
        return Prop.ForAll(outcome.ListOf().ToArbitrary(), Gen.Choose(1, 7).ToArbitrary(), (pairs, batch) =>
        {
            var rows = pairs.Select((p, i) => Row(i, p.Item1, p.Item2)).ToArray();
            var merged = rows.Chunk(batch).Select(c => TileCounts.FromRows(c, 0)).Aggregate(TileCounts.Empty, (a, b) => a.Merge(b));
            var whole = TileCounts.FromRows(rows, 0);
            return merged.Scored == whole.Scored
                && merged.Failed == whole.Failed
                && merged.Tiles == rows.Length
                && merged.Predicted.SequenceEqual(whole.Predicted)
                && merged.Confusion.SequenceEqual(whole.Confusion)
                && merged.Confusion.Sum() == rows.Count(r => r.Succeeded && r.Truth is not null)
                && merged.Failures.Count == Math.Min(TileCounts.FailureCap, whole.Failed);
        });
    }

    [Fact]
    public void Confusion_counts_are_truth_major()
    {
        var partial = TileCounts.FromRows([Row(0, (int)LandCover.Developed, (int)LandCover.Forest)], 0);
        Assert.Equal(1, partial.Confusion[((int)LandCover.Forest * 6) + (int)LandCover.Developed]);
        var totals = new RunTotals { RunId = "r", Source = "s", ModelVersion = "m", Listed = 1, Counts = partial };
        Assert.Equal(1, totals.Counts.Scored);
        Assert.Equal(1, totals.Listed);
    }

    [Fact]
    public void Running_accuracy_counts_six_class_hits_and_three_class_hits_over_tiles_with_truth()
    {
        var counts = TileCounts.FromRows(
        [
            Row(0, (int)LandCover.Forest, (int)LandCover.Forest),
            Row(1, (int)LandCover.Shrub, (int)LandCover.Forest),
            Row(2, (int)LandCover.Developed, (int)LandCover.Cultivated),
            Row(3, (int)LandCover.Developed, -1),
            Row(4, -1, (int)LandCover.Forest),
        ], 0);

        Assert.Equal(3, counts.WithTruth);
        Assert.Equal(1.0 / 3, counts.Accuracy6!.Value, 12);
        Assert.Equal(2.0 / 3, counts.Accuracy3!.Value, 12); // Shrub for Forest is still Undeveloped
        Assert.Null(TileCounts.FromRows([Row(0, 1, -1)], 0).Accuracy6);
    }

    // label -1 = failed tile; truth -1 = unknown.
    private static PredictionRow Row(int i, int label, int truth) => new($"t{i}.png", label >= 0 ? (LandCover)label : null, label >= 0 ? new float[6] : null, label >= 0 ? null : "broken")
    {
        Truth = truth >= 0 ? (LandCover)truth : null,
        ModelVersion = "m",
        SourceVersion = "v",
    };
}

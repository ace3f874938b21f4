using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LandUse.Pipeline.Orchestration;
using LandUse.Pipeline.Predictions;
using LandUse.Scoring.Labels;

namespace LandUse.Pipeline.Tests.Orchestration;

public sealed class PartialSummaryTests
{
    [Property(MaxTest = 50)]
    public Property Merging_batch_partials_equals_summing_all_rows_at_once()
    {
        var outcome = Gen.Choose(-1, 5).Two();
        return Prop.ForAll(outcome.ListOf().ToArbitrary(), Gen.Choose(1, 7).ToArbitrary(), (pairs, batch) =>
        {
            var rows = pairs.Select((p, i) => Row(i, p.Item1, p.Item2)).ToArray();
            var merged = rows.Chunk(batch).Select(c => PartialSummary.FromRows(c, 0)).Aggregate(PartialSummary.Empty, (a, b) => a.Merge(b));
            var whole = PartialSummary.FromRows(rows, 0);
            return merged.Scored == whole.Scored
                && merged.Failed == whole.Failed
                && merged.Tiles == rows.Length
                && merged.Predicted.SequenceEqual(whole.Predicted)
                && merged.Confusion.SequenceEqual(whole.Confusion)
                && merged.Confusion.Sum() == rows.Count(r => r.Succeeded && r.Truth is not null)
                && merged.Failures.Count == Math.Min(PartialSummary.FailureCap, whole.Failed);
        });
    }

    [Fact]
    public void Confusion_counts_are_truth_major()
    {
        var partial = PartialSummary.FromRows([Row(0, (int)LandCover.Developed, (int)LandCover.Forest)], 0);
        Assert.Equal(1, partial.Confusion[((int)LandCover.Forest * 6) + (int)LandCover.Developed]);
        var totals = partial.ToRunTotals("r", "s", "m", 1, null, null);
        Assert.Equal(1, totals.Scored);
        Assert.Equal(1, totals.Listed);
    }

    // label -1 = failed tile; truth -1 = unknown.
    private static PredictionRow Row(int i, int label, int truth) => new()
    {
        Path = $"t{i}.png",
        Label = label >= 0 ? (LandCover)label : null,
        Probabilities = label >= 0 ? new float[6] : null,
        Error = label >= 0 ? null : "broken",
        Truth = truth >= 0 ? (LandCover)truth : null,
        ModelVersion = "m",
        SourceVersion = "v",
    };
}

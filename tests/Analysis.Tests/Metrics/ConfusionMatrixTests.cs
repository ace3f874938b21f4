using FsCheck.Xunit;
using LandUse.Analysis.Metrics;
using LandUse.Analysis.Summaries;
using LandUse.Scoring.Labels;

namespace LandUse.Analysis.Tests.Metrics;

public sealed class ConfusionMatrixTests
{
    [Property]
    public bool Confusion_matrix_total_equals_the_scored_tiles_with_truth(int[] codes)
    {
        var tiles = TestTiles.FromCodes(codes);
        var totals = RunTotals.FromTiles("r", tiles);
        var matrix = ConfusionMatrix.FromCounts(6, totals.Counts.Confusion);
        var scoredWithTruth = tiles.Count(t => t.Predicted is not null && t.Truth is not null);
        return matrix.Total == scoredWithTruth
            && totals.Counts.Predicted.Sum() == totals.Counts.Scored
            && totals.Counts.Scored + totals.Counts.Failed == tiles.Count
            && matrix.Regroup().Total == matrix.Total;
    }

    [Property]
    public bool Three_group_accuracy_is_never_below_six_class_accuracy(int[] codes)
    {
        var matrix = ConfusionMatrix.FromCounts(6, RunTotals.FromTiles("r", TestTiles.FromCodes(codes)).Counts.Confusion);
        var six = ClassificationMetrics.From(matrix, LabelScheme.ClassNames);
        var three = ClassificationMetrics.From(matrix.Regroup(), LabelScheme.GroupNames);
        return three.Accuracy >= six.Accuracy && three.Correct >= six.Correct;
    }

    [Property]
    public bool Merging_partial_matrices_equals_counting_everything_at_once(int[] first, int[] second)
    {
        var a = ConfusionMatrix.FromCounts(6, RunTotals.FromTiles("a", TestTiles.FromCodes(first)).Counts.Confusion);
        var b = ConfusionMatrix.FromCounts(6, RunTotals.FromTiles("b", TestTiles.FromCodes(second)).Counts.Confusion);
        var all = ConfusionMatrix.FromCounts(6, RunTotals.FromTiles("ab", TestTiles.FromCodes([.. first, .. second])).Counts.Confusion);
        a.Merge(b);
        return a.ToRowMajor().SequenceEqual(all.ToRowMajor());
    }

    [Fact]
    public void Regrouping_folds_undeveloped_classes_into_one_cell()
    {
        var matrix = ConfusionMatrix.ForClasses();
        matrix.Add(LandCover.Forest, LandCover.Shrub);
        matrix.Add(LandCover.Barren, LandCover.Herbaceous);
        matrix.Add(LandCover.Developed, LandCover.Cultivated);

        var grouped = matrix.Regroup();

        Assert.Equal(2, grouped[(int)LandGroup.Undeveloped, (int)LandGroup.Undeveloped]);
        Assert.Equal(1, grouped[(int)LandGroup.Developed, (int)LandGroup.Cultivated]);
        Assert.Equal(3, grouped.Total);
        Assert.Equal(0, matrix.Correct);
        Assert.Equal(2, grouped.Correct);
    }

    [Fact]
    public void Row_major_counts_round_trip_and_rows_are_truth()
    {
        long[] counts = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        var matrix = ConfusionMatrix.FromCounts(3, counts);

        Assert.Equal(counts, matrix.ToRowMajor());
        Assert.Equal(6, matrix.RowSum(0));
        Assert.Equal(12, matrix.ColumnSum(0));
        Assert.Equal(4, matrix[1, 0]);
        Assert.Equal(counts, ConfusionMatrix.FromRows(matrix.ToRows()).ToRowMajor());
    }

    [Fact]
    public void Bad_counts_are_rejected_with_the_reason()
    {
        var wrongLength = Assert.Throws<ArgumentException>(() => ConfusionMatrix.FromCounts(6, new long[35]));
        Assert.Contains("needs 36 counts, got 35", wrongLength.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentException>(() => ConfusionMatrix.FromCounts(2, [1, -1, 0, 0]));
        Assert.Contains("index 1 is negative", negative.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.ForClasses().Merge(ConfusionMatrix.ForGroups()));
        Assert.Throws<InvalidOperationException>(() => ConfusionMatrix.ForGroups().Regroup());
    }
}

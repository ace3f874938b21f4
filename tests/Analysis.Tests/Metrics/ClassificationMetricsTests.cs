using LandUse.Analysis.Metrics;

namespace LandUse.Analysis.Tests.Metrics;

public sealed class ClassificationMetricsTests
{
    // The textbook kappa example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → kappa 0.4.
    private static readonly ConfusionMatrix Textbook = ConfusionMatrix.FromCounts(2, [20, 5, 10, 15]);

    [Fact]
    public void Kappa_accuracy_and_balanced_accuracy_match_known_values()
    {
        var m = ClassificationMetrics.From(Textbook, ["yes", "no"]);

        Assert.Equal(50, m.Total);
        Assert.Equal(35, m.Correct);
        Assert.Equal(0.7, m.Accuracy, 12);
        Assert.Equal(0.4, m.Kappa, 12);
        Assert.Equal((0.8 + 0.6) / 2, m.BalancedAccuracy, 12);
    }

    [Fact]
    public void Per_class_precision_recall_and_f1_match_known_values()
    {
        var m = ClassificationMetrics.From(Textbook, ["yes", "no"]);

        var yes = m.PerClass[0];
        Assert.Equal("yes", yes.Label);
        Assert.Equal(20.0 / 30, yes.Precision, 12);
        Assert.Equal(0.8, yes.Recall, 12);
        Assert.Equal(2 * (20.0 / 30) * 0.8 / ((20.0 / 30) + 0.8), yes.F1, 12);
        Assert.Equal(25, yes.Support);
        Assert.Equal(30, yes.Predicted);
        var no = m.PerClass[1];
        Assert.Equal(0.75, no.Precision, 12);
        Assert.Equal(0.6, no.Recall, 12);
        Assert.Equal(2 * 0.75 * 0.6 / 1.35, no.F1, 12);
    }

    [Fact]
    public void Classes_never_predicted_or_never_true_get_zero_not_nan()
    {
        var matrix = ConfusionMatrix.FromCounts(3, [4, 0, 0, 2, 0, 0, 0, 0, 0]);

        var m = ClassificationMetrics.From(matrix, ["a", "b", "c"]);

        Assert.Equal(0, m.PerClass[1].Precision);
        Assert.Equal(0, m.PerClass[1].Recall);
        Assert.Equal(0, m.PerClass[2].F1);
        Assert.Equal(0.5, m.BalancedAccuracy, 12); // mean recall over classes with truth (a: 1, b: 0)
        Assert.All(m.PerClass, c => Assert.True(double.IsFinite(c.F1)));
        Assert.True(double.IsFinite(m.Kappa));
    }

    [Fact]
    public void Perfect_single_class_agreement_has_kappa_one_and_empty_matrix_has_zeros()
    {
        Assert.Equal(1, ClassificationMetrics.From(ConfusionMatrix.FromCounts(2, [7, 0, 0, 0]), ["a", "b"]).Kappa);
        var empty = ClassificationMetrics.From(new ConfusionMatrix(2), ["a", "b"]);
        Assert.Equal(0, empty.Accuracy);
        Assert.Equal(0, empty.Kappa);
    }

    [Fact]
    public void Label_count_must_match_the_matrix()
    {
        var ex = Assert.Throws<ArgumentException>(() => ClassificationMetrics.From(Textbook, ["only one"]));
        Assert.Contains("1 labels for a 2-class matrix", ex.Message, StringComparison.Ordinal);
    }
}

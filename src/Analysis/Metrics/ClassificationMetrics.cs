namespace LandUse.Analysis.Metrics;

/// <summary>
/// Accuracy figures of one confusion matrix, the numbers a run's report and the study quote.
/// Ratios with an empty denominator (a class never predicted, no truth at all) are 0, as scikit-learn's zero_division=0.
/// </summary>
public sealed record ClassificationMetrics(
    long Total,
    long Correct,
    double Accuracy,
    double BalancedAccuracy,
    double Kappa,
    IReadOnlyList<ClassMetrics> PerClass)
{
    /// <summary>Computes the metrics of <paramref name="matrix"/>; <paramref name="labels"/> names its classes in index order.</summary>
    public static ClassificationMetrics From(ConfusionMatrix matrix, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != matrix.Size)
        {
            throw new ArgumentException($"Got {labels.Count} labels for a {matrix.Size}-class matrix.", nameof(labels));
        }

        var total = matrix.Total;
        var correct = matrix.Correct;
        var perClass = new List<ClassMetrics>(matrix.Size);
        double recallSum = 0;
        var classesWithTruth = 0;
        double expectedAgreement = 0;
        for (var k = 0; k < matrix.Size; k++)
        {
            var tp = matrix[k, k];
            var support = matrix.RowSum(k);
            var predicted = matrix.ColumnSum(k);
            var precision = Ratio(tp, predicted);
            var recall = Ratio(tp, support);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(labels[k], precision, recall, f1, support, predicted));
            if (support > 0)
            {
                recallSum += recall;
                classesWithTruth++;
            }

            if (total > 0)
            {
                expectedAgreement += (double)support / total * ((double)predicted / total);
            }
        }

        var accuracy = Ratio(correct, total);
        var balanced = classesWithTruth == 0 ? 0 : recallSum / classesWithTruth;
        return new ClassificationMetrics(total, correct, accuracy, balanced, CohenKappa(total, accuracy, expectedAgreement), perClass);
    }

    private static double CohenKappa(long total, double observed, double expected)
    {
        if (total == 0)
        {
            return 0;
        }

        // Expected agreement of 1 means truth and predictions are one and the same single class: perfect agreement.
        return expected >= 1 ? 1 : (observed - expected) / (1 - expected);
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}

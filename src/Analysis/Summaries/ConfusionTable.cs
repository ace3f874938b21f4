using LandUse.Analysis.Metrics;

namespace LandUse.Analysis.Summaries;

/// <summary>A confusion matrix as summary.json stores it: label names and truth rows × predicted columns.</summary>
public sealed record ConfusionTable(IReadOnlyList<string> Labels, IReadOnlyList<IReadOnlyList<long>> Counts)
{
    public static ConfusionTable From(ConfusionMatrix matrix, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return new ConfusionTable(labels, matrix.ToRows());
    }

    public ConfusionMatrix ToMatrix() => ConfusionMatrix.FromRows(Counts);
}

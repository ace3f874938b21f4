using LandUse.Scoring.Labels;

namespace LandUse.Scoring.Training;

/// <summary>What training produced and how well the head does on the held-out split, in 6 classes and in 3 groups.</summary>
public sealed record TrainReport(
    string BundleDirectory,
    string ModelVersion,
    int TrainCount,
    int ValidationCount,
    double ValidationAccuracy6,
    double ValidationAccuracy3,
    IReadOnlyDictionary<LandCover, int> TrainCounts,
    IReadOnlyDictionary<LandCover, int> ValidationCounts,
    IReadOnlyList<IReadOnlyList<int>> ValidationConfusion,
    IReadOnlyList<string> Failed)
{
    /// <summary>The classes the model was trained on (its manifest's labels), in <see cref="LabelScheme.Classes"/> order.</summary>
    public IReadOnlyList<LandCover> Classes { get; init; } = LabelScheme.Classes;
}

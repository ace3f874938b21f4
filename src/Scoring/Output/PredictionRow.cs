using LandUse.Scoring.Inference;
using LandUse.Scoring.Labels;

namespace LandUse.Scoring.Output;

/// <summary>One line of a predictions CSV: a path relative to the source root, and a label with six probabilities or an error.</summary>
public sealed record PredictionRow(string Path, LandCover? Label, IReadOnlyList<float>? Probabilities, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>The row for a scorer's prediction under the given relative path.</summary>
    public static PredictionRow From(string path, TilePrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return new PredictionRow(path, prediction.Label, prediction.Probabilities, prediction.Error);
    }
}

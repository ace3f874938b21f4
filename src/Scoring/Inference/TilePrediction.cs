using LandUse.Scoring.Labels;

namespace LandUse.Scoring.Inference;

/// <summary>
/// The outcome for one tile: a label with probabilities in <see cref="LabelScheme.Classes"/> order,
/// or an error naming why the tile could not be scored. Never both.
/// </summary>
public sealed record TilePrediction(
    string Ref,
    LandCover? Label,
    IReadOnlyList<float>? Probabilities,
    string? Error,
    bool Resized = false)
{
    public bool Succeeded => Error is null;

    public static TilePrediction Failed(string tileRef, string error) => new(tileRef, null, null, error);
}

namespace LandUse.Scoring.Training;

/// <summary>The backbone features of one tile, or why the tile could not be decoded.</summary>
public sealed record FeatureRow(string Ref, float[]? Features, string? Error)
{
    public bool Succeeded => Features is not null;
}

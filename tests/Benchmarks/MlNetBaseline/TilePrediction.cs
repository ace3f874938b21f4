namespace LandUse.MlNetBaseline;

/// <summary>What the scoring loop reads back from the transformed data view: the tile and its predicted class.</summary>
public sealed class TilePrediction
{
    public string ImagePath { get; set; } = string.Empty;

    public string PredictedLabel { get; set; } = string.Empty;
}

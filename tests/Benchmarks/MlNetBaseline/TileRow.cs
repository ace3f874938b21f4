namespace LandUse.MlNetBaseline;

/// <summary>One tile as ML.NET reads it: the image's path and, when training, its class (empty when scoring).</summary>
public sealed class TileRow
{
    public string ImagePath { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;
}
